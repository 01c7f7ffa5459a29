import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { AuditFiltersForm } from '@/components/audit/audit-filters-form';
import { AuditTable } from '@/components/audit/audit-table';
import { Button } from '@/components/ui/button';
import { getDb } from '@/db/client';
import { listAuditEvents, listAuditFacets } from '@/db/queries/audit';
import { listProjectMembers } from '@/db/queries/memberships';
import { requireProjectMembership } from '@/db/queries/project-access';
import { auditSearchSchema, nextDay, parisMidnight } from '@/lib/audit/filters';
import { requireUser } from '@/lib/session/current-user';

type Props = {
  params: Promise<{ projectKey: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('sections'))('audit') };
}

export default async function AuditPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const membership = await requireProjectMembership(user, (await params).projectKey);
  const search = auditSearchSchema.parse(await searchParams);
  const db = getDb();
  const [page, facets, members] = await Promise.all([
    listAuditEvents(db, membership.projectId, {
      entity: search.entity,
      action: search.action,
      actorId: search.actor,
      from: search.from ? parisMidnight(search.from) : undefined,
      to: search.to ? parisMidnight(nextDay(search.to)) : undefined,
      before: search.before,
    }),
    listAuditFacets(db, membership.projectId),
    listProjectMembers(db, membership.projectId),
  ]);
  const t = await getTranslations('audit');
  const tSections = await getTranslations('sections');
  const format = await getFormatter();
  const label = (group: 'entities' | 'actions', value: string) =>
    t.has(`${group}.${value}`) ? t(`${group}.${value}`) : value;

  const pageHref = (before?: number) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(search)) if (value && key !== 'before') query.set(key, String(value));
    if (before) query.set('before', String(before));
    return `?${query.toString()}`;
  };

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4">
      <h1 className="text-2xl font-semibold">{tSections('audit')}</h1>
      <p className="text-sm text-muted-foreground">{t('intro')}</p>
      <AuditFiltersForm
        values={search}
        entities={facets.entities.map((value) => ({ value, label: label('entities', value) }))}
        actions={facets.actions.map((value) => ({ value, label: label('actions', value) }))}
        actors={members.map((m) => ({ value: m.userId, label: m.name }))}
      />
      {page.events.length === 0 ? (
        <p className="rounded-lg border bg-background p-8 text-center text-muted-foreground">{t('empty')}</p>
      ) : (
        <AuditTable
          rows={page.events.map((event) => ({
            id: event.id,
            when: format.dateTime(event.createdAt, { dateStyle: 'short', timeStyle: 'medium' }),
            who: event.actorName ?? t('system'),
            entity: label('entities', event.entity),
            subjectName: event.subjectName,
            action: label('actions', event.action),
            before: event.before,
            after: event.after,
          }))}
          labels={{
            when: t('when'),
            who: t('who'),
            what: t('what'),
            action: t('action'),
            details: t('details'),
            show: t('show'),
            before: t('before'),
            after: t('after'),
          }}
        />
      )}
      <div className="flex justify-end gap-2">
        {search.before && (
          <Button asChild variant="outline" size="sm">
            <Link href={pageHref()}>{t('newest')}</Link>
          </Button>
        )}
        {page.hasMore && page.events.length > 0 && (
          <Button asChild variant="outline" size="sm">
            <Link href={pageHref(page.events.at(-1)!.id)}>{t('older')}</Link>
          </Button>
        )}
      </div>
    </div>
  );
}
