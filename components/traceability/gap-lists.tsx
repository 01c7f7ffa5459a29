'use client';

import { ArrowRight } from 'lucide-react';
import { Link } from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import { VirtualRows } from '@/components/traceability/virtual-rows';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { formatRef } from '@/lib/traceability/refs';

export interface UncoveredRequirementRow {
  number: number;
  title: string;
  priority: string;
  status: string;
}

export interface OrphanSpecificationRow {
  number: number;
  title: string;
  category: string;
  status: string;
}

export interface SuspectLinkRow {
  linkId: string;
  requirementNumber: number;
  requirementTitle: string;
  specificationNumber: number;
  specificationTitle: string;
  reviewedVersion: number;
  requirementVersion: number;
  /** Already formatted in Europe/Paris by the server. */
  changedAt: string;
  /** Who last reviewed the link and when, formatted by the server; shown when given. */
  lastReview?: string;
}

const LINK = 'font-mono font-medium text-primary hover:underline';
const byNumber = (row: { number: number }) => String(row.number);
const byLink = (row: SuspectLinkRow) => row.linkId;

function Empty({ children }: { children: string }) {
  return (
    <p className="rounded-lg border border-dashed bg-background p-8 text-center text-sm text-muted-foreground" data-testid="gap-empty">
      {children}
    </p>
  );
}

/** Non-obsolete requirements that no specification answers. */
/** `texts` names another gap shown the same way (requirements without tests). */
interface GapTexts {
  label: string;
  empty: string;
  testId: string;
}

export function UncoveredRequirementsList({ projectKey, rows, texts }: { projectKey: string; rows: UncoveredRequirementRow[]; texts?: GapTexts }) {
  const t = useTranslations('traceability');
  const tv = useTranslations();
  const base = `/projects/${encodeURIComponent(projectKey)}`;
  const renderCells = useCallback(
    (row: UncoveredRequirementRow) => {
      const ref = formatRef('requirement', row.number);
      return [
        <Link key="ref" href={`${base}/requirements/${ref}`} className={LINK}>
          {ref}
        </Link>,
        <span key="title" className="line-clamp-2">
          {row.title}
        </span>,
        <span key="priority" className={row.priority === 'must' ? 'font-medium' : undefined}>
          {tv(`requirements.priorities.${row.priority}`)}
        </span>,
        <span key="status">{tv(`requirements.statuses.${row.status}`)}</span>,
      ];
    },
    [base, tv],
  );
  if (rows.length === 0) return <Empty>{texts?.empty ?? t('gaps.uncoveredEmpty')}</Empty>;
  return (
    <VirtualRows
      label={texts?.label ?? t('tabs.uncovered')}
      testId={texts?.testId ?? 'gap-uncovered'}
      rows={rows}
      rowKey={byNumber}
      columns={[
        { label: t('gaps.ref'), width: '6.5rem' },
        { label: t('gaps.title'), width: 'minmax(16rem, 1fr)' },
        { label: t('gaps.priority'), width: '8rem' },
        { label: t('gaps.status'), width: '8rem' },
      ]}
      renderCells={renderCells}
    />
  );
}

/** Specifications, other than superseded ones, that answer no requirement. */
export function OrphanSpecificationsList({ projectKey, rows, texts }: { projectKey: string; rows: OrphanSpecificationRow[]; texts?: GapTexts }) {
  const t = useTranslations('traceability');
  const tv = useTranslations();
  const base = `/projects/${encodeURIComponent(projectKey)}`;
  const renderCells = useCallback(
    (row: OrphanSpecificationRow) => {
      const ref = formatRef('specification', row.number);
      return [
        <Link key="ref" href={`${base}/specifications/${ref}`} className={LINK}>
          {ref}
        </Link>,
        <span key="title" className="line-clamp-2">
          {row.title}
        </span>,
        <span key="category">{tv(`specifications.categories.${row.category}`)}</span>,
        <span key="status">{tv(`specifications.statuses.${row.status}`)}</span>,
      ];
    },
    [base, tv],
  );
  if (rows.length === 0) return <Empty>{texts?.empty ?? t('gaps.orphansEmpty')}</Empty>;
  return (
    <VirtualRows
      label={texts?.label ?? t('tabs.orphans')}
      testId={texts?.testId ?? 'gap-orphans'}
      rows={rows}
      rowKey={byNumber}
      columns={[
        { label: t('gaps.ref'), width: '6.5rem' },
        { label: t('gaps.title'), width: 'minmax(16rem, 1fr)' },
        { label: t('gaps.category'), width: '9rem' },
        { label: t('gaps.status'), width: '8rem' },
      ]}
      renderCells={renderCells}
    />
  );
}

/** Links whose requirement changed since their last review, each leading to its review. */
export function SuspectLinksList({
  projectKey,
  rows,
  withLastReview = false,
}: {
  projectKey: string;
  rows: SuspectLinkRow[];
  withLastReview?: boolean;
}) {
  const t = useTranslations('traceability');
  const base = `/projects/${encodeURIComponent(projectKey)}`;
  const renderCells = useCallback(
    (row: SuspectLinkRow) => {
      const requirement = formatRef('requirement', row.requirementNumber);
      const specification = formatRef('specification', row.specificationNumber);
      return [
        <span key="requirement" className="line-clamp-2">
          <Link href={`${base}/requirements/${requirement}`} className={LINK}>
            {requirement}
          </Link>{' '}
          {row.requirementTitle}
        </span>,
        <Badge key="versions" variant="warning" className="whitespace-nowrap tabular-nums">
          {t('versions', { reviewed: row.reviewedVersion, current: row.requirementVersion })}
        </Badge>,
        <span key="specification" className="line-clamp-2">
          <Link href={`${base}/specifications/${specification}`} className={LINK}>
            {specification}
          </Link>{' '}
          {row.specificationTitle}
        </span>,
        <span key="changed" className="tabular-nums text-muted-foreground">
          {row.changedAt}
        </span>,
        ...(withLastReview
          ? [
              <span key="reviewed" className="text-muted-foreground">
                {row.lastReview}
              </span>,
            ]
          : []),
        <Button
          key="review"
          asChild
          size="sm"
          variant={withLastReview ? 'default' : 'link'}
          className={withLastReview ? undefined : 'px-0'}
        >
          <Link
           
            href={`${base}/traceability/review/${row.linkId}`}
            aria-label={t('review.openLabel', { requirement, specification })}
            data-testid={`review-${requirement}-${specification}`}
          >
            {t('gaps.review')}
            <ArrowRight aria-hidden />
          </Link>
        </Button>,
      ];
    },
    [base, t, withLastReview],
  );
  if (rows.length === 0) return <Empty>{t('gaps.suspectEmpty')}</Empty>;
  return (
    <VirtualRows
      label={t('tabs.suspect')}
      testId="gap-suspect"
      rows={rows}
      rowKey={byLink}
      minWidth={withLastReview ? '68rem' : '56rem'}
      columns={[
        { label: t('gaps.requirement'), width: 'minmax(14rem, 1fr)' },
        { label: t('gaps.versions'), width: '6.5rem' },
        { label: t('gaps.specification'), width: 'minmax(14rem, 1fr)' },
        { label: t('gaps.changedAt'), width: '10rem' },
        ...(withLastReview ? [{ label: t('review.lastReview'), width: 'minmax(10rem, 0.8fr)' }] : []),
        { label: '', width: '7rem' },
      ]}
      renderCells={renderCells}
    />
  );
}
