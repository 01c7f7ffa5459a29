import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { assignAnomaly, commentAnomaly, linkAnomalySpecification, moveAnomaly, unlinkAnomalySpecification } from '../actions';
import { MarkdownView } from '@/components/markdown/markdown-view';
import { AnomalyActionForm } from '@/components/recette/anomalies/action-form';
import { AnomalyStatusBadge, SeverityBadge } from '@/components/recette/anomalies/anomaly-badges';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { NativeSelect, Textarea } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { TraceItemField } from '@/components/traceability/trace-item-field';
import { getDb } from '@/db/client';
import { loadAnomalyPage } from '@/db/queries/anomaly-pages';
import {
  listAnomalyEvents,
  listAnomalyExecutions,
  listAnomalySpecifications,
  listAssignableMembers,
} from '@/db/queries/anomalies';
import { listAttachments } from '@/db/queries/attachments';
import { can } from '@/lib/auth/roles';
import { editableAnomalyFields } from '@/lib/recette/anomaly-schema';
import { allowedTransitions } from '@/lib/recette/anomaly-workflow';
import { requireUser } from '@/lib/session/current-user';
import { formatRef, parseRef } from '@/lib/traceability/refs';

type Props = { params: Promise<{ projectKey: string; ref: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parsed = parseRef(decodeURIComponent((await params).ref));
  return { title: parsed?.kind === 'anomaly' ? formatRef('anomaly', parsed.number) : (await getTranslations('anomalies'))('title') };
}

export default async function AnomalyPage({ params }: Props) {
  const { projectKey, ref: segment } = await params;
  const user = await requireUser();
  const { membership, anomaly } = await loadAnomalyPage(user, projectKey, segment);
  const db = getDb();
  const canAssign = can(membership.role, 'tests.write');
  const canLink = can(membership.role, 'tests.execute');
  const [events, executions, specs, evidence, members] = await Promise.all([
    listAnomalyEvents(db, anomaly.id),
    listAnomalyExecutions(db, anomaly.id),
    listAnomalySpecifications(db, anomaly.id),
    anomaly.executionId !== null && anomaly.stepIndex !== null
      ? listAttachments(db, membership.projectId, { executionIds: [anomaly.executionId], stepIndex: anomaly.stepIndex })
      : [],
    canAssign ? listAssignableMembers(db, membership.projectId) : [],
  ]);
  const t = await getTranslations('anomalies');
  const format = await getFormatter();
  const ref = formatRef('anomaly', anomaly.number);
  const project = `/projects/${membership.projectKey}`;
  const href = `${project}/anomalies/${ref}`;
  // Showing or hiding controls is a courtesy; the actions check the role themselves.
  const rights = editableAnomalyFields(membership.role, anomaly.createdBy === user.id, anomaly.status);
  const moves = allowedTransitions(membership.role, anomaly.status);
  const canComment = can(membership.role, 'project.comment');
  const linked = new Set(specs.map((s) => s.id));
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'long', timeStyle: 'short' });
  const hidden = { projectKey: membership.projectKey, id: anomaly.id };

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
  const fact = (label: string, value: React.ReactNode, testId?: string) => (
    <div className="flex flex-col gap-0.5">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="text-sm" data-testid={testId}>
        {value || <span className="italic text-muted-foreground">{t('detail.none')}</span>}
      </dd>
    </div>
  );

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-4">
      <Link href={`${project}/anomalies`} className="text-sm text-muted-foreground hover:underline">
        {t('backToList')}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 flex-col gap-2">
          <h1 className="break-words text-2xl font-semibold">
            <span className="font-mono text-muted-foreground">{ref}</span> {anomaly.title}
          </h1>
          <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="anomaly-badges">
            <SeverityBadge severity={anomaly.severity} />
            <span data-testid="anomaly-status">
              <AnomalyStatusBadge status={anomaly.status} />
            </span>
            <Badge variant="outline">
              {t('fields.priority')} : {t(`priorities.${anomaly.priority}`)}
            </Badge>
            {anomaly.production && <Badge variant="warning">{t('detail.production')}</Badge>}
          </div>
          <p className="text-sm text-muted-foreground">
            {t('detail.raised', { date: when(anomaly.createdAt), name: anomaly.reporterName ?? '—' })} ·{' '}
            {t('detail.updated', { date: when(anomaly.updatedAt) })}
          </p>
        </div>
        {rights !== 'none' && (
          <Button asChild>
            <Link href={`${href}/edit`}>{t('detail.edit')}</Link>
          </Button>
        )}
      </div>

      {textCard(t('fields.stepsToReproduce'), anomaly.stepsToReproduce, 'anomaly-steps')}
      <div className="grid gap-4 md:grid-cols-2">
        {textCard(t('fields.expectedResult'), anomaly.expectedResult, 'anomaly-expected')}
        {textCard(t('fields.actualResult'), anomaly.actualResult, 'anomaly-actual')}
      </div>

      <Card>
        <CardHeader className="pb-2">
          <CardTitle className="text-base">{t('detail.context')}</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            {fact(
              t('fields.campaignId'),
              anomaly.campaignNumber !== null && (
                <Link href={`${project}/campaigns/${anomaly.campaignNumber}`} className="text-primary hover:underline">
                  #{anomaly.campaignNumber} {anomaly.campaignName}
                </Link>
              ),
            )}
            {fact(
              t('fields.testCaseId'),
              anomaly.testCaseNumber !== null && (
                <Link href={`${project}/test-cases/${formatRef('testCase', anomaly.testCaseNumber)}`} className="text-primary hover:underline">
                  {formatRef('testCase', anomaly.testCaseNumber)} {anomaly.testCaseTitle}
                </Link>
              ),
              'anomaly-test-case',
            )}
            {fact(t('fields.environment'), anomaly.environment)}
            {fact(t('fields.build'), anomaly.build)}
            {fact(t('fields.fixVersion'), anomaly.fixVersion)}
            {fact(t('fields.reporter'), anomaly.reporterName)}
            {fact(t('fields.assigneeId'), anomaly.assigneeName, 'anomaly-assignee')}
            {fact(
              t('detail.origin'),
              anomaly.executionItemId !== null && anomaly.campaignNumber !== null && anomaly.stepIndex !== null && (
                <Link href={`${project}/campaigns/${anomaly.campaignNumber}/items/${anomaly.executionItemId}`} className="text-primary hover:underline">
                  {t('detail.originStep', { step: anomaly.stepIndex + 1 })}
                </Link>
              ),
            )}
          </dl>
        </CardContent>
      </Card>

      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <CardHeader className="pb-2">
            <CardTitle className="text-base">{t('workflow.title')}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-3">
            <p className="text-sm">{t('workflow.current', { status: t(`statuses.${anomaly.status}`) })}</p>
            {moves.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t('workflow.noMoves')}</p>
            ) : (
              <AnomalyActionForm action={moveAnomaly} hidden={{ ...hidden, revision: anomaly.revision }} fieldErrorsFor={['reason']} testId="anomaly-move">
                <div className="flex flex-col gap-1">
                  <Label htmlFor="move-reason">{t('workflow.reason')}</Label>
                  <Textarea id="move-reason" name="reason" rows={2} maxLength={5_000} aria-describedby="move-reason-hint" />
                  <p id="move-reason-hint" className="text-xs text-muted-foreground">
                    {t('workflow.reasonHint')}
                  </p>
                </div>
                <div className="flex flex-wrap gap-2">
                  {moves.map((to) => (
                    <Button key={to} type="submit" name="to" value={to} variant={to === 'rejected' ? 'outline' : 'default'} size="sm">
                      {t(`moveTo.${to}`)}
                    </Button>
                  ))}
                </div>
              </AnomalyActionForm>
            )}
          </CardContent>
        </Card>
        {canAssign && (
          <Card>
            <CardHeader className="pb-2">
              <CardTitle className="text-base">{t('assign.title')}</CardTitle>
            </CardHeader>
            <CardContent>
              <AnomalyActionForm action={assignAnomaly} hidden={{ ...hidden, revision: anomaly.revision }} testId="anomaly-assign" className="flex flex-wrap items-end gap-2">
                <div className="flex min-w-48 flex-1 flex-col gap-1">
                  <Label htmlFor="assigneeId">{t('assign.label')}</Label>
                  <NativeSelect id="assigneeId" name="assigneeId" defaultValue={anomaly.assigneeId ?? ''}>
                    <option value="">{t('form.nobody')}</option>
                    {members.map((m) => (
                      <option key={m.id} value={m.id}>
                        {m.name}
                      </option>
                    ))}
                  </NativeSelect>
                </div>
                <Button type="submit" variant="secondary">
                  {t('assign.submit')}
                </Button>
              </AnomalyActionForm>
            </CardContent>
          </Card>
        )}
      </div>

      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <CardHeader className="pb-2">
            <CardTitle className="text-base">{t('detail.executions')}</CardTitle>
          </CardHeader>
          <CardContent>
            {executions.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t('detail.noExecutions')}</p>
            ) : (
              <ul className="flex flex-col gap-1 text-sm" data-testid="anomaly-executions">
                {executions.map((e) => (
                  <li key={e.executionId}>
                    <Link href={`${project}/campaigns/${e.campaignNumber}/items/${e.campaignItemId}`} className="text-primary hover:underline">
                      #{e.campaignNumber} {e.campaignName}
                    </Link>{' '}
                    · {t(`executionStatuses.${e.status}`)} · {format.dateTime(e.startedAt, { dateStyle: 'short', timeStyle: 'short' })}
                    {e.build && ` · ${e.build}`}
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader className="pb-2">
            <CardTitle className="text-base">{t('fields.specifications')}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-3">
            {specs.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t('detail.noSpecifications')}</p>
            ) : (
              <ul className="flex flex-col gap-1 text-sm" data-testid="anomaly-specifications">
                {specs.map((s) => {
                  const specRef = formatRef('specification', s.number);
                  return (
                    <li key={s.id} className="flex items-center justify-between gap-2">
                      <Link href={`${project}/specifications/${specRef}`} className="text-primary hover:underline">
                        {specRef} {s.title}
                      </Link>
                      {canLink && (
                        <AnomalyActionForm action={unlinkAnomalySpecification} hidden={{ ...hidden, specificationId: s.id }} testId={`unlink-${specRef}`}>
                          <Button type="submit" variant="outline" size="sm" aria-label={t('detail.unlink', { ref: specRef })}>
                            ×
                          </Button>
                        </AnomalyActionForm>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
            {canLink && (
              <AnomalyActionForm action={linkAnomalySpecification} hidden={hidden} testId="anomaly-link-spec" className="flex flex-wrap items-end gap-2">
                <div className="min-w-48 flex-1">
                  {/* Remounted once the page shows the new link, so the choice starts empty again. */}
                  <TraceItemField
                    key={specs.length}
                    projectKey={membership.projectKey}
                    type="specification"
                    name="specificationId"
                    label={t('detail.linkSpecification')}
                    excludedIds={[...linked]}
                  />
                </div>
                <Button type="submit" variant="secondary">
                  {t('detail.link')}
                </Button>
              </AnomalyActionForm>
            )}
          </CardContent>
        </Card>
      </div>

      {anomaly.executionId !== null && anomaly.stepIndex !== null && (
        <Card>
          <CardHeader className="pb-2">
            <CardTitle className="text-base">{t('detail.evidence')}</CardTitle>
          </CardHeader>
          <CardContent>
            {evidence.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t('detail.noEvidence')}</p>
            ) : (
              <ul className="flex flex-col gap-1 text-sm" data-testid="anomaly-evidence">
                {evidence.map((a) => (
                  <li key={a.id}>
                    <a
                      href={`/api/projects/${membership.projectKey}/attachments/${a.id}`}
                      className="text-primary hover:underline"
                      aria-label={t('detail.download', { name: a.fileName })}
                    >
                      {a.fileName}
                    </a>{' '}
                    <span className="text-muted-foreground">
                      · {format.number(a.byteSize / 1024, { maximumFractionDigits: 1 })} Kio · {when(new Date(a.uploadedAt))}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      )}

      <Card>
        <CardHeader className="pb-2">
          <CardTitle className="text-base">{t('history.title')}</CardTitle>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          {events.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t('history.empty')}</p>
          ) : (
            <ol className="flex flex-col gap-3 border-l pl-4" data-testid="anomaly-history">
              {events.map((e) => {
                const name = e.actorName ?? '—';
                let line: string;
                if (e.kind === 'status') {
                  line = t('history.status', { name, from: t(`statuses.${e.fromStatus!}`), to: t(`statuses.${e.toStatus!}`) });
                } else if (e.kind === 'updated') {
                  const fields = e.body.split(',').filter(Boolean).map((f) => (t.has(`fields.${f}`) ? t(`fields.${f}`) : f));
                  line = t('history.updated', { name, fields: fields.join(', ') });
                } else {
                  line = t(`history.${e.kind}`, { name });
                }
                return (
                  <li key={e.id} className="flex flex-col gap-1" data-testid={`history-${e.kind}`}>
                    <p className="text-sm">
                      <span className="font-medium">{line}</span>{' '}
                      <time dateTime={e.at.toISOString()} className="text-xs text-muted-foreground">
                        {when(e.at)}
                      </time>
                    </p>
                    {e.kind === 'status' && e.body && <p className="whitespace-pre-wrap text-sm text-muted-foreground">{t('history.reason', { reason: e.body })}</p>}
                    {e.kind === 'comment' && <MarkdownView source={e.body} className="rounded border bg-muted/30 p-2" />}
                  </li>
                );
              })}
            </ol>
          )}
          {canComment && (
            <AnomalyActionForm action={commentAnomaly} hidden={hidden} fieldErrorsFor={['body']} testId="anomaly-comment">
              <div className="flex flex-col gap-1">
                <Label htmlFor="comment-body">{t('comment.label')}</Label>
                <Textarea id="comment-body" name="body" rows={3} required maxLength={20_000} placeholder={t('comment.placeholder')} />
              </div>
              <div>
                <Button type="submit" variant="secondary">
                  {t('comment.submit')}
                </Button>
              </div>
            </AnomalyActionForm>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
