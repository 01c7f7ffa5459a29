import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { createTestCase } from '../actions';
import { TestCaseForm } from '@/components/recette/test-case-form';
import { Card, CardContent } from '@/components/ui/card';
import { requireProjectMembership } from '@/db/queries/project-access';
import { can } from '@/lib/auth/roles';
import { requireUser } from '@/lib/session/current-user';

type Props = { params: Promise<{ projectKey: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('testCases'))('form.newTitle') };
}

export default async function NewTestCasePage({ params }: Props) {
  const membership = await requireProjectMembership(await requireUser(), (await params).projectKey);
  if (!can(membership.role, 'tests.write')) notFound();
  const t = await getTranslations('testCases');
  const basePath = `/projects/${membership.projectKey}/test-cases`;
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-4">
      <Link href={basePath} className="text-sm text-muted-foreground hover:underline">
        {t('backToList')}
      </Link>
      <h1 className="text-2xl font-semibold">{t('form.newTitle')}</h1>
      <Card>
        <CardContent className="p-5">
          <TestCaseForm
            projectKey={membership.projectKey}
            basePath={basePath}
            save={createTestCase}
            initial={{
              title: '',
              objective: '',
              preconditions: '',
              testData: '',
              steps: [{ action: '', expected: '' }],
              type: 'functional',
              priority: 'medium',
              folder: '',
              tags: '',
              automated: false,
              automationKey: '',
              criteria: [],
            }}
          />
        </CardContent>
      </Card>
    </div>
  );
}
