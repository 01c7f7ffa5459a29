import { AlertTriangle, Download } from 'lucide-react';
import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { OrphanSpecificationsList, SuspectLinksList, UncoveredRequirementsList } from '@/components/traceability/gap-lists';
import { MatrixFilters } from '@/components/traceability/matrix-filters';
import { TraceabilityMatrix } from '@/components/traceability/traceability-matrix';
import { ExportLink } from '@/components/spreadsheets/export-link';
import { Button } from '@/components/ui/button';
import { getDb } from '@/db/client';
import { requireProjectMembership } from '@/db/queries/project-access';
import { PageNav } from '@/components/ui/page-nav';
import { listSuspectLinks, SUSPECT_LINK_PAGE_SIZE } from '@/db/queries/trace-links';
import {
  listOrphanSpecifications,
  listRequirementsWithoutSpecification,
  listTraceabilityMatrix,
  MATRIX_STATUS_FILTERS,
  MATRIX_WINDOW,
  traceabilitySummary,
  listRequirementsWithoutTest,
  listSpecificationsWithoutTest,
} from '@/db/queries/traceability-pages';
import { REQUIREMENT_PRIORITIES } from '@/lib/requirements/model';
import { COVERAGE_STATES } from '@/lib/traceability/coverage';
import { requireUser } from '@/lib/session/current-user';
import { cn } from '@/lib/ui/cn';

type Props = {
  params: Promise<{ projectKey: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const VIEWS = ['matrix', 'uncovered', 'orphans', 'suspect', 'untestedRequirements', 'untestedSpecifications'] as const;
type View = (typeof VIEWS)[number];

/** Unknown or malformed values are ignored, never an error: the URL is something people edit and share. */
const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const searchSchema = z.object({
  view: lenient(z.enum(VIEWS)),
  q: lenient(z.string().trim().max(200)),
  coverage: lenient(z.enum(COVERAGE_STATES)),
  status: lenient(z.enum(MATRIX_STATUS_FILTERS)),
  priority: lenient(z.enum(REQUIREMENT_PRIORITIES)),
  page: lenient(z.coerce.number().int().min(1).max(1_000_000)),
});

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('traceability'))('title') };
}

export default async function TraceabilityPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const membership = await requireProjectMembership(user, (await params).projectKey);
  const search = searchSchema.parse(await searchParams);
  const view: View = search.view ?? 'matrix';
  const filters = { q: search.q || undefined, coverage: search.coverage, status: search.status, priority: search.priority };
  const db = getDb();
  const projectId = membership.projectId;
  const suspectPage = view === 'suspect' ? (search.page ?? 1) : 1;
  const [summary, matrix, uncovered, orphans, suspect, untestedRequirements, untestedSpecifications] = await Promise.all([
    traceabilitySummary(db, projectId),
    view === 'matrix' ? listTraceabilityMatrix(db, projectId, filters, { offset: 0, limit: MATRIX_WINDOW }) : null,
    view === 'uncovered' ? listRequirementsWithoutSpecification(db, projectId) : null,
    view === 'orphans' ? listOrphanSpecifications(db, projectId) : null,
    view === 'suspect'
      ? listSuspectLinks(db, projectId, { offset: (suspectPage - 1) * SUSPECT_LINK_PAGE_SIZE, limit: SUSPECT_LINK_PAGE_SIZE })
      : null,
    view === 'untestedRequirements' ? listRequirementsWithoutTest(db, projectId) : null,
    view === 'untestedSpecifications' ? listSpecificationsWithoutTest(db, projectId) : null,
  ]);
  const suspectPages = Math.ceil((suspect?.[0]?.total ?? 0) / SUSPECT_LINK_PAGE_SIZE);
  const tt = await getTranslations('testCases');
  const t = await getTranslations('traceability');
  const tSpreadsheets = await getTranslations('spreadsheets');
  const format = await getFormatter();
  const projectKey = membership.projectKey;
  const base = `/projects/${encodeURIComponent(projectKey)}/traceability`;
  const exportBase = `/api/projects/${encodeURIComponent(projectKey)}/traceability/export`;
  const filterQuery = new URLSearchParams(
    Object.entries(filters).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''),
  );
  const matrixExport = `${exportBase}?${new URLSearchParams([['what', 'matrix'], ...filterQuery]).toString()}`;

  const tabs: { view: View; label: string; count?: number }[] = [
    { view: 'matrix', label: t('tabs.matrix') },
    { view: 'uncovered', label: t('tabs.uncovered'), count: summary.withoutSpecification },
    { view: 'orphans', label: t('tabs.orphans'), count: summary.orphanSpecifications },
    { view: 'suspect', label: t('tabs.suspect'), count: summary.suspectLinks },
    { view: 'untestedRequirements', label: tt('gaps.untestedRequirements'), count: summary.withoutTest },
    { view: 'untestedSpecifications', label: tt('gaps.untestedSpecifications'), count: summary.specificationsWithoutTest },
  ];
  const ratio = summary.activeRequirements > 0 ? summary.verified / summary.activeRequirements : 0;
  const tiles = [
    {
      key: 'verified',
      label: t('summary.verified'),
      value: summary.verified,
      hint: t('summary.verifiedHint', { count: summary.verified, total: summary.activeRequirements, ratio }),
      href: `${base}?coverage=verified&status=active`,
      tone: 'text-emerald-700',
    },
    {
      key: 'failed',
      label: t('summary.failed'),
      value: summary.failed,
      hint: t('summary.failedHint'),
      href: `${base}?coverage=failed&status=active`,
      tone: summary.failed > 0 ? 'text-red-700' : undefined,
    },
    {
      key: 'covered',
      label: t('summary.covered'),
      value: summary.covered,
      hint: t('summary.coveredHint'),
      href: `${base}?coverage=covered&status=active`,
      tone: 'text-emerald-700',
    },
    {
      key: 'uncovered',
      label: t('summary.uncovered'),
      value: summary.uncovered,
      hint: t('summary.uncoveredHint', { count: summary.withoutSpecification }),
      href: `${base}?coverage=uncovered&status=active`,
      tone: summary.uncovered > 0 ? 'text-red-700' : undefined,
    },
    {
      key: 'suspect',
      label: t('summary.suspect'),
      value: summary.suspect,
      hint: t('summary.suspectHint'),
      href: `${base}?coverage=suspect&status=active`,
      tone: summary.suspect > 0 ? 'text-amber-700' : undefined,
    },
    {
      key: 'specifications',
      label: t('summary.specifications'),
      value: summary.specifications,
      hint: t('summary.specificationsHint'),
      href: `/projects/${encodeURIComponent(projectKey)}/specifications`,
    },
    {
      key: 'orphans',
      label: t('summary.orphans'),
      value: summary.orphanSpecifications,
      hint: t('summary.orphansHint'),
      href: `${base}?view=orphans`,
      tone: summary.orphanSpecifications > 0 ? 'text-red-700' : undefined,
    },
    {
      key: 'suspectLinks',
      label: t('summary.suspectLinks'),
      value: summary.suspectLinks,
      hint: t('summary.suspectLinksHint'),
      href: `${base}/review`,
      tone: summary.suspectLinks > 0 ? 'text-amber-700' : undefined,
    },
  ];

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex flex-col gap-1">
          <h1 className="text-2xl font-semibold">{t('title')}</h1>
          <p className="text-sm text-muted-foreground">{t('intro')}</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Button asChild variant={summary.suspectLinks > 0 ? 'default' : 'outline'} data-testid="to-review-link">
            <Link href={`${base}/review`}>
              <AlertTriangle />
              {t('toReviewCount', { count: summary.suspectLinks })}
            </Link>
          </Button>
          <Button asChild variant="outline">
            <a href={matrixExport} download data-testid="export-matrix">
              <Download />
              {t('export.matrix')}
            </a>
          </Button>
          <ExportLink projectKey={membership.projectKey} what="matrix" label={tSpreadsheets('export.matrix')} />
          <Button asChild variant="outline">
            <a href={`${exportBase}?what=gaps`} download data-testid="export-gaps">
              <Download />
              {t('export.gaps')}
            </a>
          </Button>
        </div>
      </div>

      <section aria-label={t('summary.label')} className="flex flex-col gap-2">
        <ul className="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="traceability-summary">
          {tiles.map((tile) => (
            <li key={tile.key}>
              <Link
                href={tile.href}
                className="flex h-full flex-col gap-1 rounded-lg border bg-card p-3 shadow-sm transition-colors hover:bg-accent/50"
                data-testid={`summary-${tile.key}`}
              >
                <span className="text-xs font-medium text-muted-foreground">{tile.label}</span>
                <span className={cn('text-2xl font-semibold tabular-nums', tile.tone)}>{format.number(tile.value)}</span>
                <span className="text-xs text-muted-foreground">{tile.hint}</span>
              </Link>
            </li>
          ))}
        </ul>
        <p className="text-xs text-muted-foreground">
          {t('summary.obsoleteNote', { count: summary.requirements - summary.activeRequirements })}
        </p>
      </section>

      <nav aria-label={t('tabs.label')} className="flex flex-wrap gap-1 border-b">
        {tabs.map((tab) => (
          <Link
            key={tab.view}
            href={tab.view === 'matrix' ? base : `${base}?view=${tab.view}`}
            aria-current={view === tab.view ? 'page' : undefined}
            data-testid={`tab-${tab.view}`}
            className={cn(
              '-mb-px flex items-center gap-2 border-b-2 px-3 py-2 text-sm',
              view === tab.view
                ? 'border-primary font-medium text-foreground'
                : 'border-transparent text-muted-foreground hover:text-foreground',
            )}
          >
            {tab.label}
            {tab.count !== undefined && (
              <span
                className={cn(
                  'rounded-full px-2 text-xs tabular-nums',
                  tab.count > 0 ? (tab.view === 'suspect' ? 'bg-amber-100 text-amber-900' : 'bg-red-100 text-red-900') : 'bg-muted',
                )}
              >
                {format.number(tab.count)}
              </span>
            )}
          </Link>
        ))}
      </nav>

      {matrix && (
        <div className="flex flex-col gap-3">
          <MatrixFilters
            values={{ q: search.q, coverage: search.coverage, status: search.status, priority: search.priority }}
            count={matrix.total}
          />
          {matrix.total === 0 ? (
            <p className="rounded-lg border border-dashed bg-background p-8 text-center text-sm text-muted-foreground">
              {summary.requirements === 0 ? t('matrix.emptyProject') : t('matrix.empty')}
            </p>
          ) : (
            <TraceabilityMatrix projectKey={projectKey} filters={filters} first={matrix} windowSize={MATRIX_WINDOW} />
          )}
        </div>
      )}
      {uncovered && (
        <div className="flex flex-col gap-3">
          <p className="text-sm text-muted-foreground">{t('gaps.uncoveredIntro')}</p>
          <UncoveredRequirementsList projectKey={projectKey} rows={uncovered} />
        </div>
      )}
      {untestedRequirements && (
        <div className="flex flex-col gap-3">
          <p className="text-sm text-muted-foreground">{tt('gaps.untestedRequirementsIntro')}</p>
          <UncoveredRequirementsList
            projectKey={projectKey}
            rows={untestedRequirements}
            texts={{ label: tt('gaps.untestedRequirements'), empty: tt('gaps.untestedRequirementsEmpty'), testId: 'gap-untested-requirements' }}
          />
        </div>
      )}
      {untestedSpecifications && (
        <div className="flex flex-col gap-3">
          <p className="text-sm text-muted-foreground">{tt('gaps.untestedSpecificationsIntro')}</p>
          <OrphanSpecificationsList
            projectKey={projectKey}
            rows={untestedSpecifications}
            texts={{ label: tt('gaps.untestedSpecifications'), empty: tt('gaps.untestedSpecificationsEmpty'), testId: 'gap-untested-specifications' }}
          />
        </div>
      )}
      {orphans && (
        <div className="flex flex-col gap-3">
          <p className="text-sm text-muted-foreground">{t('gaps.orphansIntro')}</p>
          <OrphanSpecificationsList projectKey={projectKey} rows={orphans} />
        </div>
      )}
      {suspect && (
        <div className="flex flex-col gap-3">
          <p className="text-sm text-muted-foreground">{t('gaps.suspectIntro')}</p>
          <SuspectLinksList
            projectKey={projectKey}
            rows={suspect.map((link) => ({
              linkId: link.linkId,
              requirementNumber: link.requirementNumber,
              requirementTitle: link.requirementTitle,
              specificationNumber: link.specificationNumber,
              specificationTitle: link.specificationTitle,
              reviewedVersion: link.reviewedVersion,
              requirementVersion: link.requirementVersion,
              changedAt: format.dateTime(link.requirementUpdatedAt, { dateStyle: 'short', timeStyle: 'short' }),
            }))}
          />
          <PageNav
            page={suspectPage}
            pages={suspectPages}
            href={(p) => (p > 1 ? `${base}?view=suspect&page=${p}` : `${base}?view=suspect`)}
            labels={{
              nav: t('suspectPages.nav'),
              pageOf: t('suspectPages.pageOf', { page: suspectPage, pages: suspectPages }),
              previous: t('suspectPages.previous'),
              next: t('suspectPages.next'),
            }}
          />
        </div>
      )}
    </div>
  );
}
