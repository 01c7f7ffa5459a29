import { SectionPlaceholder } from '@/components/projects/section-placeholder';
import { requireProjectMembership } from '@/db/queries/project-access';
import { requireUser } from '@/lib/session/current-user';

export default async function Page({ params }: { params: Promise<{ projectKey: string }> }) {
  await requireProjectMembership(await requireUser(), (await params).projectKey);
  return <SectionPlaceholder section="specifications" />;
}
