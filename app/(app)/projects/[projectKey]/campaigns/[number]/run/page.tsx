import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { confirmRetest, finishExecution, recordMeasurements, recordStep, startExecution } from './actions';
import { removeAttachment } from '../../../attachments/actions';
import { ClientMessages } from '@/components/providers/client-messages';
import { RunnerItemList } from '@/components/recette/runner/runner-item-list';
import { TestRunner } from '@/components/recette/runner/test-runner';
import { getDb } from '@/db/client';
import { listPageSize } from '@/db/queries/page-size';
import { executionState, findRunnerItem, listRunnerItems, loadRunnerCampaign, runnerPosition } from '@/db/queries/runner';
import { can } from '@/lib/auth/roles';
import { runnerListPage } from '@/lib/recette/runner';
import { requireUser } from '@/lib/session/current-user';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Props = {
  params: Promise<{ projectKey: string; number: string }>;
  searchParams: Promise<{ item?: string | string[]; list?: string | string[] }>;
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('runner'))('title') };
}

export default async function RunnerPage({ params, searchParams }: Props) {
  const { projectKey, number } = await params;
  const user = await requireUser();
  const { membership, campaign } = await loadRunnerCampaign(user, projectKey, number);
  const t = await getTranslations('runner');
  const db = getDb();
  const { item: asked, list } = await searchParams;
  // An id that is not one (a hand-edited link) opens the default item, as one of another campaign does.
  const askedId = typeof asked === 'string' && UUID.test(asked) ? asked : undefined;
  const listPage = typeof list === 'string' && /^\d{1,6}$/.test(list) ? Number(list) : undefined;
  const { current, nextId, total } = await runnerPosition(db, membership.projectId, campaign.id, { askedId, me: user.id });
  const base = `/projects/${membership.projectKey}/campaigns/${campaign.number}`;
  const pageSize = listPageSize(50);
  const window = runnerListPage(total, pageSize, current?.rank ?? null, listPage);
  const [detail, state, listed] = await Promise.all([
    current ? findRunnerItem(db, membership.projectId, campaign.id, current.id) : null,
    current?.lastExecutionId ? executionState(db, membership.projectId, current.lastExecutionId) : null,
    total > 0 ? listRunnerItems(db, membership.projectId, campaign.id, { page: window.page, pageSize }) : [],
  ]);
  // Showing or hiding controls is a courtesy; the actions check the role and the campaign themselves.
  const canExecute = can(membership.role, 'tests.execute') && campaign.status !== 'closed';

  // The runner's own texts (steps, shortcuts overlay, retest proposals, evidence) go to this page's client only: the
  // campaign page beside it sent them too, unused, in every payload.
  return (
    <ClientMessages namespaces={['campaigns', 'runner', 'evidence']}>
      <div className="mx-auto flex max-w-7xl flex-col gap-4">
        <Link href={base} className="text-sm text-muted-foreground hover:underline">
          {t('backToCampaign')}
        </Link>
        <h1 className="text-2xl font-semibold">{t('pageTitle', { campaign: campaign.name })}</h1>
        {campaign.status === 'closed' && (
          <p role="status" className="text-sm text-muted-foreground">
            {t('campaignClosed')}
          </p>
        )}
        {campaign.status !== 'closed' && !can(membership.role, 'tests.execute') && (
          <p role="status" className="text-sm text-muted-foreground" data-testid="runner-read-only">
            {t('readOnly')}
          </p>
        )}
        <div className="grid gap-4 lg:grid-cols-[18rem_1fr] [&>*]:min-w-0">
          <RunnerItemList items={listed} window={window} currentId={current?.id ?? null} base={base} me={user.id} />
          {current && detail ? (
            <TestRunner
              key={`${current.id}:${state?.execution.id ?? 'none'}`}
              projectKey={membership.projectKey}
              campaignItemId={current.id}
              testCaseRef={`CT-${detail.testCaseNumber}`}
              testCaseTitle={detail.title}
              notRunReason={detail.notRunReason}
              initialState={state}
              canExecute={canExecute}
              historyHref={`${base}/items/${current.id}`}
              nextHref={nextId ? `${base}/run?item=${nextId}` : null}
              actions={{ startExecution, recordStep, recordMeasurements, finishExecution, confirmRetest, removeAttachment }}
            />
          ) : (
            <p className="text-sm text-muted-foreground">{t('noItems')}</p>
          )}
        </div>
      </div>
    </ClientMessages>
  );
}
