import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { CriteriaList, DecisionBanner } from '@/components/signoff/criteria-list';
import { CampaignResults, OpenAnomalies, RequirementGaps } from '@/components/signoff/readiness-evidence';
import { SignatureList } from '@/components/signoff/signature-list';
import { SignoffForm } from '@/components/signoff/signoff-form';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { getDb } from '@/db/client';
import { loadRaci } from '@/db/queries/approvals';
import { GO_NO_GO_SUBJECT, GO_NO_GO_VERSION } from '@/db/queries/readiness';
import { listSignatures } from '@/db/queries/signatures';
import { requireUser } from '@/lib/session/current-user';
import { signGoNoGo } from '../../../actions';
import { loadGoNoGoRecord } from '../load';

type Props = { params: Promise<{ projectKey: string; number: string; recordId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('readiness'))('goNoGo.title') };
}

/** A go / no-go record as it was frozen: nothing here is recomputed from the project's current data. */
export default async function GoNoGoRecordPage({ params }: Props) {
  const { projectKey, number, recordId } = await params;
  const { membership, release, record, intact } = await loadGoNoGoRecord(projectKey, number, recordId);
  const t = await getTranslations('readiness');
  const format = await getFormatter();
  const base = `/projects/${membership.projectKey}/readiness/${release.number}`;
  const { snapshot } = record;
  const { inputs } = snapshot;
  const actor = await requireUser();
  const db = getDb();
  const [signatures, raci] = [await listSignatures(db, membership.projectId, GO_NO_GO_SUBJECT, [record.id]), await loadRaci(db, membership.projectId)];
  // Offered to the go / no-go's approvers who have not signed yet; the action checks it again.
  const canSign = raci.resolve('go_no_go').approvers.includes(actor.id) && !signatures.some((s) => s.signerId === actor.id && !s.revokedAt);
  const locale = await getLocale();
  const otherLocale = locale === 'fr' ? 'en' : 'fr';
  const when = format.dateTime(record.recordedAt, { dateStyle: 'long', timeStyle: 'short' });

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <div className="flex flex-col gap-1">
        <Link href={base} className="text-sm text-primary hover:underline">
          {t('record.back')}
        </Link>
        <h1 className="text-2xl font-semibold break-words">
          {snapshot.release.name} — {t('record.title', { date: when })}
        </h1>
        <p className="text-sm text-muted-foreground">{t('record.frozen')}</p>
      </div>
      <DecisionBanner decision={record.decision} title={t('record.decision')} />
      <dl className="grid gap-3 text-sm sm:grid-cols-[12rem_1fr]">
        <dt className="font-medium">{t('record.proposed')}</dt>
        <dd data-testid="record-proposed">{t(`decisions.${snapshot.proposedDecision}`)}</dd>
        <dt className="font-medium">{t('record.reason')}</dt>
        <dd className="whitespace-pre-line">{record.reason || t('record.noReason')}</dd>
        <dt className="font-medium">{t('record.participants')}</dt>
        <dd>
          <ul data-testid="record-participants">
            {record.participants.map((p) => (
              <li key={p.userId}>
                {p.name} ({t(`roles.${p.role as 'moa'}`)})
              </li>
            ))}
          </ul>
        </dd>
        <dt className="font-medium">{t('record.hash')}</dt>
        <dd className="break-all font-mono text-xs" data-testid="record-hash">
          {record.snapshotHash}
        </dd>
        <dt className="font-medium">{t('record.integrity')}</dt>
        <dd>
          <Badge data-testid="record-integrity" className={intact ? 'bg-emerald-100 text-emerald-900' : 'bg-red-100 text-red-900'}>
            {intact ? t('record.intact') : t('record.altered')}
          </Badge>
        </dd>
      </dl>
      <p className="flex flex-wrap gap-4 text-sm">
        <a href={`/api/projects/${membership.projectKey}/go-no-go/${record.id}/pv?lang=${locale}`} className="text-primary hover:underline" data-testid="pv-download">
          {t('goNoGo.pv')}
        </a>
        <a href={`/api/projects/${membership.projectKey}/go-no-go/${record.id}/pv?lang=${otherLocale}`} className="text-primary hover:underline">
          {t('goNoGo.pvEnglish')}
        </a>
      </p>
      <section className="flex flex-col gap-2" aria-labelledby="record-signatures">
        <h2 id="record-signatures" className="text-lg font-semibold">
          {t('sign.title')}
        </h2>
        <SignatureList signatures={signatures} currentVersion={GO_NO_GO_VERSION} />
        {canSign && (
          <SignoffForm
            action={signGoNoGo}
            hidden={{ projectKey: membership.projectKey, goNoGoRecordId: record.id, shownVersion: GO_NO_GO_VERSION, shownHash: record.snapshotHash }}
            fieldErrorsFor={['password', 'reason']}
            testId="sign-go-no-go"
            className="flex flex-col gap-3 rounded-lg border bg-background p-4"
            done={t('sign.done')}
          >
            <p className="text-sm text-muted-foreground">{t('sign.intro')}</p>
            <div className="flex flex-col gap-1">
              <Label htmlFor="sign-reason">{t('sign.reason')}</Label>
              <Input id="sign-reason" name="reason" maxLength={2000} />
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor="sign-password">{t('sign.password')}</Label>
              <Input id="sign-password" name="password" type="password" autoComplete="current-password" required />
            </div>
            <div>
              <Button type="submit">{t('sign.submit')}</Button>
            </div>
          </SignoffForm>
        )}
      </section>
      <section className="flex flex-col gap-2" aria-labelledby="record-criteria">
        <h2 id="record-criteria" className="text-lg font-semibold">
          {t('criteria.title')}
        </h2>
        <CriteriaList inputs={inputs} criteria={snapshot.criteria} />
      </section>
      <section className="flex flex-col gap-2" aria-labelledby="record-campaigns">
        <h2 id="record-campaigns" className="text-lg font-semibold">
          {t('campaigns.title')}
        </h2>
        <CampaignResults campaigns={snapshot.campaigns} />
      </section>
      <section className="flex flex-col gap-2" aria-labelledby="record-anomalies">
        <h2 id="record-anomalies" className="text-lg font-semibold">
          {t('anomalies.title')}
        </h2>
        <OpenAnomalies anomalies={snapshot.openAnomalies} total={inputs.openAnomalies.blocking + inputs.openAnomalies.major + inputs.openAnomalies.minor} />
      </section>
      <section className="flex flex-col gap-2" aria-labelledby="record-gaps">
        <h2 id="record-gaps" className="text-lg font-semibold">
          {t('gaps.title')}
        </h2>
        <RequirementGaps gaps={snapshot.requirementGaps} total={inputs.mustHave.uncovered + inputs.mustHave.unverified} />
      </section>
      <section className="flex flex-col gap-2" aria-labelledby="record-checklist">
        <h2 id="record-checklist" className="text-lg font-semibold">
          {t('checklist.title')}
        </h2>
        <ul className="flex flex-col divide-y rounded-lg border bg-background text-sm">
          {snapshot.checklist.map((i, index) => (
            <li key={index} className="flex flex-wrap justify-between gap-2 p-3">
              <span className="font-medium">{i.label}</span>
              <span className="text-muted-foreground">
                {i.owner ?? t('checklist.noOwner')} · {t(`checklist.statuses.${i.status}`)}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
