import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { PagedBaselineItems } from '@/components/signoff/baseline-items';
import { CampaignReport } from '@/components/signoff/campaign-report';
import { DecisionForm } from '@/components/signoff/decision-form';
import { ItemComment } from '@/components/signoff/item-comment';
import { ReservationList } from '@/components/signoff/reservation-list';
import { SignatureList } from '@/components/signoff/signature-list';
import { ApprovalStatusBadge } from '@/components/signoff/signoff-badges';
import { SignoffForm } from '@/components/signoff/signoff-form';
import { Button } from '@/components/ui/button';
import { Input, Textarea } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { getDb } from '@/db/client';
import {
  APPROVAL_SUBJECT,
  RESERVATION_SUBJECT,
  listComments,
  listReservations,
  loadRaci,
  openAnomalyOptions,
  openCampaignAnomalyOptions,
  reservationSubject,
  shownSignable,
} from '@/db/queries/approvals';
import { baselineComparisonPage } from '@/db/queries/baseline-comparison';
import { lastApprovedBaselineBefore } from '@/db/queries/baselines';
import { listPageSize } from '@/db/queries/page-size';
import { listSignatures, signable } from '@/db/queries/signatures';
import { can } from '@/lib/auth/roles';
import { contentPage, type BaselineItem } from '@/lib/signoff/baseline';
import { canLift, parisToday } from '@/lib/signoff/reservations';
import { formatRef } from '@/lib/traceability/refs';
import { commentOnApproval, decideApproval, liftReservation, revokeSignature } from '../actions';
import { loadRequestPage } from '../load';

/** The baseline a request is about, compared with the last approved one before it, one page of entries at a time. */
async function loadBaselineView(projectId: string, request: { baselineId: string | null; baselineNumber: number | null; baselineName: string | null }, pageParam: string | string[] | undefined) {
  const db = getDb();
  const previous = await lastApprovedBaselineBefore(db, projectId, request.baselineNumber!);
  // Fewer than the baseline page: each entry carries its redline and its comment button.
  const pageSize = listPageSize(20);
  const page = contentPage(pageParam);
  const comparison = await baselineComparisonPage(db, { before: previous?.id ?? null, after: request.baselineId!, page, pageSize });
  return { baseline: { number: request.baselineNumber!, name: request.baselineName ?? '' }, previous, comparison, pageSize, page };
}

type Props = { params: Promise<{ projectKey: string; number: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations('signoff');
  return { title: `${t('title')} · ${t('requests.ref', { number: (await params).number })}` };
}

/** Thirty days from today, in Paris: the reservation's default due date. */
function inThirtyDays(): string {
  return parisToday(new Date(Date.now() + 30 * 24 * 3600 * 1000));
}

export default async function ApprovalReviewPage({ params, searchParams }: Props) {
  const { projectKey, number } = await params;
  const { user, membership, request } = await loadRequestPage(projectKey, number);
  const db = getDb();
  const pageParam = (await searchParams).page;
  // What is signed: a campaign report as frozen at request time, or the whole baseline (shown a page of items at a time).
  const [raci, comments, signatures, reservations, seen, baselineView] = await Promise.all([
    loadRaci(db, membership.projectId),
    listComments(db, request.id),
    listSignatures(db, membership.projectId, APPROVAL_SUBJECT, [request.id]),
    listReservations(db, membership.projectId, request.id),
    shownSignable(db, membership.projectId, request),
    request.baselineId ? loadBaselineView(membership.projectId, request, pageParam) : null,
  ]);
  const liftSignatures = await listSignatures(db, membership.projectId, RESERVATION_SUBJECT, reservations.map((r) => r.id));
  const resolution = raci.resolve(request.deliverable);
  const liftResolution = raci.resolve('reservation_lifting');
  const nameOf = new Map(raci.members.map((m) => [m.userId, m.name]));
  const isApprover = can(membership.role, 'approvals.decide') && resolution.approvers.includes(user.id);
  const mySignature = signatures.find((s) => s.signerId === user.id && !s.revokedAt);
  const canDecide = isApprover && request.status === 'pending' && !mySignature;
  const canLiftHere = can(membership.role, 'approvals.decide') && liftResolution.approvers.includes(user.id);
  const anomalies = !canDecide
    ? []
    : request.campaignId
      ? await openCampaignAnomalyOptions(db, membership.projectId, request.campaignId)
      : await openAnomalyOptions(db, membership.projectId);

  const t = await getTranslations('signoff');
  const format = await getFormatter();
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });
  const hidden = { projectKey: membership.projectKey };
  const itemKey = (item: BaselineItem) => `${item.kind}:${item.itemId}`;
  const commentsOn = (key: string | null) => comments.filter((c) => c.itemKey === key);
  const refOf = (item: BaselineItem) => formatRef(item.kind, item.number);

  const commentList = (key: string | null) => {
    const list = commentsOn(key);
    if (list.length === 0) return null;
    return (
      <ul className="flex flex-col gap-2" data-testid={key ? `comments-${key}` : 'comments-overall'}>
        {list.map((c) => (
          <li key={c.id} className="rounded-md bg-muted/50 p-2 text-sm">
            <p className="text-xs">
              {c.authorName ?? '—'} · {when(c.createdAt)}
            </p>
            <p className="whitespace-pre-wrap">{c.body}</p>
          </li>
        ))}
      </ul>
    );
  };
  const itemComments = (item: BaselineItem) => (
    <div className="flex flex-col gap-2">
      {commentList(itemKey(item))}
      <ItemComment action={commentOnApproval} projectKey={membership.projectKey} requestId={request.id} targetType={item.kind} targetId={item.itemId} itemRef={refOf(item)} />
    </div>
  );

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <Link href={`/projects/${membership.projectKey}/approvals`} className="text-sm text-primary hover:underline">
        ← {t('title')}
      </Link>
      <header className="flex flex-col gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-semibold">
            {baselineView
              ? t('review.title', { number: request.number, baseline: baselineView.baseline.number, name: baselineView.baseline.name })
              : t('review.campaignTitle', { number: request.number, campaign: request.snapshot!.campaign.number, name: request.snapshot!.campaign.name })}
          </h1>
          <ApprovalStatusBadge status={request.status} />
        </div>
        <p className="text-sm">{t('review.requestedBy', { name: request.requestedByName ?? '—', date: when(request.requestedAt) })}</p>
        {request.message && <p className="whitespace-pre-wrap rounded-md border bg-background p-3 text-sm">{request.message}</p>}
        <p className="text-sm">
          {t('review.quorum', {
            count: resolution.quorum,
            approvers: resolution.approvers.map((id) => nameOf.get(id) ?? id).join(', ') || t('raci.nobody'),
          })}
        </p>
      </header>

      <section aria-labelledby="signed-title" className="flex flex-col gap-3 rounded-lg border bg-background p-4" data-testid="signed-content">
        <h2 id="signed-title" className="text-lg font-semibold">
          {t('review.signed')}
        </h2>
        <p className="text-sm">
          {t('review.hash')} : <span className="break-all font-mono text-xs" data-testid="content-hash">{seen.hash}</span>
        </p>
        {baselineView ? (
          <>
            <p className="text-sm font-medium">{baselineView.previous ? t('review.redlineAgainst', { number: baselineView.previous.number }) : t('review.noPrevious')}</p>
            <PagedBaselineItems
              comparison={baselineView.comparison}
              page={baselineView.page}
              pageSize={baselineView.pageSize}
              href={(n) => `/projects/${membership.projectKey}/approvals/${request.number}${n > 1 ? `?page=${n}` : ''}`}
              extra={itemComments}
            />
          </>
        ) : (
          <>
            <CampaignReport snapshot={request.snapshot!} />
            <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
              <a href={`/api/projects/${membership.projectKey}/approvals/${request.id}/pv`} className="text-primary hover:underline" data-testid="campaign-pv" download>
                {t('campaignReport.pv')}
              </a>
              <a href={`/api/projects/${membership.projectKey}/approvals/${request.id}/pv?lang=en`} className="text-primary hover:underline" hrefLang="en" download>
                {t('campaignReport.pvEn')}
              </a>
            </p>
          </>
        )}
      </section>

      <section aria-labelledby="comments-title" className="flex flex-col gap-2">
        <h2 id="comments-title" className="text-lg font-semibold">
          {t('review.comments')}
        </h2>
        {commentList(null) ?? <p className="text-sm text-muted-foreground">{t('review.noComments')}</p>}
        <SignoffForm action={commentOnApproval} hidden={{ ...hidden, requestId: request.id }} testId="comment-overall" className="flex flex-col gap-2">
          <Label htmlFor="comment-overall-body">{t('review.commentOverall')}</Label>
          <Textarea id="comment-overall-body" name="body" required rows={3} />
          <Button type="submit" size="sm" variant="outline" className="self-start">
            {t('review.commentSubmit')}
          </Button>
        </SignoffForm>
      </section>

      <section aria-labelledby="signatures-title" className="flex flex-col gap-2">
        <h2 id="signatures-title" className="text-lg font-semibold">
          {t('review.signatures')}
        </h2>
        <SignatureList
          signatures={signatures}
          currentVersion={seen.version}
          revoke={(s) =>
            s.signerId === user.id && can(membership.role, 'approvals.decide') ? (
              <details>
                <summary className="cursor-pointer text-sm text-primary">{t('signature.revokeTitle')}</summary>
                <SignoffForm action={revokeSignature} hidden={{ ...hidden, signatureId: s.id }} testId={`revoke-${s.id}`} fieldErrorsFor={['password', 'reason']} className="mt-2 flex flex-col gap-2">
                  <Label htmlFor={`revoke-reason-${s.id}`}>{t('signature.revokeReason')}</Label>
                  <Textarea id={`revoke-reason-${s.id}`} name="reason" required rows={2} />
                  <Label htmlFor={`revoke-password-${s.id}`}>{t('signature.password')}</Label>
                  <Input id={`revoke-password-${s.id}`} name="password" type="password" autoComplete="current-password" required />
                  <Button type="submit" size="sm" variant="destructive" className="self-start">
                    {t('signature.revokeSubmit')}
                  </Button>
                </SignoffForm>
              </details>
            ) : null
          }
        />
      </section>

      <section aria-labelledby="decision-title" className="flex flex-col gap-2 rounded-lg border bg-background p-4">
        <h2 id="decision-title" className="text-lg font-semibold">
          {t('decision.title')}
        </h2>
        {canDecide ? (
          <DecisionForm
            action={decideApproval}
            projectKey={membership.projectKey}
            requestId={request.id}
            seen={seen}
            members={raci.members.filter((m) => m.role !== 'viewer').map((m) => ({ value: m.userId, label: m.name }))}
            anomalies={anomalies.map((a) => ({ value: a.id, label: `${formatRef('anomaly', a.number)} ${a.title}` }))}
            defaultDueDate={inThirtyDays()}
          />
        ) : (
          <p className="text-sm" data-testid="decision-unavailable">
            {mySignature ? t('decision.alreadySigned') : request.status !== 'pending' ? t('decision.decided') : t('decision.notApprover')}
          </p>
        )}
      </section>

      {reservations.length > 0 && (
        <section aria-labelledby="reservations-title" className="flex flex-col gap-2">
          <h2 id="reservations-title" className="text-lg font-semibold">
            {t('review.reservations')}
          </h2>
          <ReservationList
            reservations={reservations}
            projectKey={membership.projectKey}
            today={parisToday(new Date())}
            lift={(r) => {
              const signed = liftSignatures.filter((s) => s.subjectId === r.id);
              const liftSeen = signable(reservationSubject(r));
              return (
                <>
                  {signed.length > 0 && <SignatureList signatures={signed} currentVersion={r.revision} />}
                  {canLiftHere && canLift(r.status, r.anomalies.map((a) => a.status)) && (
                    <SignoffForm
                      action={liftReservation}
                      hidden={{ ...hidden, reservationId: r.id, shownVersion: liftSeen.version, shownHash: liftSeen.hash }}
                      testId={`lift-${r.number}`}
                      fieldErrorsFor={['password']}
                      className="flex flex-col gap-2 rounded-md border p-3"
                    >
                      <p className="font-medium">{t('reservations.liftTitle')}</p>
                      <Label htmlFor={`lift-reason-${r.id}`}>{t('reservations.liftReason')}</Label>
                      <Textarea id={`lift-reason-${r.id}`} name="reason" rows={2} />
                      <Label htmlFor={`lift-password-${r.id}`}>{t('signature.password')}</Label>
                      <Input id={`lift-password-${r.id}`} name="password" type="password" autoComplete="current-password" required />
                      <Button type="submit" size="sm" className="self-start">
                        {t('reservations.liftSubmit')}
                      </Button>
                    </SignoffForm>
                  )}
                </>
              );
            }}
          />
        </section>
      )}
    </div>
  );
}
