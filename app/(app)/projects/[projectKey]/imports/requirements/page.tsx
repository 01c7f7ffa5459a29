import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { importRequirements } from '../actions';
import { ImportPage } from '@/components/spreadsheets/import-page';
import { requireProjectMembership } from '@/db/queries/project-access';
import { can } from '@/lib/auth/roles';
import { requireUser } from '@/lib/session/current-user';

type Props = { params: Promise<{ projectKey: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('spreadsheets.import'))('requirementsTitle') };
}

export default async function ImportRequirementsPage({ params }: Props) {
  const user = await requireUser();
  const membership = await requireProjectMembership(user, (await params).projectKey);
  return (
    <ImportPage
      kind="requirement"
      projectKey={membership.projectKey}
      listHref={`/projects/${membership.projectKey}/requirements`}
      allowed={can(membership.role, 'requirements.write')}
      save={importRequirements}
    />
  );
}
