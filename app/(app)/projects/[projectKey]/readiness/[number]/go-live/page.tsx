import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { SignatureList } from '@/components/signoff/signature-list';
import { SignoffForm } from '@/components/signoff/signoff-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input, Textarea } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { PageNav } from '@/components/ui/page-nav';
import { getDb } from '@/db/client';
import { loadRaci } from '@/db/queries/approvals';
import { FINAL_ACCEPTANCE_SUBJECT, VSR_ANOMALY_PAGE_SIZE, findGoLive, latestGoNoGo, listFinalDecisions, vsrContent, vsrState } from '@/db/queries/go-live';
import { listPageSize } from '@/db/queries/page-size';
import { listSignatures } from '@/db/queries/signatures';
import { can } from '@/lib/auth/roles';
import { instantToParisLocal } from '@/lib/i18n/paris-time';
import { pageWindow } from '@/lib/lists/page-window';
import { requireUser } from '@/lib/session/current-user';
import { contentPage } from '@/lib/signoff/baseline';
import { contentHash } from '@/lib/signoff/canonical';
import { DEFAULT_VSR_DAYS, FINAL_DECISIONS, MAX_VSR_DAYS, RUNBOOK_TEMPLATE, mayGoLive, vsrDaysLeft, vsrOver } from '@/lib/signoff/go-live';
import { formatRef } from '@/lib/traceability/refs';
import { loadRelease } from '../load';
import { decideFinalAcceptance, recordGoLive } from './actions';

type Props = { params: Promise<{ projectKey: string; number: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { projectKey, number } = await params;
  const { release } = await loadRelease(projectKey, number);
  return { title: `${(await getTranslations('readiness'))('goLive.title')} — ${release.name}` };
}

/**
 * Mise en production and VSR of a release (DESIGN.md §3): the go-live record once the GO is signed, then the VSR
 * period with the anomalies raised in production, and at its end the MOA's signed recette définitive or ajournement.
 */
export default async function GoLivePage({ params, searchParams }: Props) {
  const { projectKey, number } = await params;
  const { membership, release } = await loadRelease(projectKey, number);
  const db = getDb();
  const actor = await requireUser();
  const t = await getTranslations('readiness.goLive');
  const tr = await getTranslations('readiness');
  const format = await getFormatter();
  const when = (iso: string | Date) => format.dateTime(new Date(iso), { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });
  const project = `/projects/${membership.projectKey}`;
  const base = `${project}/readiness/${release.number}`;
  const goLive = await findGoLive(db, membership.projectId, release.id);
  const canWrite = can(membership.role, 'tests.write');

  const header = (
    <div className="flex flex-col gap-1">
      <Link href={base} className="text-sm text-primary hover:underline">
        {t('back', { name: release.name })}
      </Link>
      <h1 className="text-2xl font-semibold break-words">
        {t('title')} — {release.name}
      </h1>
      <p className="text-sm text-muted-foreground">{t('intro')}</p>
    </div>
  );

  if (!goLive) {
    const latest = await latestGoNoGo(db, release.id);
    const ready = mayGoLive(latest);
    const now = instantToParisLocal(new Date());
    return (
      <div className="mx-auto flex max-w-3xl flex-col gap-6">
        {header}
        <p className="text-sm" data-testid="go-live-none">
          {t('none')}
        </p>
        {!ready && (
          <Alert variant="warning" data-testid="go-live-blocked">
            {t('needsSignedGo')}
          </Alert>
        )}
        {ready && canWrite && (
          <SignoffForm
            action={recordGoLive}
            hidden={{ projectKey: membership.projectKey, releaseId: release.id }}
            fieldErrorsFor={['deployedAt', 'versionDeployed', 'deployedBy', 'runbookDoneAt', 'vsrDays']}
            testId="go-live-form"
            className="flex flex-col gap-4 rounded-lg border bg-background p-4"
          >
            <h2 className="text-lg font-semibold">{t('record')}</h2>
            <div className="grid gap-4 sm:grid-cols-2">
              <div className="flex flex-col gap-1">
                <Label htmlFor="go-live-deployed-at">{t('deployedAt')}</Label>
                <Input id="go-live-deployed-at" name="deployedAt" type="datetime-local" defaultValue={now} required />
              </div>
              <div className="flex flex-col gap-1">
                <Label htmlFor="go-live-version">{t('versionDeployed')}</Label>
                <Input id="go-live-version" name="versionDeployed" defaultValue={release.version} maxLength={60} required />
              </div>
              <div className="flex flex-col gap-1">
                <Label htmlFor="go-live-deployed-by">{t('deployedBy')}</Label>
                <Input id="go-live-deployed-by" name="deployedBy" defaultValue={actor.name} maxLength={200} required />
              </div>
              <div className="flex flex-col gap-1">
                <Label htmlFor="go-live-vsr-days">{t('vsrDays')}</Label>
                <Input id="go-live-vsr-days" name="vsrDays" type="number" min={1} max={MAX_VSR_DAYS} defaultValue={DEFAULT_VSR_DAYS} required />
              </div>
            </div>
            <fieldset className="flex flex-col gap-2">
              <legend className="text-sm font-medium">{t('runbook')}</legend>
              <p className="text-xs text-muted-foreground">{t('runbookHint')}</p>
              <ol className="flex flex-col gap-2">
                {RUNBOOK_TEMPLATE.map((key, i) => (
                  <li key={key} className="grid gap-2 sm:grid-cols-[1fr_14rem]">
                    <Input name="runbookLabels" aria-label={t('stepLabel', { n: i + 1 })} defaultValue={t(`runbookTemplate.${key}`)} maxLength={200} />
                    <Input name="runbookDoneAt" type="datetime-local" aria-label={t('stepDoneAt', { n: i + 1 })} />
                  </li>
                ))}
              </ol>
            </fieldset>
            <div className="flex flex-col gap-1">
              <Label htmlFor="go-live-rollback">{t('rollback')}</Label>
              <Textarea id="go-live-rollback" name="rollback" rows={2} maxLength={2000} aria-describedby="go-live-rollback-hint" />
              <p id="go-live-rollback-hint" className="text-xs text-muted-foreground">
                {t('rollbackHint')}
              </p>
            </div>
            <div>
              <Button type="submit">{t('submit')}</Button>
            </div>
          </SignoffForm>
        )}
      </div>
    );
  }

  const [decisions, signatures, raci] = await Promise.all([
    listFinalDecisions(db, goLive.id),
    listSignatures(db, membership.projectId, FINAL_ACCEPTANCE_SUBJECT, [goLive.id]),
    loadRaci(db, membership.projectId),
  ]);
  const state = vsrState(goLive, decisions);
  const content = await vsrContent(db, membership.projectId, release, goLive, state);
  // The whole content is read, since the hash the MOA signs covers every anomaly; only its rendering is paged.
  const anomalies = pageWindow(content.productionAnomalies, listPageSize(VSR_ANOMALY_PAGE_SIZE), contentPage((await searchParams).page));
  const now = new Date();
  const over = vsrOver(state.period, now);
  const canDecide = !state.accepted && over && raci.resolve('go_no_go').approvers.includes(actor.id);

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      {header}
      <section className="flex flex-col gap-2" aria-labelledby="go-live-record">
        <h2 id="go-live-record" className="text-lg font-semibold">
          {t('recordTitle')}
        </h2>
        <dl className="grid gap-2 text-sm sm:grid-cols-[12rem_1fr]" data-testid="go-live-record">
          <dt className="font-medium">{t('deployedAt')}</dt>
          <dd>{when(goLive.deployedAt)}</dd>
          <dt className="font-medium">{t('versionDeployed')}</dt>
          <dd>{goLive.versionDeployed}</dd>
          <dt className="font-medium">{t('deployedBy')}</dt>
          <dd>{goLive.deployedBy}</dd>
          <dt className="font-medium">{t('after')}</dt>
          <dd>{tr(`decisions.${goLive.goNoGoDecision}`)}</dd>
          <dt className="font-medium">{t('rollback')}</dt>
          <dd className="whitespace-pre-line">{goLive.rollback || t('noRollback')}</dd>
        </dl>
        <h3 className="font-medium">{t('runbook')}</h3>
        <ol className="flex flex-col divide-y rounded-lg border bg-background text-sm" data-testid="go-live-runbook">
          {goLive.runbook.map((step, i) => (
            <li key={i} className="flex flex-wrap justify-between gap-2 p-3">
              <span>{step.label}</span>
              <span className="text-muted-foreground">{step.doneAt ? t('doneAt', { date: when(step.doneAt) }) : t('notDone')}</span>
            </li>
          ))}
        </ol>
      </section>

      <section className="flex flex-col gap-2" aria-labelledby="vsr-title">
        <h2 id="vsr-title" className="text-lg font-semibold">
          {t('vsrTitle')}
        </h2>
        <p className="text-sm" data-testid="vsr-period" data-over={over}>
          {t('period', { number: state.number, start: when(state.period.start), end: when(state.period.end), days: state.period.days })}{' '}
          {state.accepted ? t('accepted') : over ? t('over') : t('daysLeft', { count: vsrDaysLeft(state.period, now) })}
        </p>
        <h3 className="font-medium">{t('productionAnomalies')}</h3>
        {content.productionAnomalies.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('noProductionAnomalies')}</p>
        ) : (
          <ul className="flex flex-col divide-y rounded-lg border bg-background text-sm" data-testid="vsr-anomalies">
            {anomalies.items.map((a) => (
              <li key={a.number} className="flex flex-wrap justify-between gap-2 p-3">
                <Link href={`${project}/anomalies/${formatRef('anomaly', a.number)}`} className="text-primary hover:underline">
                  {formatRef('anomaly', a.number)} · {a.title}
                </Link>
                <span className="text-muted-foreground">
                  {tr(`severities.${a.severity}`)} · {tr(`anomalyStatuses.${a.status}`)} · {when(a.raisedAt)}
                </span>
              </li>
            ))}
          </ul>
        )}
        <PageNav
          page={anomalies.page}
          pages={anomalies.pages}
          href={(n) => `${base}/go-live${n > 1 ? `?page=${n}` : ''}`}
          labels={{ nav: t('anomalyPages'), pageOf: tr('pageOf', { page: anomalies.page, pages: anomalies.pages }), previous: tr('previous'), next: tr('next') }}
        />
      </section>

      <section className="flex flex-col gap-3" aria-labelledby="final-title">
        <h2 id="final-title" className="text-lg font-semibold">
          {t('finalTitle')}
        </h2>
        {decisions.length === 0 && <p className="text-sm text-muted-foreground">{t('noDecision')}</p>}
        {decisions.length > 0 && (
          <ul className="flex flex-col gap-3" data-testid="final-decisions">
            {decisions.map((d) => (
              <li key={d.id} className="flex flex-col gap-2 rounded-md border p-3 text-sm" data-decision={d.decision}>
                <p className="font-semibold">
                  {t('decisionLine', { number: d.period, decision: t(`decisions.${d.decision}`) })}
                  {d.decision === 'adjourned' && ` — ${t('newPeriod', { days: d.newPeriodDays ?? 0 })}`}
                </p>
                {d.reason && <p className="whitespace-pre-line">{d.reason}</p>}
                <SignatureList signatures={signatures.filter((s) => s.subjectVersion === d.period)} currentVersion={d.period} />
                <a href={`/api/projects/${membership.projectKey}/final-acceptance/${d.id}/pv`} className="text-primary hover:underline" data-testid="final-pv-link">
                  {t('pv')}
                </a>
              </li>
            ))}
          </ul>
        )}
        {canDecide && (
          <SignoffForm
            action={decideFinalAcceptance}
            hidden={{ projectKey: membership.projectKey, releaseId: release.id, shownVersion: state.number, shownHash: contentHash(content) }}
            fieldErrorsFor={['decision', 'reason', 'newPeriodDays', 'password']}
            testId="final-decision-form"
            className="flex flex-col gap-3 rounded-lg border bg-background p-4"
            done={t('signed')}
          >
            <p className="text-sm text-muted-foreground">{t('decideIntro')}</p>
            <fieldset className="flex flex-col gap-1">
              <legend className="text-sm font-medium">{t('decision')}</legend>
              <div className="flex flex-wrap gap-4">
                {FINAL_DECISIONS.map((d) => (
                  <label key={d} className="flex items-center gap-2 text-sm">
                    <input type="radio" name="decision" value={d} defaultChecked={d === 'accepted'} className="size-4" />
                    {t(`decisions.${d}`)}
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="flex flex-col gap-1">
              <Label htmlFor="final-reason">{t('reason')}</Label>
              <Textarea id="final-reason" name="reason" rows={2} maxLength={2000} aria-describedby="final-reason-hint" />
              <p id="final-reason-hint" className="text-xs text-muted-foreground">
                {t('reasonHint')}
              </p>
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor="final-new-period">{t('newPeriodDays')}</Label>
              <Input id="final-new-period" name="newPeriodDays" type="number" min={1} max={MAX_VSR_DAYS} defaultValue={DEFAULT_VSR_DAYS} />
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor="final-password">{tr('sign.password')}</Label>
              <Input id="final-password" name="password" type="password" autoComplete="current-password" required />
            </div>
            <div>
              <Button type="submit">{tr('sign.submit')}</Button>
            </div>
          </SignoffForm>
        )}
      </section>
    </div>
  );
}
