import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { getDb } from '@/db/client';
import { findRunnerItem, listItemExecutions, loadRunnerCampaign } from '@/db/queries/runner';
import { formatDuration } from '@/lib/recette/runner';
import { requireUser } from '@/lib/session/current-user';
import { formatRef } from '@/lib/traceability/refs';

type Props = { params: Promise<{ projectKey: string; number: string; itemId: string }> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('runner'))('history') };
}

/** Every run of one campaign item, each as it was recorded: the version it ran, its steps and results, who, when. */
export default async function ItemHistoryPage({ params }: Props) {
  const { projectKey, number, itemId } = await params;
  const { membership, campaign } = await loadRunnerCampaign(await requireUser(), projectKey, number);
  if (!UUID.test(itemId)) notFound();
  const db = getDb();
  const item = await findRunnerItem(db, membership.projectId, campaign.id, itemId);
  if (!item) notFound();
  const runs = await listItemExecutions(db, membership.projectId, item.id);
  const t = await getTranslations('runner');
  const format = await getFormatter();
  const ref = formatRef('testCase', item.testCaseNumber);
  const base = `/projects/${membership.projectKey}/campaigns/${campaign.number}`;
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'long', timeStyle: 'short' });

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-4">
      <Link href={`${base}/run?item=${item.id}`} className="text-sm text-muted-foreground hover:underline">
        {t('itemHistory.open')}
      </Link>
      <h1 className="text-2xl font-semibold">
        {t('itemHistory.title', { ref })} <span className="text-muted-foreground">{item.title}</span>
      </h1>
      {runs.length === 0 && <p className="text-sm text-muted-foreground">{t('itemHistory.empty')}</p>}
      <ol className="flex flex-col gap-4" data-testid="item-runs">
        {runs.map((run) => (
          <li key={run.id} className="flex flex-col gap-2 rounded-md border p-3" data-testid="item-run">
            <h2 className="flex flex-wrap items-center gap-2 font-semibold">
              {t('itemHistory.run', { date: date(run.startedAt) })}
              <Badge variant="outline">{t(`statuses.${run.status}`)}</Badge>
            </h2>
            <p className="text-sm text-muted-foreground">
              {t('version', { version: run.testCaseVersion })} · {t('itemHistory.by', { name: run.executedByName ?? t('itemHistory.unknown') })} ·{' '}
              {t('environment', { environment: run.environment || '—', build: run.build || '—' })}
              {run.durationMs !== null && <> · {t('duration', { duration: formatDuration(run.durationMs) })}</>}
              {run.finishedAt === null && <> · {t('itemHistory.inProgress', { date: date(run.startedAt) })}</>}
            </p>
            {run.overrideReason && (
              <p className="text-sm">{t('overridden', { derived: t(`statuses.${run.derivedStatus}`), reason: run.overrideReason })}</p>
            )}
            {run.comment && <p className="whitespace-pre-wrap text-sm">{run.comment}</p>}
            <table className="w-full text-sm">
              <thead>
                <tr className="border-b text-left">
                  <th scope="col" className="py-1">#</th>
                  <th scope="col">{t('stepAction')}</th>
                  <th scope="col">{t('stepExpected')}</th>
                  <th scope="col">{t('actual')}</th>
                  <th scope="col">{t('verdict')}</th>
                </tr>
              </thead>
              <tbody>
                {run.steps.map((step, i) => (
                  <tr key={i} className="border-b align-top">
                    <td className="py-1">{i + 1}</td>
                    <td className="whitespace-pre-wrap">{step.action}</td>
                    <td className="whitespace-pre-wrap">{step.expected}</td>
                    <td className="whitespace-pre-wrap">{run.stepResults[i]?.actual}</td>
                    <td>{t(`stepStatuses.${run.stepResults[i]?.status ?? 'none'}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </li>
        ))}
      </ol>
    </div>
  );
}
