'use client';

import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { ReferenceField } from '@/lib/api/reference';

export interface FieldTableLabels {
  field: string;
  type: string;
  description: string;
  required: string;
}

/**
 * One table of the API reference (parameters, request or response fields). A client component so that the page's
 * flight data carries each field once, as data, instead of a second copy of every row's markup: rendered by the
 * server, the ~200 rows of the reference weighed 320 kB of HTML, two thirds of it that copy.
 */
export function FieldTable({ fields, caption, labels }: { fields: ReferenceField[]; caption: string; labels: FieldTableLabels }) {
  return (
    <Table>
      <caption className="py-1 text-left text-sm font-medium">{caption}</caption>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">{labels.field}</TableHead>
          <TableHead scope="col">{labels.type}</TableHead>
          <TableHead scope="col">{labels.description}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {fields.map((field) => (
          <TableRow key={field.name}>
            <TableCell>
              <code className="text-xs">{field.name}</code>
              {field.required && <span className="ml-1 text-xs text-muted-foreground">({labels.required})</span>}
            </TableCell>
            <TableCell className="max-w-xs break-words text-xs">{field.type}</TableCell>
            <TableCell className="text-xs">{field.description}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
