'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import type { FormAction } from '@/lib/actions/result';
import { FieldError, FormError } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { ProjectFields } from './project-fields';

export function CreateProjectForm({ createProject }: { createProject: FormAction<{ key: string }> }) {
  const t = useTranslations('projects');
  const router = useRouter();
  const { failure, warning, values, formAction, pending } = useActionForm(createProject, {
    onSuccess: (project) => router.push(`/projects/${project.key}`),
  });
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <FormError failure={failure} warning={warning} />
      <div className="flex flex-col gap-2">
        <Label htmlFor="key">{t('key')}</Label>
        <Input
          id="key"
          name="key"
          required
          maxLength={10}
          className="w-40 font-mono uppercase"
          defaultValue={values.key}
          placeholder="PAIE"
          aria-describedby="key-hint"
        />
        <p id="key-hint" className="text-xs text-muted-foreground">
          {t('keyHint')}
        </p>
        <FieldError failure={failure} field="key" />
      </div>
      <ProjectFields failure={failure} values={values} />
      <div>
        <Button type="submit" disabled={pending}>
          {t('create')}
        </Button>
      </div>
    </form>
  );
}
