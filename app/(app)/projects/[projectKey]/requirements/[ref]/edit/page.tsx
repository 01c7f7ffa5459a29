import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { updateRequirement } from '../../actions';
import { chapterOptions } from '@/components/requirements/chapter-options';
import { RequirementForm } from '@/components/requirements/requirement-form';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { requireProjectMembership } from '@/db/queries/project-access';
import { findRequirementByRef } from '@/db/queries/requirement-pages';
import { listRequirementOutline } from '@/db/queries/requirements';
import { can } from '@/lib/auth/roles';
import { requireUser } from '@/lib/session/current-user';
import { formatRef, parseRef } from '@/lib/traceability/refs';

type Props = { params: Promise<{ projectKey: string; ref: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations('requirements');
  const parsed = parseRef((await params).ref);
  return {
    title: parsed?.kind === 'requirement' ? t('form.editTitle', { ref: formatRef('requirement', parsed.number) }) : t('title'),
  };
}

export default async function EditRequirementPage({ params }: Props) {
  const { projectKey, ref: segment } = await params;
  const user = await requireUser();
  const membership = await requireProjectMembership(user, projectKey);
  const db = getDb();
  const found = await findRequirementByRef(db, membership.projectId, segment);
  if (!found) notFound();
  const { requirement, ref } = found;
  const basePath = `/projects/${membership.projectKey}/requirements`;
  if (!found.isCanonical) redirect(`${basePath}/${ref}/edit`);
  const t = await getTranslations('requirements');
  const header = (
    <>
      <Link href={`${basePath}/${ref}`} className="text-sm text-muted-foreground hover:underline">
        ← {t('backTo', { ref })}
      </Link>
      <h1 className="break-words text-2xl font-semibold">{t('form.editTitle', { ref })}</h1>
    </>
  );
  if (!can(membership.role, 'requirements.write')) {
    return (
      <div className="mx-auto flex max-w-5xl flex-col gap-4">
        {header}
        <Alert role="status">{t('form.readOnly')}</Alert>
      </div>
    );
  }

  const outline = await listRequirementOutline(db, membership.projectId);
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-4">
      {header}
      <p className="text-sm text-muted-foreground">{t('form.editIntro')}</p>
      <Card>
        <CardContent className="p-5">
          <RequirementForm
            projectKey={membership.projectKey}
            basePath={basePath}
            currentRef={ref}
            chapters={chapterOptions(outline, requirement.id)}
            save={updateRequirement}
            initial={{
              id: requirement.id,
              version: String(requirement.version),
              revision: String(requirement.revision),
              title: requirement.title,
              statement: requirement.statement,
              rationale: requirement.rationale,
              acceptanceCriteria: requirement.acceptanceCriteria,
              priority: requirement.priority,
              status: requirement.status,
              source: requirement.source,
              tags: requirement.tags.join(', '),
              parentId: requirement.parentId ?? '',
            }}
          />
        </CardContent>
      </Card>
    </div>
  );
}
