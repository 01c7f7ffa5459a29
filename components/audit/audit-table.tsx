'use client';

import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';

export interface AuditListRow {
  id: number;
  /** Formatted by the server, in the reader's locale and time zone. */
  when: string;
  who: string;
  /** The kind of thing touched and the action, in the reader's language. */
  entity: string;
  subjectName: string | null;
  action: string;
  before: unknown;
  after: unknown;
}

export interface AuditTableLabels {
  when: string;
  who: string;
  what: string;
  action: string;
  details: string;
  show: string;
  before: string;
  after: string;
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** Before / after values of an event, folded: the journal stays readable and the detail is one click away. */
function AuditDetails({ before, after, labels }: { before: unknown; after: unknown; labels: AuditTableLabels }) {
  if (before == null && after == null) return <span className="text-muted-foreground">—</span>;
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-primary">{labels.show}</summary>
      <div className="mt-2 grid gap-2 md:grid-cols-2">
        {before != null && (
          <div>
            <p className="font-medium">{labels.before}</p>
            <pre className="max-h-48 overflow-auto whitespace-pre-wrap break-all rounded bg-muted p-2">{json(before)}</pre>
          </div>
        )}
        {after != null && (
          <div>
            <p className="font-medium">{labels.after}</p>
            <pre className="max-h-48 overflow-auto whitespace-pre-wrap break-all rounded bg-muted p-2">{json(after)}</pre>
          </div>
        )}
      </div>
    </details>
  );
}

/**
 * One page of the journal. A client component so the page sends the events' data once (their values compact, laid
 * out here), not their markup twice (HTML and RSC payload).
 */
export function AuditTable({ rows, labels }: { rows: AuditListRow[]; labels: AuditTableLabels }) {
  return (
    <div className="rounded-lg border bg-background">
      <Table data-testid="audit-table">
        <TableHeader>
          <TableRow>
            <TableHead>{labels.when}</TableHead>
            <TableHead>{labels.who}</TableHead>
            <TableHead>{labels.what}</TableHead>
            <TableHead>{labels.action}</TableHead>
            <TableHead>{labels.details}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((event) => (
            <TableRow key={event.id}>
              <TableCell className="whitespace-nowrap tabular-nums">{event.when}</TableCell>
              <TableCell>{event.who}</TableCell>
              <TableCell>
                {event.entity}
                {event.subjectName && <span className="block text-xs text-muted-foreground">{event.subjectName}</span>}
              </TableCell>
              <TableCell>{event.action}</TableCell>
              <TableCell>
                <AuditDetails before={event.before} after={event.after} labels={labels} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
