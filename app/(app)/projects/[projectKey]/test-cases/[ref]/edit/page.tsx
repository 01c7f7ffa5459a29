import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { updateTestCase } from '../../actions';
import { TestCaseForm } from '@/components/recette/test-case-form';
import { Card, CardContent } from '@/components/ui/card';
import { loadTestCasePage } from '@/db/queries/test-case-pages';
import { can } from '@/lib/auth/roles';
import { requireUser } from '@/lib/session/current-user';
import { formatRef, parseRef } from '@/lib/traceability/refs';

type Props = { params: Promise<{ projectKey: string; ref: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations('testCases');
  const parsed = parseRef(decodeURIComponent((await params).ref));
  return { title: parsed?.kind === 'testCase' ? t('form.editTitle', { ref: formatRef('testCase', parsed.number) }) : t('title') };
}

export default async function EditTestCasePage({ params }: Props) {
  const { projectKey, ref: segment } = await params;
  const { membership, testCase } = await loadTestCasePage(await requireUser(), projectKey, segment);
  if (!can(membership.role, 'tests.write')) notFound();
  const t = await getTranslations('testCases');
  const ref = formatRef('testCase', testCase.number);
  const basePath = `/projects/${membership.projectKey}/test-cases`;
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-4">
      <Link href={`${basePath}/${ref}`} className="text-sm text-muted-foreground hover:underline">
        ← {t('backTo', { ref })}
      </Link>
      <h1 className="text-2xl font-semibold">{t('form.editTitle', { ref })}</h1>
      <Card>
        <CardContent className="p-5">
          <TestCaseForm
            projectKey={membership.projectKey}
            basePath={basePath}
            save={updateTestCase}
            editing={{ id: testCase.id, ref, version: testCase.version, revision: testCase.revision }}
            initial={{ ...testCase, tags: testCase.tags.join(', ') }}
          />
        </CardContent>
      </Card>
    </div>
  );
}
