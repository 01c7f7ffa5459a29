import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import {
  REQUIREMENT_CONTENT_FIELDS,
  type RequirementPriority,
  type RequirementStatus,
} from '@/lib/requirements/model';
import { formatRef } from '@/lib/traceability/refs';
import { cn } from '@/lib/ui/cn';

type Translate = (key: string) => string;
export type RequirementField = (typeof REQUIREMENT_CONTENT_FIELDS)[number];

const PRIORITY_STYLE: Record<RequirementPriority, string> = {
  must: 'border-red-200 bg-red-50 text-red-800',
  should: 'border-orange-200 bg-orange-50 text-orange-800',
  could: 'border-sky-200 bg-sky-50 text-sky-800',
  wont: 'border-border bg-muted text-muted-foreground',
};

const STATUS_STYLE: Record<RequirementStatus, string> = {
  draft: 'border-border bg-background text-foreground',
  validated: 'border-emerald-200 bg-emerald-50 text-emerald-800',
  obsolete: 'border-border bg-muted text-muted-foreground line-through',
};

export function PriorityBadge({ priority, className }: { priority: RequirementPriority; className?: string }) {
  const t = useTranslations('requirements');
  return (
    <Badge variant="outline" className={cn('whitespace-nowrap', PRIORITY_STYLE[priority], className)} data-testid={`priority-${priority}`}>
      {t(`priorities.${priority}`)}
    </Badge>
  );
}

export function StatusBadge({ status, className }: { status: RequirementStatus; className?: string }) {
  const t = useTranslations('requirements');
  return (
    <Badge variant="outline" className={cn('whitespace-nowrap', STATUS_STYLE[status], className)} data-testid={`status-${status}`}>
      {t(`statuses.${status}`)}
    </Badge>
  );
}

export function TagList({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return null;
  return (
    <span className="flex flex-wrap gap-1">
      {tags.map((tag) => (
        <Badge key={tag} variant="secondary" className="font-normal">
          {tag}
        </Badge>
      ))}
    </span>
  );
}

/** Field names in the reader's language, for forms, the redline and the conflict notice. `t` is the `requirements` namespace. */
export function requirementFieldLabels(t: Translate): Record<RequirementField, string> {
  return Object.fromEntries(REQUIREMENT_CONTENT_FIELDS.map((field) => [field, t(`fields.${field}`)])) as Record<
    RequirementField,
    string
  >;
}

/** "EXF-3 — Title", how a chapter is named in pickers and histories. */
export function chapterLabel(chapter: { number: number; title: string }): string {
  return `${formatRef('requirement', chapter.number)} — ${chapter.title}`;
}

/**
 * Stored values as a reader should see them in a diff: priorities and statuses by their names, a chapter by its ref
 * and title rather than its id, no chapter as "none". Other fields pass through.
 */
export function requirementValueText(
  field: string,
  value: unknown,
  t: Translate,
  chapters: ReadonlyMap<string, string>,
): unknown {
  if (field === 'priority' && typeof value === 'string' && value) return t(`priorities.${value}`);
  if (field === 'status' && typeof value === 'string' && value) return t(`statuses.${value}`);
  if (field === 'parentId') return typeof value === 'string' && value ? (chapters.get(value) ?? value) : t('noChapter');
  return value;
}
