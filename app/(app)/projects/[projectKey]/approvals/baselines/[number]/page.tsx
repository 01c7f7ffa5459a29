import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { PagedBaselineItems } from '@/components/signoff/baseline-items';
import { ApprovalStatusBadge } from '@/components/signoff/signoff-badges';
import { SignoffForm } from '@/components/signoff/signoff-form';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { Textarea } from '@/components/ui/input';
import { getDb } from '@/db/client';
import { listApprovalRequests, loadRaci } from '@/db/queries/approvals';
import { baselineComparisonPage } from '@/db/queries/baseline-comparison';
import { listPageSize } from '@/db/queries/page-size';
import { can } from '@/lib/auth/roles';
import { contentPage } from '@/lib/signoff/baseline';
import { requestBaselineApproval } from '../../actions';
import { loadBaselinePage } from '../../load';

type Props = { params: Promise<{ projectKey: string; number: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations('signoff');
  return { title: `${t('baselines.title')} · ${t('baselines.ref', { number: (await params).number })}` };
}

export default async function BaselinePage({ params, searchParams }: Props) {
  const { projectKey, number } = await params;
  const { user, membership, baseline } = await loadBaselinePage(projectKey, number);
  const db = getDb();
  const pageSize = listPageSize(50);
  const page = contentPage((await searchParams).page);
  // Against no baseline, every item is added: the page lists them, 50 at a time.
  const [comparison, requests, raci] = await Promise.all([
    baselineComparisonPage(db, { before: null, after: baseline.id, page, pageSize }),
    listApprovalRequests(db, membership.projectId),
    loadRaci(db, membership.projectId),
  ]);
  const mine = requests.filter((r) => r.baselineId === baseline.id);
  const open = mine.find((r) => r.status !== 'rejected');
  const mayRequest = can(membership.role, 'approvals.request') && raci.resolve('baseline').requesters.includes(user.id);
  const t = await getTranslations('signoff');
  const format = await getFormatter();
  const base = `/projects/${membership.projectKey}/approvals`;

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <Link href={`${base}/baselines`} className="text-sm text-primary hover:underline">
        ← {t('baselines.title')}
      </Link>
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold">{t('baselines.heading', { number: baseline.number, name: baseline.name })}</h1>
        <p className="text-sm">
          {t('baselines.createdBy', {
            date: format.dateTime(baseline.createdAt, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }),
            name: baseline.createdByName ?? '—',
          })}{' '}
          · {t('baselines.items', { count: comparison.counts.total })}
        </p>
      </div>

      {mine.length > 0 && (
        <ul className="flex flex-col gap-1 text-sm" data-testid="baseline-requests">
          {mine.map((r) => (
            <li key={r.id} className="flex items-center gap-2">
              <Link href={`${base}/${r.number}`} className="text-primary hover:underline">
                {t('requests.ref', { number: r.number })}
              </Link>
              <ApprovalStatusBadge status={r.status} />
            </li>
          ))}
        </ul>
      )}

      {!open && can(membership.role, 'approvals.request') && (
        <section aria-labelledby="request-title" className="flex flex-col gap-2 rounded-lg border bg-background p-4">
          <h2 id="request-title" className="text-lg font-semibold">
            {t('baselines.requestTitle')}
          </h2>
          {mayRequest ? (
            <SignoffForm action={requestBaselineApproval} hidden={{ projectKey: membership.projectKey, baselineId: baseline.id }} testId="request-approval">
              <Label htmlFor="request-message">{t('baselines.message')}</Label>
              <Textarea id="request-message" name="message" rows={3} maxLength={5000} />
              <Button type="submit" className="self-start">
                {t('baselines.requestSubmit')}
              </Button>
            </SignoffForm>
          ) : (
            <p className="text-sm">{t('baselines.requestNotAllowed')}</p>
          )}
        </section>
      )}

      <PagedBaselineItems
        comparison={comparison}
        page={page}
        pageSize={pageSize}
        href={(n) => `${base}/baselines/${baseline.number}${n > 1 ? `?page=${n}` : ''}`}
      />
    </div>
  );
}
