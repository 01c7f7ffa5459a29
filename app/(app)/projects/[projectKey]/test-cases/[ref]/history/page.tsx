import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { readableSnapshot, testCaseFieldLabels } from '@/components/recette/test-case-labels';
import { VersionHistory } from '@/components/versioning/version-history';
import { getDb } from '@/db/client';
import { loadTestCasePage } from '@/db/queries/test-case-pages';
import { listVersions } from '@/db/queries/versioned-items';
import { TEST_CASE_CONTENT_FIELDS } from '@/lib/recette/model';
import { requireUser } from '@/lib/session/current-user';
import { formatRef, parseRef } from '@/lib/traceability/refs';

type Props = {
  params: Promise<{ projectKey: string; ref: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const versionParam = z.coerce.number().int().positive().optional().catch(undefined);
const searchSchema = z.object({ from: versionParam, to: versionParam });

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations('testCases');
  const parsed = parseRef(decodeURIComponent((await params).ref));
  return { title: parsed?.kind === 'testCase' ? t('history.title', { ref: formatRef('testCase', parsed.number) }) : t('title') };
}

export default async function TestCaseHistoryPage({ params, searchParams }: Props) {
  const { projectKey, ref: segment } = await params;
  const { membership, testCase } = await loadTestCasePage(await requireUser(), projectKey, segment);
  const versions = await listVersions(getDb(), 'testCase', testCase.id);
  const search = searchSchema.parse(await searchParams);
  const t = await getTranslations('testCases');
  const ref = formatRef('testCase', testCase.number);
  // Steps and criteria are stored as lists; the redline compares them as numbered lines of text.
  const readable = versions.map((v) => ({ ...v, snapshot: readableSnapshot((v.snapshot ?? {}) as Record<string, unknown>, t) }));
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4">
      <Link href={`/projects/${membership.projectKey}/test-cases/${ref}`} className="text-sm text-muted-foreground hover:underline">
        ← {t('backTo', { ref })}
      </Link>
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold">{t('history.title', { ref })}</h1>
        <p className="text-sm text-muted-foreground">
          {testCase.title} · {t('history.intro', { version: testCase.version })}
        </p>
      </div>
      <VersionHistory versions={readable} fields={TEST_CASE_CONTENT_FIELDS} labels={testCaseFieldLabels(t)} from={search.from} to={search.to} />
    </div>
  );
}
