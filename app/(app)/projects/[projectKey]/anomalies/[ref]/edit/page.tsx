import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { updateAnomaly } from '../../actions';
import { AnomalyForm } from '@/components/recette/anomalies/anomaly-form';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { loadAnomalyPage } from '@/db/queries/anomaly-pages';
import { listCampaignOptions } from '@/db/queries/anomalies';
import { findTraceItemOption } from '@/db/queries/traceability-pages';
import { editableAnomalyFields } from '@/lib/recette/anomaly-schema';
import { requireUser } from '@/lib/session/current-user';
import { formatRef, parseRef } from '@/lib/traceability/refs';

type Props = { params: Promise<{ projectKey: string; ref: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations('anomalies');
  const parsed = parseRef(decodeURIComponent((await params).ref));
  return { title: parsed?.kind === 'anomaly' ? t('form.editTitle', { ref: formatRef('anomaly', parsed.number) }) : t('title') };
}

export default async function EditAnomalyPage({ params }: Props) {
  const { projectKey, ref: segment } = await params;
  const user = await requireUser();
  const { membership, anomaly } = await loadAnomalyPage(user, projectKey, segment);
  const rights = editableAnomalyFields(membership.role, anomaly.createdBy === user.id, anomaly.status);
  if (rights === 'none') notFound();
  const db = getDb();
  const [campaigns, testCase] = await Promise.all([
    listCampaignOptions(db, membership.projectId, anomaly.campaignId),
    anomaly.testCaseId ? findTraceItemOption(db, membership.projectId, 'testCase', anomaly.testCaseId) : null,
  ]);
  const t = await getTranslations('anomalies');
  const ref = formatRef('anomaly', anomaly.number);
  const basePath = `/projects/${membership.projectKey}/anomalies`;
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-4">
      <Link href={`${basePath}/${ref}`} className="text-sm text-muted-foreground hover:underline">
        ← {t('backTo', { ref })}
      </Link>
      <h1 className="text-2xl font-semibold">{t('form.editTitle', { ref })}</h1>
      {rights === 'text' && <Alert>{t('form.reporterOnly')}</Alert>}
      <Card>
        <CardContent className="p-5">
          <AnomalyForm
            projectKey={membership.projectKey}
            basePath={basePath}
            save={updateAnomaly}
            textOnly={rights === 'text'}
            editing={{ id: anomaly.id, ref, revision: anomaly.revision }}
            initial={{
              title: anomaly.title,
              stepsToReproduce: anomaly.stepsToReproduce,
              expectedResult: anomaly.expectedResult,
              actualResult: anomaly.actualResult,
              severity: anomaly.severity,
              priority: anomaly.priority,
              fixVersion: anomaly.fixVersion,
              environment: anomaly.environment,
              build: anomaly.build,
              production: anomaly.production,
              campaignId: anomaly.campaignId ?? '',
              testCaseId: anomaly.testCaseId ?? '',
              assigneeId: anomaly.assigneeId ?? '',
            }}
            options={{
              campaigns: campaigns.map((c) => ({ id: c.id, label: `#${c.number} ${c.name}` })),
              testCase,
              members: [],
            }}
          />
        </CardContent>
      </Card>
    </div>
  );
}
