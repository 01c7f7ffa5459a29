import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { createRequirement } from '../actions';
import { chapterOptions } from '@/components/requirements/chapter-options';
import { RequirementForm } from '@/components/requirements/requirement-form';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { requireProjectMembership } from '@/db/queries/project-access';
import { listRequirementOutline } from '@/db/queries/requirements';
import { can } from '@/lib/auth/roles';
import { requireUser } from '@/lib/session/current-user';
import { parseRef } from '@/lib/traceability/refs';

type Props = {
  params: Promise<{ projectKey: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('requirements'))('new') };
}

export default async function NewRequirementPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const membership = await requireProjectMembership(user, (await params).projectKey);
  const t = await getTranslations('requirements');
  const basePath = `/projects/${membership.projectKey}/requirements`;
  const header = (
    <>
      <Link href={basePath} className="text-sm text-muted-foreground hover:underline">
        ← {t('backToList')}
      </Link>
      <h1 className="text-2xl font-semibold">{t('new')}</h1>
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

  const outline = await listRequirementOutline(getDb(), membership.projectId);
  // "Add a sub-requirement" from a chapter's page arrives with ?parent=EXF-n.
  const { parent } = await searchParams;
  const parentRef = typeof parent === 'string' ? parseRef(parent) : null;
  const parentId =
    parentRef?.kind === 'requirement' ? (outline.find((r) => r.number === parentRef.number)?.id ?? '') : '';

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-4">
      {header}
      <p className="text-sm text-muted-foreground">{t('form.newIntro')}</p>
      <Card>
        <CardContent className="p-5">
          <RequirementForm
            projectKey={membership.projectKey}
            basePath={basePath}
            chapters={chapterOptions(outline)}
            save={createRequirement}
            initial={{
              title: '',
              statement: '',
              rationale: '',
              acceptanceCriteria: '',
              priority: 'must',
              status: 'draft',
              source: '',
              tags: '',
              parentId,
            }}
          />
        </CardContent>
      </Card>
    </div>
  );
}
