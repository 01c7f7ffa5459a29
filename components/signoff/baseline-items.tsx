import { useTranslations } from 'next-intl';
import { PageNav } from '@/components/ui/page-nav';
import { Redline } from '@/components/versioning/redline';
import type { BaselineComparison, BaselineItem, ComparisonPage } from '@/lib/signoff/baseline';
import { BASELINE_FIELDS, redline } from '@/lib/signoff/baseline';
import { fieldText } from '@/lib/versioning/diff';
import { formatRef } from '@/lib/traceability/refs';

function refOf(item: Pick<BaselineItem, 'kind' | 'number'>) {
  return formatRef(item.kind, item.number);
}

/** The fields of a frozen item, as frozen (what is signed), with their labels. */
function FrozenFields({ item }: { item: BaselineItem }) {
  const t = useTranslations();
  const label = (field: string) => {
    const key = item.kind === 'specification' ? `specifications.fields.${field}` : `requirements.fields.${field}`;
    return t.has(key) ? t(key) : field;
  };
  return (
    <dl className="flex flex-col gap-2">
      {BASELINE_FIELDS[item.kind].map((field) => (
        <div key={field}>
          <dt className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{label(field)}</dt>
          <dd className="whitespace-pre-wrap break-words text-sm">{fieldText(item.snapshot[field]) || '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * What a baseline holds, shown against a reference: changed items with their redline, added ones in full,
 * removed ones by ref, unchanged ones folded. `extra` renders something under each item (a comment form).
 */
export function BaselineItems({
  comparison,
  current,
  extra,
}: {
  comparison: BaselineComparison;
  current: Map<string, number>;
  extra?: (item: BaselineItem) => React.ReactNode;
}) {
  const t = useTranslations('signoff');
  const tAll = useTranslations();
  const labels = (item: BaselineItem) =>
    Object.fromEntries(
      BASELINE_FIELDS[item.kind].map((f) => {
        const key = item.kind === 'specification' ? `specifications.fields.${f}` : `requirements.fields.${f}`;
        return [f, tAll.has(key) ? tAll(key) : f];
      }),
    );
  const heading = (item: BaselineItem) => (
    <h4 className="flex flex-wrap items-baseline gap-2 font-medium">
      <span className="font-mono text-xs">{refOf(item)}</span>
      <span>{String(item.snapshot.title ?? '')}</span>
      <span className="text-xs text-muted-foreground">{t('baselines.version', { version: item.version })}</span>
      {(current.get(item.itemId) ?? item.version) > item.version && (
        <span className="rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900">{t('baselines.movedOn', { version: current.get(item.itemId)! })}</span>
      )}
    </h4>
  );
  return (
    <div className="flex flex-col gap-4">
      {comparison.changed.map(({ before, after }) => (
        <article key={`${after.kind}:${after.itemId}`} className="flex flex-col gap-2 rounded-md border p-3" data-testid={`changed-${refOf(after)}`}>
          {heading(after)}
          <p className="text-xs">{t('baselines.compare.versions', { before: before.version, after: after.version })}</p>
          <Redline diffs={redline({ before, after })} labels={labels(after)} sides={{ before: t('review.before'), after: t('review.after') }} />
          {extra?.(after)}
        </article>
      ))}
      {comparison.added.map((item) => (
        <article key={`${item.kind}:${item.itemId}`} className="flex flex-col gap-2 rounded-md border p-3" data-testid={`added-${refOf(item)}`}>
          {heading(item)}
          <FrozenFields item={item} />
          {extra?.(item)}
        </article>
      ))}
      {comparison.removed.length > 0 && (
        <section className="flex flex-col gap-1">
          <h4 className="font-medium">{t('review.removed')}</h4>
          <ul className="text-sm" data-testid="removed-items">
            {comparison.removed.map((item) => (
              <li key={`${item.kind}:${item.itemId}`}>
                <span className="font-mono text-xs">{refOf(item)}</span> <del>{String(item.snapshot.title ?? '')}</del>
              </li>
            ))}
          </ul>
        </section>
      )}
      {comparison.unchanged.length > 0 && (
        <details className="rounded-md border p-3">
          <summary className="cursor-pointer text-sm font-medium">{t('review.unchanged', { count: comparison.unchanged.length })}</summary>
          <div className="mt-3 flex flex-col gap-3">
            {comparison.unchanged.map((item) => (
              <article key={`${item.kind}:${item.itemId}`} className="flex flex-col gap-2">
                {heading(item)}
                <FrozenFields item={item} />
                {extra?.(item)}
              </article>
            ))}
          </div>
        </details>
      )}
    </div>
  );
}

/**
 * One page of what a baseline holds (db/queries/baseline-comparison.ts reads it), under the counts of the whole and
 * above the page links: a lot of a thousand items would otherwise be megabytes in every response.
 */
export function PagedBaselineItems({
  comparison,
  page,
  pageSize,
  href,
  extra,
}: {
  comparison: ComparisonPage;
  page: number;
  pageSize: number;
  href: (page: number) => string;
  extra?: (item: BaselineItem) => React.ReactNode;
}) {
  const t = useTranslations('signoff.baselines.pages');
  const { counts } = comparison;
  const pages = Math.max(1, Math.ceil(counts.total / pageSize));
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-muted-foreground" data-testid="baseline-summary">
        {t('summary', counts)}
      </p>
      <BaselineItems comparison={comparison.shown} current={comparison.current} extra={extra} />
      <PageNav page={page} pages={pages} href={href} labels={{ nav: t('pagination'), pageOf: t('pageOf', { page, pages }), previous: t('previous'), next: t('next') }} />
    </div>
  );
}
