'use client';

import type { DiffPart, FieldDiff } from '@/lib/versioning/diff';

function Side({ parts, show }: { parts: DiffPart[]; show: 'before' | 'after' }) {
  return (
    <div className="whitespace-pre-wrap rounded border bg-background p-2 text-sm">
      {parts.map((part, i) => {
        if (part.added) {
          return show === 'after' ? (
            <ins key={i} className="bg-emerald-100 text-emerald-900 underline decoration-emerald-600 underline-offset-2">
              {part.value}
            </ins>
          ) : null;
        }
        if (part.removed) {
          return show === 'before' ? (
            <del key={i} className="bg-red-100 text-red-900 line-through">
              {part.value}
            </del>
          ) : null;
        }
        return <span key={i}>{part.value}</span>;
      })}
    </div>
  );
}

/**
 * A word-level redline of each field, the two versions side by side: on the left what was removed is struck
 * through in red, on the right what was added is underlined in green. Unchanged fields are shown once, dimmed.
 * `labels` names the fields, `sides` the two columns, in the reader's language. A client component so a page sends
 * the diff once: the text both sides share (most of it) was otherwise in the RSC payload twice, as markup.
 */
export function Redline({
  diffs,
  labels,
  sides,
}: {
  diffs: FieldDiff[];
  labels: Record<string, string>;
  sides: { before: string; after: string };
}) {
  return (
    <dl className="flex flex-col gap-4" data-testid="redline">
      {diffs.map((d) => (
        <div key={d.field} className={d.changed ? '' : 'text-muted-foreground'}>
          <dt className="mb-1 text-xs font-medium uppercase tracking-wide text-muted-foreground">
            {labels[d.field] ?? d.field}
          </dt>
          <dd>
            {d.changed ? (
              <div className="grid gap-2 md:grid-cols-2">
                <div>
                  <p className="mb-1 text-xs text-muted-foreground">{sides.before}</p>
                  <Side parts={d.parts} show="before" />
                </div>
                <div>
                  <p className="mb-1 text-xs text-muted-foreground">{sides.after}</p>
                  <Side parts={d.parts} show="after" />
                </div>
              </div>
            ) : (
              <Side parts={d.parts} show="after" />
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
