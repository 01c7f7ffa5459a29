import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { removeTraceLink, reviewTraceLink } from '../../traceability/actions';
import { linkTestCase } from '../actions';
import { TestCaseLinksPanel } from '@/components/recette/test-case-links-panel';
import { criterionText } from '@/components/recette/test-case-labels';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { loadTestCasePage } from '@/db/queries/test-case-pages';
import { listTestCaseLinks } from '@/db/queries/test-cases';
import { can } from '@/lib/auth/roles';
import { requireUser } from '@/lib/session/current-user';
import { formatRef, parseRef } from '@/lib/traceability/refs';

type Props = { params: Promise<{ projectKey: string; ref: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parsed = parseRef(decodeURIComponent((await params).ref));
  return { title: parsed?.kind === 'testCase' ? formatRef('testCase', parsed.number) : (await getTranslations('testCases'))('title') };
}

export default async function TestCasePage({ params }: Props) {
  const { projectKey, ref: segment } = await params;
  const { membership, testCase } = await loadTestCasePage(await requireUser(), projectKey, segment);
  const links = await listTestCaseLinks(getDb(), membership.projectId, testCase.id);
  const t = await getTranslations('testCases');
  const format = await getFormatter();
  const ref = formatRef('testCase', testCase.number);
  const href = `/projects/${membership.projectKey}/test-cases/${ref}`;
  // Showing or hiding controls is a courtesy; the actions check the role themselves.
  const canWrite = can(membership.role, 'tests.write');

  const textCard = (title: string, text: string, testId: string) => (
    <Card>
      <CardHeader className="pb-2">
        <CardTitle className="text-base">{title}</CardTitle>
      </CardHeader>
      <CardContent data-testid={testId}>
        {text ? <p className="whitespace-pre-wrap text-sm">{text}</p> : <p className="text-sm italic text-muted-foreground">{t('detail.none')}</p>}
      </CardContent>
    </Card>
  );

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-4">
      <Link href={`/projects/${membership.projectKey}/test-cases`} className="text-sm text-muted-foreground hover:underline">
        {t('backToList')}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 flex-col gap-2">
          <h1 className="break-words text-2xl font-semibold">
            <span className="font-mono text-muted-foreground">{ref}</span> {testCase.title}
          </h1>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <Badge variant="outline">{t(`types.${testCase.type}`)}</Badge>
            <Badge variant="outline">
              {t('fields.priority')} : {t(`priorities.${testCase.priority}`)}
            </Badge>
            {testCase.folder && <Badge variant="outline">{testCase.folder.split('/').join(' › ')}</Badge>}
            {testCase.tags.map((tag) => (
              <Badge key={tag} variant="secondary">
                {tag}
              </Badge>
            ))}
            <span className="text-muted-foreground">
              {testCase.automated ? t('detail.automatedWith', { key: testCase.automationKey }) : t('detail.manual')}
            </span>
          </div>
          <p className="text-sm text-muted-foreground" data-testid="test-case-version">
            {t('detail.version', { version: testCase.version })} ·{' '}
            {t('detail.updated', {
              date: format.dateTime(testCase.updatedAt, { dateStyle: 'long', timeStyle: 'short' }),
              name: testCase.updatedByName ?? '—',
            })}
          </p>
        </div>
        <div className="flex gap-2">
          {canWrite && (
            <Button asChild>
              <Link href={`${href}/edit`}>{t('detail.edit')}</Link>
            </Button>
          )}
          <Button asChild variant="outline">
            <Link href={`${href}/history`}>{t('detail.history')}</Link>
          </Button>
        </div>
      </div>
      {textCard(t('fields.objective'), testCase.objective, 'test-case-objective')}
      <div className="grid gap-4 md:grid-cols-2">
        {textCard(t('fields.preconditions'), testCase.preconditions, 'test-case-preconditions')}
        {textCard(t('fields.testData'), testCase.testData, 'test-case-test-data')}
      </div>
      <Card>
        <CardHeader className="pb-2">
          <CardTitle className="text-base">{t('fields.steps')}</CardTitle>
        </CardHeader>
        <CardContent>
          {testCase.steps.length === 0 ? (
            <p className="text-sm italic text-muted-foreground">{t('detail.noSteps')}</p>
          ) : (
            <ol className="flex flex-col divide-y" data-testid="test-case-steps">
              {testCase.steps.map((step, i) => (
                <li key={i} className="grid gap-1 py-2 text-sm md:grid-cols-[2rem_1fr_1fr]">
                  <span className="font-medium tabular-nums">{i + 1}.</span>
                  <p className="whitespace-pre-wrap">{step.action}</p>
                  <p className="whitespace-pre-wrap text-muted-foreground">→ {step.expected || t('detail.none')}</p>
                </li>
              ))}
            </ol>
          )}
        </CardContent>
      </Card>
      {testCase.type === 'performance' && testCase.criteria.length > 0 && (
        <Card>
          <CardHeader className="pb-2">
            <CardTitle className="text-base">{t('fields.criteria')}</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="list-disc pl-5 text-sm" data-testid="test-case-criteria">
              {testCase.criteria.map((c, i) => (
                <li key={i}>{criterionText(c, t)}</li>
              ))}
            </ul>
          </CardContent>
        </Card>
      )}
      <TestCaseLinksPanel
        projectKey={membership.projectKey}
        testCaseId={testCase.id}
        links={links.map((l) => ({
          linkId: l.linkId,
          targetType: l.targetType,
          upstreamId: l.upstreamId,
          number: l.number,
          title: l.title,
          upstreamVersion: l.upstreamVersion,
          suspect: l.suspect,
          directlySuspect: l.directlySuspect,
        }))}
        canEdit={canWrite}
        link={linkTestCase}
        unlink={removeTraceLink}
        review={reviewTraceLink}
      />
    </div>
  );
}
