import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { chapterLabel, requirementFieldLabels, requirementValueText } from '@/components/requirements/requirement-labels';
import { VersionHistory } from '@/components/versioning/version-history';
import { getDb } from '@/db/client';
import { requireProjectMembership } from '@/db/queries/project-access';
import { findRequirementByRef, listRequirementRefs } from '@/db/queries/requirement-pages';
import { listVersions } from '@/db/queries/versioned-items';
import { REQUIREMENT_CONTENT_FIELDS } from '@/lib/requirements/model';
import { requireUser } from '@/lib/session/current-user';
import { formatRef, parseRef } from '@/lib/traceability/refs';

type Props = {
  params: Promise<{ projectKey: string; ref: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

function versionParam(value: string | string[] | undefined): number | undefined {
  const n = typeof value === 'string' ? Number(value) : NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations('requirements');
  const parsed = parseRef((await params).ref);
  return {
    title: parsed?.kind === 'requirement' ? t('history.title', { ref: formatRef('requirement', parsed.number) }) : t('title'),
  };
}

export default async function RequirementHistoryPage({ params, searchParams }: Props) {
  const { projectKey, ref: segment } = await params;
  const user = await requireUser();
  const membership = await requireProjectMembership(user, projectKey);
  const db = getDb();
  const found = await findRequirementByRef(db, membership.projectId, segment);
  if (!found) notFound();
  const { requirement, ref } = found;
  const href = `/projects/${membership.projectKey}/requirements/${ref}`;
  const search = await searchParams;
  if (!found.isCanonical) redirect(`${href}/history`);

  const versions = await listVersions(db, 'requirement', requirement.id);
  // Versions record the chapter by id; name those chapters the way readers know them.
  const chapterIds = new Set<string>();
  for (const v of versions) {
    const parentId = (v.snapshot as { parentId?: unknown } | null)?.parentId;
    if (typeof parentId === 'string') chapterIds.add(parentId);
  }
  const chapters = new Map(
    (await listRequirementRefs(db, membership.projectId, [...chapterIds])).map((c) => [c.id, chapterLabel(c)]),
  );
  const t = await getTranslations('requirements');
  const readable = versions.map((v) => {
    const snapshot = (v.snapshot ?? {}) as Record<string, unknown>;
    return {
      ...v,
      snapshot: Object.fromEntries(
        REQUIREMENT_CONTENT_FIELDS.map((field) => [field, requirementValueText(field, snapshot[field], t, chapters)]),
      ),
    };
  });

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4">
      <Link href={href} className="text-sm text-muted-foreground hover:underline">
        ← {t('backTo', { ref })}
      </Link>
      <div className="flex flex-col gap-1">
        <h1 className="break-words text-2xl font-semibold">{t('history.heading', { ref, title: requirement.title })}</h1>
        <p className="text-sm text-muted-foreground">{t('history.intro', { version: requirement.version })}</p>
      </div>
      <VersionHistory
        versions={readable}
        fields={REQUIREMENT_CONTENT_FIELDS}
        labels={requirementFieldLabels(t)}
        from={versionParam(search.from)}
        to={versionParam(search.to)}
      />
    </div>
  );
}
