import { useTranslations } from 'next-intl';
import { FieldError } from '@/components/forms/form-status';
import { Input, Textarea } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { ActionFailure } from '@/lib/actions/result';

/** Name, client and description: shared by the creation form and the project settings. */
export function ProjectFields({ failure, values }: { failure: ActionFailure | null; values: Record<string, string> }) {
  const t = useTranslations('projects');
  return (
    <>
      <div className="flex flex-col gap-2">
        <Label htmlFor="name">{t('name')}</Label>
        <Input id="name" name="name" required maxLength={200} defaultValue={values.name} placeholder={t('namePlaceholder')} />
        <FieldError failure={failure} field="name" />
      </div>
      <div className="flex flex-col gap-2">
        <Label htmlFor="client">{t('client')}</Label>
        <Input id="client" name="client" required maxLength={200} defaultValue={values.client} placeholder={t('clientPlaceholder')} />
        <FieldError failure={failure} field="client" />
      </div>
      <div className="flex flex-col gap-2">
        <Label htmlFor="description">{t('description')}</Label>
        <Textarea id="description" name="description" rows={4} maxLength={5000} defaultValue={values.description} />
        <FieldError failure={failure} field="description" />
      </div>
    </>
  );
}
