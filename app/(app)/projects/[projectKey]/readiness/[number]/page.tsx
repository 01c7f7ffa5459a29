import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ChecklistEditor } from '@/components/signoff/checklist-editor';
import { CriteriaList, DecisionBanner } from '@/components/signoff/criteria-list';
import { GoNoGoForm } from '@/components/signoff/go-no-go-form';
import { CampaignResults, OpenAnomalies, RequirementGaps } from '@/components/signoff/readiness-evidence';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { getDb } from '@/db/client';
import { listProjectMembers } from '@/db/queries/memberships';
import { listGoNoGoRecords, releaseReadiness } from '@/db/queries/readiness';
import { can } from '@/lib/auth/roles';
import { formatRef } from '@/lib/traceability/refs';
import { addChecklistItem, recordGoNoGo, removeChecklistItem, updateChecklistItem } from '../actions';
import { calendarDate } from '../dates';
import { loadRelease } from './load';

type Props = { params: Promise<{ projectKey: string; number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { projectKey, number } = await params;
  const { release } = await loadRelease(projectKey, number);
  return { title: release.name };
}

export default async function ReleasePage({ params }: Props) {
  const { projectKey, number } = await params;
  const { membership, release } = await loadRelease(projectKey, number);
  const db = getDb();
  const readiness = await releaseReadiness(db, membership.projectId, release);
  const [records, members] = [await listGoNoGoRecords(db, release.id), await listProjectMembers(db, membership.projectId)];
  const t = await getTranslations('readiness');
  const format = await getFormatter();
  const project = `/projects/${membership.projectKey}`;
  const base = `${project}/readiness/${release.number}`;
  const { snapshot } = readiness;
  const { inputs } = snapshot;
  const canWrite = can(membership.role, 'tests.write');
  const canRecord = canWrite && inputs.campaigns.total > 0 && inputs.campaigns.open === 0;
  const totalAnomalies = inputs.openAnomalies.blocking + inputs.openAnomalies.major + inputs.openAnomalies.minor;
  const links = {
    blockingAnomalies: `${project}/anomalies?severity=blocking&status=open`,
    majorAnomalies: `${project}/anomalies?severity=major&status=open`,
    minorAnomalies: `${project}/anomalies?severity=minor&status=open`,
    mustHaveRequirements: `${base}#gaps`,
    suspectLinks: `${project}/traceability/review`,
    campaignsClosed: `${base}#campaigns`,
    checklist: `${base}#checklist`,
    ...(inputs.baseline.number !== null && { baselineApproved: `${project}/approvals/baselines/${inputs.baseline.number}` }),
    openReservations: `${project}/approvals#reservations-title`,
  };

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 flex-col gap-1">
          <Link href={`${project}/readiness`} className="text-sm text-primary hover:underline">
            {t('release.back')}
          </Link>
          <h1 className="text-2xl font-semibold break-words">{release.name}</h1>
          <p className="text-sm text-muted-foreground">
            {[release.version && t('release.version', { version: release.version }), release.targetDate && t('release.targetDate', { date: calendarDate(format, release.targetDate) })]
              .filter(Boolean)
              .join(' · ')}
          </p>
          {release.scope && <p className="max-w-3xl whitespace-pre-line text-sm">{release.scope}</p>}
        </div>
        {canWrite && (
          <Button asChild variant="outline">
            <Link href={`${base}/edit`}>{t('release.edit')}</Link>
          </Button>
        )}
      </div>

      <DecisionBanner decision={snapshot.proposedDecision} title={t('proposed.title')} explain={t('proposed.explain')} />

      <section className="flex flex-col gap-2" aria-labelledby="criteria-title">
        <h2 id="criteria-title" className="text-lg font-semibold">
          {t('criteria.title')}
        </h2>
        <p className="text-xs text-muted-foreground">{t('release.live')}</p>
        <CriteriaList inputs={inputs} criteria={snapshot.criteria} links={links} />
      </section>

      <section id="campaigns" className="flex flex-col gap-2" aria-labelledby="campaigns-title">
        <h2 id="campaigns-title" className="text-lg font-semibold">
          {t('campaigns.title')}
        </h2>
        <CampaignResults campaigns={snapshot.campaigns} href={(n) => `${project}/campaigns/${n}`} />
      </section>

      <section id="anomalies" className="flex flex-col gap-2" aria-labelledby="anomalies-title">
        <h2 id="anomalies-title" className="text-lg font-semibold">
          {t('anomalies.title')}
        </h2>
        <OpenAnomalies anomalies={snapshot.openAnomalies} total={totalAnomalies} href={(n) => `${project}/anomalies/${formatRef('anomaly', n)}`} />
      </section>

      <section id="gaps" className="flex flex-col gap-2" aria-labelledby="gaps-title">
        <h2 id="gaps-title" className="text-lg font-semibold">
          {t('gaps.title')}
        </h2>
        <RequirementGaps
          gaps={snapshot.requirementGaps}
          total={inputs.mustHave.uncovered + inputs.mustHave.unverified}
          href={(n) => `${project}/requirements/${formatRef('requirement', n)}`}
        />
      </section>

      <section id="checklist" className="flex flex-col gap-2" aria-labelledby="checklist-title">
        <h2 id="checklist-title" className="text-lg font-semibold">
          {t('checklist.title')}
        </h2>
        <p className="text-sm text-muted-foreground">{t('checklist.intro')}</p>
        {canWrite ? (
          <ChecklistEditor
            projectKey={membership.projectKey}
            releaseId={release.id}
            rows={readiness.checklist.map((i) => ({ id: i.id, label: i.label, ownerId: i.ownerId, status: i.status, evidenceUrl: i.evidenceUrl, revision: i.revision }))}
            members={members.map((m) => ({ userId: m.userId, name: m.name }))}
            actions={{ update: updateChecklistItem, remove: removeChecklistItem, add: addChecklistItem }}
          />
        ) : (
          <ul className="flex flex-col divide-y rounded-lg border bg-background text-sm" data-testid="checklist">
            {readiness.checklist.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
                <span className="font-medium">{i.label}</span>
                <span className="flex flex-wrap gap-3 text-muted-foreground">
                  <span>{i.ownerName ?? t('checklist.noOwner')}</span>
                  <span>{t(`checklist.statuses.${i.status}`)}</span>
                  {i.evidenceUrl ? (
                    <a href={i.evidenceUrl} className="text-primary hover:underline" rel="noreferrer noopener" target="_blank">
                      {t('checklist.openEvidence', { label: i.label })}
                    </a>
                  ) : (
                    <span>{t('checklist.noEvidence')}</span>
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="flex flex-col gap-3 rounded-lg border bg-background p-4" aria-labelledby="go-no-go-title">
        <h2 id="go-no-go-title" className="text-lg font-semibold">
          {t('goNoGo.title')}
        </h2>
        <p className="text-sm text-muted-foreground">{t('goNoGo.intro')}</p>
        {canWrite && inputs.campaigns.open > 0 && (
          <Alert variant="warning" data-testid="go-no-go-blocked">
            {t('goNoGo.campaignsOpen')}
          </Alert>
        )}
        {canWrite && inputs.campaigns.total === 0 && <Alert variant="warning">{t('goNoGo.noCampaigns')}</Alert>}
        {canRecord && (
          <GoNoGoForm
            projectKey={membership.projectKey}
            releaseId={release.id}
            proposed={snapshot.proposedDecision}
            members={members.map((m) => ({ userId: m.userId, name: m.name, role: m.role }))}
            record={recordGoNoGo}
            recordPath={`${base}/go-no-go`}
          />
        )}
        <p>
          <Link href={`${base}/go-live`} className="text-sm text-primary hover:underline" data-testid="go-live-link">
            {t('goLive.open')}
          </Link>
        </p>
        <h3 className="font-medium">{t('goNoGo.history')}</h3>
        {records.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('goNoGo.none')}</p>
        ) : (
          <ul className="flex flex-col gap-2" data-testid="go-no-go-records">
            {records.map((r) => (
              <li key={r.id} className="flex flex-col gap-1 rounded-md border p-3 text-sm">
                <p className="font-semibold">{t(`decisions.${r.decision}`)}</p>
                <p className="text-muted-foreground">
                  {t('goNoGo.recordedBy', { date: format.dateTime(r.recordedAt, { dateStyle: 'long', timeStyle: 'short' }), name: r.recordedByName ?? '—' })} ·{' '}
                  {t('goNoGo.proposedWas', { proposed: t(`decisions.${r.proposedDecision}`) })}
                </p>
                <p className="flex flex-wrap gap-3">
                  <Link href={`${base}/go-no-go/${r.id}`} className="text-primary hover:underline">
                    {t('goNoGo.open')}
                  </Link>
                  <a href={`/api/projects/${membership.projectKey}/go-no-go/${r.id}/pv`} className="text-primary hover:underline" data-testid="pv-link">
                    {t('goNoGo.pv')}
                  </a>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
