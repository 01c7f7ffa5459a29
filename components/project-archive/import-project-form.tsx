'use client';

import { Link } from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import type { FormAction } from '@/lib/actions/result';
import { FieldError, FormError } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';

export interface ImportedProject {
  key: string;
  rows: number;
  attachments: number;
  membersAdded: number;
  unmatchedPeople: string[];
}

/** The archive, the new project's key and name; once imported, what came in and who had no account here. */
export function ImportProjectForm({ importProject }: { importProject: FormAction<ImportedProject> }) {
  const t = useTranslations('archive.import');
  const { failure, warning, values, data, formAction, pending } = useActionForm(importProject);
  return (
    <div className="flex flex-col gap-4">
      <form action={formAction} className="flex flex-col gap-4" data-testid="import-project-form">
        <FormError failure={failure} warning={warning} />
        <div className="flex flex-col gap-2">
          <Label htmlFor="archive">{t('file')}</Label>
          <Input id="archive" name="archive" type="file" accept=".zip,application/zip" required />
          <FieldError failure={failure} field="archive" />
        </div>
        <div className="flex flex-col gap-2">
          <Label htmlFor="key">{t('key')}</Label>
          <Input id="key" name="key" required maxLength={10} className="w-40 font-mono uppercase" defaultValue={values.key} aria-describedby="import-key-hint" />
          <p id="import-key-hint" className="text-xs text-muted-foreground">
            {t('keyHint')}
          </p>
          <FieldError failure={failure} field="key" />
        </div>
        <div className="flex flex-col gap-2">
          <Label htmlFor="name">{t('name')}</Label>
          <Input id="name" name="name" required maxLength={200} defaultValue={values.name} />
          <FieldError failure={failure} field="name" />
        </div>
        <div>
          <Button type="submit" disabled={pending}>
            {pending ? t('submitting') : t('submit')}
          </Button>
        </div>
      </form>
      {data && (
        <div role="status" className="flex flex-col gap-2 rounded-md border border-emerald-300 bg-emerald-50 p-4 text-sm text-emerald-950" data-testid="import-project-done">
          <p>{t('done', { key: data.key, rows: data.rows, attachments: data.attachments, members: data.membersAdded })}</p>
          {data.unmatchedPeople.length > 0 && <p>{t('unmatched', { names: data.unmatchedPeople.join(', ') })}</p>}
          <p>
            <Link href={`/projects/${data.key}`} className="text-primary underline underline-offset-4">
              {t('open')}
            </Link>
          </p>
        </div>
      )}
    </div>
  );
}
