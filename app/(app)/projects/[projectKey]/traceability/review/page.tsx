import { CheckCircle2, ChevronLeft } from 'lucide-react';
import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { redirect } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { SuspectLinksList } from '@/components/traceability/gap-lists';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { getDb } from '@/db/client';
import { requireProjectMembership } from '@/db/queries/project-access';
import { PageNav } from '@/components/ui/page-nav';
import { findRequirementSpecificationLink, listSuspectLinks, SUSPECT_LINK_PAGE_SIZE } from '@/db/queries/trace-links';
import { requireUser } from '@/lib/session/current-user';
import { formatRef } from '@/lib/traceability/refs';

type Props = {
  params: Promise<{ projectKey: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const pageSchema = z.coerce.number().int().min(1).max(1_000_000).catch(1);

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('traceability'))('review.title') };
}

/** "À revoir": the AMOE's work queue of suspect links, the most recently changed requirement first. */
export default async function SuspectLinksPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const membership = await requireProjectMembership(user, (await params).projectKey);
  const query = await searchParams;
  // Coming back from a review: name the link just cleared, as the database has it (never text from the URL).
  const confirmedId = z.uuid().safeParse(query.confirmed);
  const page = pageSchema.parse(query.page);
  const db = getDb();
  const [links, confirmed] = await Promise.all([
    listSuspectLinks(db, membership.projectId, { offset: (page - 1) * SUSPECT_LINK_PAGE_SIZE, limit: SUSPECT_LINK_PAGE_SIZE }),
    confirmedId.success ? findRequirementSpecificationLink(db, membership.projectId, confirmedId.data) : null,
  ]);
  const base = `/projects/${encodeURIComponent(membership.projectKey)}`;
  // Past the last page (links reviewed meanwhile): back to the first.
  if (links.length === 0 && page > 1) redirect(`${base}/traceability/review`);
  const total = links[0]?.total ?? 0;
  const pages = Math.ceil(total / SUSPECT_LINK_PAGE_SIZE);
  const t = await getTranslations('traceability');
  const format = await getFormatter();
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'short', timeStyle: 'short' });

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4">
      <Link href={`${base}/traceability`} className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ChevronLeft className="size-4" aria-hidden />
        {t('title')}
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{t('review.title')}</h1>
        <Badge variant={total > 0 ? 'warning' : 'secondary'} data-testid="suspect-count">
          {t('review.count', { count: total })}
        </Badge>
      </div>
      <p className="text-sm text-muted-foreground">{t('review.intro')}</p>
      {confirmed && !confirmed.suspect && (
        <Alert variant="success" role="status" className="flex items-start gap-2" data-testid="review-confirmed">
          <CheckCircle2 className="mt-0.5 size-4 shrink-0" aria-hidden />
          <span>
            {t('review.confirmed', {
              requirement: formatRef('requirement', confirmed.requirementNumber),
              specification: formatRef('specification', confirmed.specificationNumber),
              version: confirmed.reviewedVersion,
            })}
          </span>
        </Alert>
      )}

      {links.length === 0 ? (
        <p className="rounded-lg border border-dashed bg-background p-8 text-center text-muted-foreground" data-testid="review-empty">
          {t('review.empty')}
        </p>
      ) : (
        <SuspectLinksList
          projectKey={membership.projectKey}
          withLastReview
          rows={links.map((link) => ({
            linkId: link.linkId,
            requirementNumber: link.requirementNumber,
            requirementTitle: link.requirementTitle,
            specificationNumber: link.specificationNumber,
            specificationTitle: link.specificationTitle,
            reviewedVersion: link.reviewedVersion,
            requirementVersion: link.requirementVersion,
            changedAt: when(link.requirementUpdatedAt),
            lastReview: t('review.reviewedBy', {
              name: link.reviewedByName ?? t('review.unknownReviewer'),
              date: when(link.reviewedAt),
            }),
          }))}
        />
      )}
      <PageNav
        page={page}
        pages={pages}
        href={(p) => (p > 1 ? `${base}/traceability/review?page=${p}` : `${base}/traceability/review`)}
        labels={{
          nav: t('suspectPages.nav'),
          pageOf: t('suspectPages.pageOf', { page, pages }),
          previous: t('suspectPages.previous'),
          next: t('suspectPages.next'),
        }}
      />
    </div>
  );
}
