'use client';

import { useTranslations } from 'next-intl';
import type { FormAction } from '@/lib/actions/result';
import { FormError } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ProjectFields } from './project-fields';

export function ProjectSettingsForm({
  projectKey,
  editable,
  initial,
  updateProject,
}: {
  projectKey: string;
  editable: boolean;
  initial: Record<'name' | 'client' | 'description' | 'version', string>;
  updateProject: FormAction<{ version: number }>;
}) {
  const t = useTranslations('settings');
  const { failure, warning, data, values, formAction, pending } = useActionForm(updateProject, { initialValues: initial });
  // After a save the form carries the new version, so the next save is checked against it.
  const version = data ? String(data.version) : (values.version ?? initial.version);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <FormError failure={failure} warning={warning} />
      {data && !failure && (
        <Alert variant="success" role="status">
          {t('saved')}
        </Alert>
      )}
      <input type="hidden" name="projectKey" value={projectKey} />
      <input type="hidden" name="version" value={version} />
      <fieldset disabled={!editable} className="flex flex-col gap-4">
        <ProjectFields failure={failure} values={values} />
      </fieldset>
      {editable && (
        <div>
          <Button type="submit" disabled={pending}>
            {t('save')}
          </Button>
        </div>
      )}
    </form>
  );
}
