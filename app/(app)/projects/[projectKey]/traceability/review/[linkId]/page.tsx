import { CheckCircle2, ChevronLeft, ExternalLink, Pencil } from 'lucide-react';
import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { reviewTraceLink } from '../../actions';
import { SuspectBadge } from '@/components/traceability/badges';
import { ReviewLinkButton } from '@/components/traceability/review-link-button';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Redline } from '@/components/versioning/redline';
import { getDb } from '@/db/client';
import { requireProjectMembership } from '@/db/queries/project-access';
import { findRequirement } from '@/db/queries/requirements';
import { listVersions } from '@/db/queries/versioned-items';
import { findRequirementSpecificationLink } from '@/db/queries/trace-links';
import { requirementLabels } from '@/db/queries/traceability-pages';
import { can } from '@/lib/auth/roles';
import { REQUIREMENT_CONTENT_FIELDS } from '@/lib/requirements/model';
import { requireUser } from '@/lib/session/current-user';
import { formatRef } from '@/lib/traceability/refs';
import { diffFields } from '@/lib/versioning/diff';

type Props = { params: Promise<{ projectKey: string; linkId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('traceability'))('review.title') };
}

/**
 * Reviewing one requirement → specification link: what changed in the requirement since the link was last
 * reviewed, the specification to check (and edit), and the confirmation that clears the suspicion.
 */
export default async function ReviewLinkPage({ params }: Props) {
  const { projectKey, linkId } = await params;
  const user = await requireUser();
  const membership = await requireProjectMembership(user, projectKey);
  if (!z.uuid().safeParse(linkId).success) notFound();
  const db = getDb();
  const link = await findRequirementSpecificationLink(db, membership.projectId, linkId);
  if (!link) notFound();
  const [requirement, versions] = await Promise.all([
    findRequirement(db, membership.projectId, link.requirementNumber),
    link.suspect ? listVersions(db, 'requirement', link.requirementId) : Promise.resolve([]),
  ]);
  if (!requirement) notFound();

  const t = await getTranslations('traceability');
  const tv = await getTranslations();
  const format = await getFormatter();
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'short', timeStyle: 'short' });
  const base = `/projects/${encodeURIComponent(membership.projectKey)}`;
  const requirementRef = formatRef('requirement', link.requirementNumber);
  const specificationRef = formatRef('specification', link.specificationNumber);
  const canReview = can(membership.role, 'specifications.write');
  const reviewer = link.reviewedByName ?? t('review.unknownReviewer');

  // The reviewed version as recorded in the history (or the oldest one kept), against the requirement as it stands.
  const reviewed =
    versions.find((v) => v.version === link.reviewedVersion) ??
    versions.filter((v) => v.version < link.reviewedVersion).at(0) ??
    versions.at(-1);
  const current: Record<string, unknown> = {
    title: requirement.title,
    statement: requirement.statement,
    rationale: requirement.rationale,
    acceptanceCriteria: requirement.acceptanceCriteria,
    priority: requirement.priority,
    status: requirement.status,
    source: requirement.source,
    tags: requirement.tags,
    parentId: requirement.parentId,
  };
  const before = (reviewed?.snapshot ?? {}) as Record<string, unknown>;
  const parents = await requirementLabels(
    db,
    membership.projectId,
    [before.parentId, current.parentId].filter((id): id is string => typeof id === 'string' && z.uuid().safeParse(id).success),
  );
  // Values as people read them: labels rather than codes, the parent chapter by ref rather than by id.
  const readable = (snapshot: Record<string, unknown>) => ({
    ...snapshot,
    priority: tv.has(`requirements.priorities.${String(snapshot.priority)}`) ? tv(`requirements.priorities.${String(snapshot.priority)}`) : snapshot.priority,
    status: tv.has(`requirements.statuses.${String(snapshot.status)}`)
      ? tv(`requirements.statuses.${String(snapshot.status)}`)
      : snapshot.status,
    parentId: typeof snapshot.parentId === 'string' ? (parents.get(snapshot.parentId) ?? snapshot.parentId) : '',
  });
  const diffs = link.suspect ? diffFields(reviewed ? readable(before) : {}, readable(current), REQUIREMENT_CONTENT_FIELDS) : [];
  const labels: Record<string, string> = Object.fromEntries(
    REQUIREMENT_CONTENT_FIELDS.map((field) => [field, tv(`requirements.fields.${field}`)]),
  );
  const changesSince = versions.filter((v) => v.version > link.reviewedVersion);
  const changed = diffs.filter((d) => d.changed);
  const unchanged = diffs.filter((d) => !d.changed).map((d) => labels[d.field] ?? d.field);

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-5">
      <Link
        href={`${base}/traceability/review`}
        className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <ChevronLeft className="size-4" aria-hidden />
        {t('reviewLink.backToList')}
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">
          {t('reviewLink.title', { requirement: requirementRef, specification: specificationRef })}
        </h1>
        {link.suspect && <SuspectBadge />}
      </div>

      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <CardHeader>
            <CardDescription>{t('reviewLink.requirement')}</CardDescription>
            <CardTitle className="leading-snug">
              <span className="font-mono">{requirementRef}</span> — {link.requirementTitle}
            </CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-3 text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <Badge variant="outline">{tv(`requirements.statuses.${requirement.status}`)}</Badge>
              <Badge variant="outline">{tv(`requirements.priorities.${requirement.priority}`)}</Badge>
              <span className="text-muted-foreground">{t('reviewLink.currentVersion', { version: link.requirementVersion })}</span>
            </div>
            <div>
              <Button asChild variant="outline" size="sm">
                <Link href={`${base}/requirements/${requirementRef}`}>
                  <ExternalLink />
                  {t('reviewLink.openRequirement')}
                </Link>
              </Button>
            </div>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardDescription>{t('reviewLink.specification')}</CardDescription>
            <CardTitle className="leading-snug">
              <span className="font-mono">{specificationRef}</span> — {link.specificationTitle}
            </CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-3 text-sm">
            <div>
              <Badge variant="outline">{tv(`specifications.statuses.${link.specificationStatus}`)}</Badge>
            </div>
            <div className="flex flex-wrap gap-2">
              <Button asChild variant="outline" size="sm">
                <Link href={`${base}/specifications/${specificationRef}`}>
                  <ExternalLink />
                  {t('reviewLink.openSpecification')}
                </Link>
              </Button>
              {canReview && link.specificationStatus !== 'superseded' && (
                <Button asChild variant="outline" size="sm">
                  <Link href={`${base}/specifications/${specificationRef}/edit`} data-testid="edit-specification">
                    <Pencil />
                    {t('reviewLink.editSpecification')}
                  </Link>
                </Button>
              )}
            </div>
          </CardContent>
        </Card>
      </div>

      {link.suspect ? (
        <Card>
          <CardHeader>
            <CardTitle>{t('reviewLink.changesTitle')}</CardTitle>
            <CardDescription>
              {t('reviewLink.changesIntro', { reviewed: link.reviewedVersion, current: link.requirementVersion })}{' '}
              {t('reviewLink.lastReview', { version: link.reviewedVersion, name: reviewer, date: when(link.reviewedAt) })}
            </CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            {!reviewed ? (
              <Alert role="status">{t('reviewLink.noHistory')}</Alert>
            ) : (
              reviewed.version !== link.reviewedVersion && (
                <Alert role="status">
                  {t('reviewLink.missingVersion', { version: link.reviewedVersion, used: reviewed.version })}
                </Alert>
              )
            )}
            {changesSince.length > 0 && (
              <div className="flex flex-col gap-1 text-sm">
                <h3 className="font-medium">{t('reviewLink.versionsSince')}</h3>
                <ul className="text-muted-foreground" data-testid="versions-since">
                  {changesSince.map((v) => (
                    <li key={v.version}>
                      {t('reviewLink.versionBy', {
                        version: v.version,
                        name: v.changedByName ?? t('review.unknownReviewer'),
                        date: when(v.changedAt),
                      })}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <Redline
              diffs={changed}
              labels={labels}
              sides={{
                before: `v${reviewed?.version ?? link.reviewedVersion}`,
                after: `v${link.requirementVersion}`,
              }}
            />
            {unchanged.length > 0 && (
              <p className="text-sm text-muted-foreground">
                {t('reviewLink.unchanged', { fields: String(format.list(unchanged, { type: 'conjunction' })) })}
              </p>
            )}
            {canReview ? (
              <ReviewLinkButton
                projectKey={membership.projectKey}
                linkId={link.linkId}
                seenVersion={link.requirementVersion}
                review={reviewTraceLink}
                doneHref={`${base}/traceability/review?confirmed=${link.linkId}`}
              />
            ) : (
              <p className="text-sm text-muted-foreground" data-testid="review-read-only">
                {t('reviewLink.readOnly')}
              </p>
            )}
          </CardContent>
        </Card>
      ) : (
        <div className="flex flex-col items-start gap-3">
          <Alert variant="success" role="status" className="flex items-start gap-2" data-testid="link-reviewed">
            <CheckCircle2 className="mt-0.5 size-4 shrink-0" aria-hidden />
            <span>
              {t('reviewLink.notSuspect', { version: link.reviewedVersion, name: reviewer, date: when(link.reviewedAt) })}
            </span>
          </Alert>
          <Button asChild variant="outline">
            <Link href={`${base}/traceability/review`}>
              <ChevronLeft />
              {t('reviewLink.backToList')}
            </Link>
          </Button>
        </div>
      )}
    </div>
  );
}
