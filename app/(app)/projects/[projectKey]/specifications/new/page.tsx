import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { createSpecification } from '../actions';
import { SpecificationEditor } from '@/components/specifications/specification-editor';
import { Alert } from '@/components/ui/alert';
import { requireProjectMembership } from '@/db/queries/project-access';
import { can } from '@/lib/auth/roles';
import { requireUser } from '@/lib/session/current-user';
import { SPECIFICATION_CATEGORIES } from '@/lib/specifications/model';

type Props = { params: Promise<{ projectKey: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('specifications'))('editor.createTitle') };
}

export default async function NewSpecificationPage({ params }: Props) {
  const user = await requireUser();
  const membership = await requireProjectMembership(user, (await params).projectKey);
  const t = await getTranslations('specifications');
  const listHref = `/projects/${membership.projectKey}/specifications`;
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4">
      <Link href={listHref} className="text-sm text-muted-foreground hover:underline">
        ← {t('backToList')}
      </Link>
      <h1 className="text-2xl font-semibold">{t('editor.createTitle')}</h1>
      {can(membership.role, 'specifications.write') ? (
        <SpecificationEditor
          mode="create"
          projectKey={membership.projectKey}
          categories={SPECIFICATION_CATEGORIES}
          initial={{ title: '', body: '', category: '' }}
          save={createSpecification}
        />
      ) : (
        <Alert role="status">{t('editor.forbidden')}</Alert>
      )}
    </div>
  );
}
