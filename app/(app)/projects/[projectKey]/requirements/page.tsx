import { Download, ListTree, Plus, Rows3, Upload } from 'lucide-react';
import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { hasListFilters, REQUIREMENT_VIEWS, requirementListHref } from '@/components/requirements/list-search';
import { requirementListSearchSchema } from '@/components/requirements/list-search-schema';
import { RequirementFilters } from '@/components/requirements/requirement-filters';
import { RequirementTable } from '@/components/requirements/requirement-table';
import { RequirementTree } from '@/components/requirements/requirement-tree';
import { ExportLink } from '@/components/spreadsheets/export-link';
import { Button } from '@/components/ui/button';
import { getDb } from '@/db/client';
import { requireProjectMembership } from '@/db/queries/project-access';
import { listRequirementAncestors } from '@/db/queries/requirement-pages';
import {
  countRequirements,
  listRequirements,
  listRequirementTags,
  REQUIREMENT_PAGE_SIZE,
  REQUIREMENT_TREE_PAGE_SIZE,
} from '@/db/queries/requirements';
import { can } from '@/lib/auth/roles';
import { ancestorPath, toRequirementListRow } from '@/lib/requirements/list-row';
import { requireUser } from '@/lib/session/current-user';
import { cn } from '@/lib/ui/cn';

type Props = {
  params: Promise<{ projectKey: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('sections'))('requirements') };
}

export default async function RequirementsPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const membership = await requireProjectMembership(user, (await params).projectKey);
  const search = requirementListSearchSchema.parse(await searchParams);
  const filtered = hasListFilters(search);
  // The tree opens on its top level, chapters closed; a search (or the flat view) is a page of matching rows.
  const lazyTree = search.view === 'tree' && !filtered;
  const paged = !lazyTree;
  const page = paged ? (search.page ?? 1) : 1;
  const pageSize = lazyTree ? REQUIREMENT_TREE_PAGE_SIZE : REQUIREMENT_PAGE_SIZE;
  const db = getDb();
  const [list, tags, projectTotal] = await Promise.all([
    listRequirements(db, membership.projectId, {
      q: search.q,
      status: search.status,
      priority: search.priority,
      tag: search.tag,
      coverage: search.coverage,
      parentId: lazyTree ? null : undefined,
      page,
      pageSize,
    }),
    listRequirementTags(db, membership.projectId),
    // The count above the tree is the whole project's; the top level is only part of it.
    lazyTree ? countRequirements(db, membership.projectId) : null,
  ]);
  const rows = list.rows.map(toRequirementListRow);
  // Search results in the tree view say where each match is filed: its chapters, read for the whole page at once.
  const ancestors =
    search.view === 'tree' && filtered
      ? await listRequirementAncestors(
          db,
          membership.projectId,
          rows.flatMap((r) => (r.parentId ? [r.parentId] : [])),
        )
      : [];
  const byId = new Map(ancestors.map((a) => [a.id, a]));
  const paths = ancestors.length > 0 ? Object.fromEntries(rows.map((r) => [r.id, ancestorPath(r.parentId, byId)])) : undefined;
  const t = await getTranslations('requirements');
  const tSections = await getTranslations('sections');
  const tReqif = await getTranslations('reqif');
  const tSpreadsheets = await getTranslations('spreadsheets');
  const basePath = `/projects/${membership.projectKey}/requirements`;
  const writes = can(membership.role, 'requirements.write');
  const pageCount = Math.max(1, Math.ceil(list.total / REQUIREMENT_PAGE_SIZE));
  const total = projectTotal ?? list.total;

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex flex-col gap-1">
          <h1 className="text-2xl font-semibold">{tSections('requirements')}</h1>
          <p className="text-sm text-muted-foreground">{t('list.intro')}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button asChild variant="outline">
            <a href={`/api/projects/${encodeURIComponent(membership.projectKey)}/reqif/export`} download>
              <Download />
              {tReqif('exportAction')}
            </a>
          </Button>
          {can(membership.role, 'requirements.write') && (
            <Button asChild variant="outline">
              <Link href={`${basePath}/reqif`}>
                <Upload />
                {tReqif('importAction')}
              </Link>
            </Button>
          )}
          <ExportLink projectKey={membership.projectKey} what="requirements" label={tSpreadsheets('export.requirements')} />
          {writes && (
            <Button asChild variant="outline">
              <Link href={`/projects/${membership.projectKey}/imports/requirements`} data-testid="import-requirements-link">
                <Upload />
                {tSpreadsheets('import.requirementsLink')}
              </Link>
            </Button>
          )}
          {writes && (
            <Button asChild>
              <Link href={`${basePath}/new`}>
                <Plus />
                {t('new')}
              </Link>
            </Button>
          )}
        </div>
      </div>

      <RequirementFilters basePath={basePath} search={search} tags={tags} />

      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm font-medium" role="status" data-testid="requirement-count">
          {filtered ? t('list.matching', { count: total }) : t('list.total', { count: total })}
        </p>
        <nav aria-label={t('list.viewLabel')} className="inline-flex rounded-md border bg-background p-0.5 text-sm">
          {REQUIREMENT_VIEWS.map((view) => {
            const Icon = view === 'tree' ? ListTree : Rows3;
            const active = search.view === view;
            return (
              <Link
                key={view}
                href={requirementListHref(basePath, search, { view, page: undefined })}
                aria-current={active ? 'page' : undefined}
                className={cn(
                  'inline-flex items-center gap-1.5 rounded px-3 py-1',
                  active ? 'bg-primary text-primary-foreground' : 'text-muted-foreground hover:bg-accent',
                )}
              >
                <Icon className="size-4" aria-hidden />
                {t(`views.${view}`)}
              </Link>
            );
          })}
        </nav>
      </div>

      {rows.length === 0 ? (
        <div className="flex flex-col items-center gap-3 rounded-lg border bg-background p-10 text-center" data-testid="requirements-empty">
          {paged && page > 1 ? (
            <>
              <p className="font-medium">{t('empty.pageOutOfRange')}</p>
              <Button asChild variant="outline" size="sm">
                <Link href={requirementListHref(basePath, search, { page: undefined })}>{t('empty.firstPage')}</Link>
              </Button>
            </>
          ) : filtered ? (
            <>
              <p className="font-medium">{t('empty.noMatch')}</p>
              <p className="max-w-prose text-sm text-muted-foreground">{t('empty.noMatchHint')}</p>
              <Button asChild variant="outline" size="sm">
                <Link href={requirementListHref(basePath, { view: search.view })}>{t('filters.reset')}</Link>
              </Button>
            </>
          ) : (
            <>
              <p className="font-medium">{t('empty.none')}</p>
              <p className="max-w-prose text-sm text-muted-foreground">
                {writes ? t('empty.noneWriter') : t('empty.noneReader')}
              </p>
              {writes && (
                <Button asChild size="sm">
                  <Link href={`${basePath}/new`}>
                    <Plus />
                    {t('new')}
                  </Link>
                </Button>
              )}
            </>
          )}
        </div>
      ) : lazyTree ? (
        <RequirementTree projectKey={membership.projectKey} basePath={basePath} roots={{ rows, total: list.total, page, pageSize }} />
      ) : (
        <RequirementTable basePath={basePath} rows={rows} paths={paths} />
      )}

      {paged && list.total > REQUIREMENT_PAGE_SIZE && rows.length > 0 && (
        <nav aria-label={t('list.pagination')} className="flex items-center justify-end gap-3 text-sm">
          <span className="text-muted-foreground">{t('list.pageOf', { page, pages: pageCount })}</span>
          {page > 1 ? (
            <Button asChild variant="outline" size="sm">
              <Link href={requirementListHref(basePath, search, { page: page - 1 })} rel="prev">
                {t('list.previous')}
              </Link>
            </Button>
          ) : (
            <Button variant="outline" size="sm" disabled>
              {t('list.previous')}
            </Button>
          )}
          {page < pageCount ? (
            <Button asChild variant="outline" size="sm">
              <Link href={requirementListHref(basePath, search, { page: page + 1 })} rel="next">
                {t('list.next')}
              </Link>
            </Button>
          ) : (
            <Button variant="outline" size="sm" disabled>
              {t('list.next')}
            </Button>
          )}
        </nav>
      )}
    </div>
  );
}
