import { History, ListPlus, Pencil } from 'lucide-react';
import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound, redirect } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { linkRequirementToSpecification, removeTraceLink } from '../../traceability/actions';
import { MarkdownView } from '@/components/markdown/markdown-view';
import { PriorityBadge, StatusBadge } from '@/components/requirements/requirement-labels';
import { ReqifOriginCard } from '@/components/reqif/reqif-origin-card';
import { CoverageBadge, SuspectBadge } from '@/components/traceability/badges';
import { TraceLinksPanel } from '@/components/traceability/trace-links-panel';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { requireProjectMembership } from '@/db/queries/project-access';
import { findRequirementReqif } from '@/db/queries/reqif';
import { findRequirementByRef, findRequirementFamily } from '@/db/queries/requirement-pages';
import { requirementVerification } from '@/db/queries/test-cases';
import { listSpecificationsOfRequirement } from '@/db/queries/trace-links';
import { can } from '@/lib/auth/roles';
import { requireUser } from '@/lib/session/current-user';
import { coverageState } from '@/lib/traceability/coverage';
import { formatRef } from '@/lib/traceability/refs';

type Props = { params: Promise<{ projectKey: string; ref: string }> };

/** Shared by the metadata and the page of one request. */
const loadRequirement = cache(async (projectKey: string, ref: string) => {
  const membership = await requireProjectMembership(await requireUser(), projectKey);
  const found = await findRequirementByRef(getDb(), membership.projectId, ref);
  if (!found) notFound();
  return { membership, ...found };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { projectKey, ref } = await params;
  const { requirement, ref: canonical } = await loadRequirement(projectKey, ref);
  return { title: `${canonical} — ${requirement.title}` };
}

export default async function RequirementPage({ params }: Props) {
  const { projectKey, ref: segment } = await params;
  const { membership, requirement, ref, isCanonical } = await loadRequirement(projectKey, segment);
  const basePath = `/projects/${membership.projectKey}/requirements`;
  const href = `${basePath}/${ref}`;
  if (!isCanonical) redirect(href);

  const db = getDb();
  const [family, links, verification, reqif] = await Promise.all([
    findRequirementFamily(db, membership.projectId, requirement),
    listSpecificationsOfRequirement(db, membership.projectId, requirement.id),
    requirementVerification(db, membership.projectId, requirement.id),
    findRequirementReqif(db, membership.projectId, requirement.id),
  ]);
  const t = await getTranslations('requirements');
  const format = await getFormatter();
  // Showing or hiding controls is a courtesy; the actions check the role themselves.
  const writes = can(membership.role, 'requirements.write');
  const coverage = coverageState(links, verification);
  const suspectCount = links.filter((l) => l.suspect).length;
  const date = format.dateTime(requirement.updatedAt, { dateStyle: 'long', timeStyle: 'short' });

  const textSection = (title: string, source: string, empty: string, testId: string) => (
    <Card>
      <CardHeader className="pb-3">
        <CardTitle className="text-base">{title}</CardTitle>
      </CardHeader>
      <CardContent data-testid={testId}>
        {source.trim() ? <MarkdownView source={source} /> : <p className="text-sm italic text-muted-foreground">{empty}</p>}
      </CardContent>
    </Card>
  );

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-5">
      <nav aria-label={t('detail.breadcrumb')} className="text-sm text-muted-foreground">
        <ol className="flex flex-wrap items-center gap-1.5">
          <li>
            <Link href={basePath} className="hover:underline">
              {t('title')}
            </Link>
          </li>
          {family.parent && (
            <li className="flex items-center gap-1.5">
              <span aria-hidden>/</span>
              <Link href={`${basePath}/${formatRef('requirement', family.parent.number)}`} className="hover:underline">
                {formatRef('requirement', family.parent.number)}
              </Link>
            </li>
          )}
          <li className="flex items-center gap-1.5">
            <span aria-hidden>/</span>
            <span aria-current="page">{ref}</span>
          </li>
        </ol>
      </nav>

      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex min-w-0 flex-col gap-2">
          <p className="font-mono text-sm text-muted-foreground">{ref}</p>
          <h1 className="break-words text-2xl font-semibold">{requirement.title}</h1>
          <div className="flex flex-wrap items-center gap-2">
            <PriorityBadge priority={requirement.priority} />
            <StatusBadge status={requirement.status} />
            <CoverageBadge state={coverage} />
            {suspectCount > 0 && <SuspectBadge count={suspectCount} />}
          </div>
          <p className="text-sm text-muted-foreground" data-testid="requirement-version">
            {t('detail.version', { version: requirement.version })} ·{' '}
            {requirement.updatedByName
              ? t('detail.lastChange', { date, name: requirement.updatedByName })
              : t('detail.lastChangeUnknown', { date })}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {writes && (
            <Button asChild>
              <Link href={`${href}/edit`}>
                <Pencil />
                {t('detail.edit')}
              </Link>
            </Button>
          )}
          <Button asChild variant="outline">
            <Link href={`${href}/history`}>
              <History />
              {t('detail.history')}
            </Link>
          </Button>
        </div>
      </div>

      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="flex min-w-0 flex-col gap-5">
          {textSection(t('fields.statement'), requirement.statement, t('detail.emptyStatement'), 'requirement-statement')}
          {textSection(
            t('fields.acceptanceCriteria'),
            requirement.acceptanceCriteria,
            t('detail.emptyAcceptanceCriteria'),
            'requirement-acceptance-criteria',
          )}
          {textSection(t('fields.rationale'), requirement.rationale, t('detail.emptyRationale'), 'requirement-rationale')}
          <TraceLinksPanel
            projectKey={membership.projectKey}
            side="requirement"
            itemId={requirement.id}
            links={links}
            canEdit={can(membership.role, 'specifications.write')}
            link={linkRequirementToSpecification}
            unlink={removeTraceLink}
          />
        </div>

        <aside className="flex flex-col gap-5">
          <Card>
            <CardHeader className="pb-3">
              <CardTitle className="text-base">{t('detail.properties')}</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="flex flex-col gap-3 text-sm">
                <div>
                  <dt className="text-xs font-medium text-muted-foreground">{t('fields.parentId')}</dt>
                  <dd>
                    {family.parent ? (
                      <Link
                        href={`${basePath}/${formatRef('requirement', family.parent.number)}`}
                        className="text-primary hover:underline"
                      >
                        <span className="font-mono text-xs">{formatRef('requirement', family.parent.number)}</span>{' '}
                        {family.parent.title}
                      </Link>
                    ) : (
                      <span className="text-muted-foreground">{t('detail.topLevel')}</span>
                    )}
                  </dd>
                </div>
                <div>
                  <dt className="text-xs font-medium text-muted-foreground">{t('fields.source')}</dt>
                  <dd className="break-words">
                    {requirement.source || <span className="text-muted-foreground">{t('detail.notSpecified')}</span>}
                  </dd>
                </div>
                <div>
                  <dt className="text-xs font-medium text-muted-foreground">{t('fields.tags')}</dt>
                  <dd className="mt-1 flex flex-wrap gap-1">
                    {requirement.tags.length > 0 ? (
                      requirement.tags.map((tag) => (
                        <Link key={tag} href={`${basePath}?tag=${encodeURIComponent(tag)}`} aria-label={t('detail.tagFilter', { tag })}>
                          <Badge variant="secondary" className="font-normal hover:bg-secondary/70">
                            {tag}
                          </Badge>
                        </Link>
                      ))
                    ) : (
                      <span className="text-muted-foreground">{t('detail.noTags')}</span>
                    )}
                  </dd>
                </div>
                <div>
                  <dt className="text-xs font-medium text-muted-foreground">{t('detail.created')}</dt>
                  <dd>{format.dateTime(requirement.createdAt, { dateStyle: 'long', timeStyle: 'short' })}</dd>
                </div>
              </dl>
            </CardContent>
          </Card>

          <Card>
            <CardHeader className="pb-3">
              <CardTitle className="text-base">{t('detail.children')}</CardTitle>
            </CardHeader>
            <CardContent className="flex flex-col gap-3">
              {family.children.length > 0 ? (
                <ul className="flex flex-col gap-2 text-sm" data-testid="requirement-children">
                  {family.children.map((child) => {
                    const childRef = formatRef('requirement', child.number);
                    return (
                      <li key={child.id} className="flex items-start justify-between gap-2">
                        <Link href={`${basePath}/${childRef}`} className="min-w-0 text-primary hover:underline">
                          <span className="font-mono text-xs text-muted-foreground">{childRef}</span> {child.title}
                        </Link>
                        <StatusBadge status={child.status} />
                      </li>
                    );
                  })}
                </ul>
              ) : (
                <p className="text-sm text-muted-foreground">{t('detail.noChildren')}</p>
              )}
              {writes && (
                <Button asChild variant="outline" size="sm" className="self-start">
                  <Link href={`${basePath}/new?parent=${ref}`}>
                    <ListPlus />
                    {t('detail.addChild')}
                  </Link>
                </Button>
              )}
            </CardContent>
          </Card>
          {reqif && <ReqifOriginCard origin={reqif} basePath={basePath} />}
        </aside>
      </div>
    </div>
  );
}
