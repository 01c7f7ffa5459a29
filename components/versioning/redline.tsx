import type { FieldDiff } from '@/lib/versioning/diff';

/**
 * A word-level redline of each field: removed words struck through in red, added words underlined in green.
 * `labels` names the fields in the reader's language.
 */
export function Redline({ diffs, labels }: { diffs: FieldDiff[]; labels: Record<string, string> }) {
  return (
    <dl className="flex flex-col gap-4" data-testid="redline">
      {diffs.map((d) => (
        <div key={d.field} className={d.changed ? '' : 'opacity-60'}>
          <dt className="mb-1 text-xs font-medium uppercase tracking-wide text-muted-foreground">
            {labels[d.field] ?? d.field}
          </dt>
          <dd className="whitespace-pre-wrap rounded border bg-background p-2 text-sm">
            {d.parts.map((part, i) =>
              part.added ? (
                <ins key={i} className="bg-emerald-100 text-emerald-900 no-underline decoration-emerald-600 underline-offset-2 [text-decoration-line:underline]">
                  {part.value}
                </ins>
              ) : part.removed ? (
                <del key={i} className="bg-red-100 text-red-900 line-through">
                  {part.value}
                </del>
              ) : (
                <span key={i}>{part.value}</span>
              ),
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
