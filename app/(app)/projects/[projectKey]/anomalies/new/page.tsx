import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { raiseAnomaly } from '../actions';
import { AnomalyForm, type AnomalyFormValues } from '@/components/recette/anomalies/anomaly-form';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { findExecutionForAnomaly, listAssignableMembers, listCampaignOptions } from '@/db/queries/anomalies';
import { requireProjectMembership } from '@/db/queries/project-access';
import { can } from '@/lib/auth/roles';
import { anomalyPrefill } from '@/lib/recette/anomaly-prefill';
import { requireUser } from '@/lib/session/current-user';
import { formatRef } from '@/lib/traceability/refs';

type Props = {
  params: Promise<{ projectKey: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** `?execution=<id>&step=<index>` from the runner; anything malformed is a form filled by hand. */
const fromRunner = z.object({
  execution: z.uuid().optional().catch(undefined),
  step: z.coerce.number().int().min(0).max(10_000).optional().catch(undefined),
});

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('anomalies'))('form.newTitle') };
}

export default async function NewAnomalyPage({ params, searchParams }: Props) {
  const membership = await requireProjectMembership(await requireUser(), (await params).projectKey);
  if (!can(membership.role, 'tests.execute')) notFound();
  const query = fromRunner.parse(await searchParams);
  const db = getDb();
  const [campaigns, members, execution] = await Promise.all([
    listCampaignOptions(db, membership.projectId),
    listAssignableMembers(db, membership.projectId),
    query.execution ? findExecutionForAnomaly(db, membership.projectId, query.execution) : null,
  ]);
  // Another project's execution is as good as none: the page never says it exists.
  if (query.execution && !execution) notFound();
  const t = await getTranslations('anomalies');
  const basePath = `/projects/${membership.projectKey}/anomalies`;
  const prefill = execution && query.step !== undefined ? anomalyPrefill(execution, query.step) : null;
  const initial: AnomalyFormValues = {
    title: prefill ? t('form.suggestedTitle', { title: prefill.testCaseTitle, step: prefill.stepNumber }) : '',
    stepsToReproduce: prefill?.stepsToReproduce ?? '',
    expectedResult: prefill?.expectedResult ?? '',
    actualResult: prefill?.actualResult ?? '',
    severity: 'major',
    priority: 'medium',
    fixVersion: '',
    environment: prefill ? execution!.environment : '',
    build: prefill ? execution!.build : '',
    production: false,
    campaignId: prefill ? execution!.campaignId : '',
    testCaseId: prefill ? execution!.testCaseId : '',
    assigneeId: '',
  };
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-4">
      <Link href={basePath} className="text-sm text-muted-foreground hover:underline">
        {t('backToList')}
      </Link>
      <h1 className="text-2xl font-semibold">{t('form.newTitle')}</h1>
      {execution && prefill && (
        <Alert data-testid="anomaly-origin">
          {t('form.fromExecution', { step: prefill.stepNumber, title: execution.testCaseTitle, campaign: `#${execution.campaignNumber} ${execution.campaignName}` })}
        </Alert>
      )}
      {execution && !prefill && query.step !== undefined && <Alert variant="warning">{t('form.badStep', { step: query.step + 1 })}</Alert>}
      <Card>
        <CardContent className="p-5">
          <AnomalyForm
            projectKey={membership.projectKey}
            basePath={basePath}
            save={raiseAnomaly}
            initial={initial}
            origin={prefill ? { executionId: execution!.id, stepIndex: query.step! } : undefined}
            options={{
              campaigns: [
                ...campaigns,
                // An old campaign's run is not among the recent ones offered: its own campaign is shown all the same.
                ...(execution && !campaigns.some((c) => c.id === execution.campaignId)
                  ? [{ id: execution.campaignId, number: execution.campaignNumber, name: execution.campaignName }]
                  : []),
              ].map((c) => ({ id: c.id, label: `#${c.number} ${c.name}` })),
              // Raised from a run, the campaign and test case are the run's (the form shows them, locked).
              testCase: prefill ? { id: execution!.testCaseId, ref: formatRef('testCase', execution!.testCaseNumber), title: execution!.testCaseTitle, status: '' } : null,
              members: members.map((m) => ({ id: m.id, label: m.name })),
            }}
          />
        </CardContent>
      </Card>
    </div>
  );
}
