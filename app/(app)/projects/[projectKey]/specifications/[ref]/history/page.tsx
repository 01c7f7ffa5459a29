import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { VersionHistory } from '@/components/versioning/version-history';
import { getDb } from '@/db/client';
import { requireProjectMembership } from '@/db/queries/project-access';
import { findSpecification } from '@/db/queries/specifications';
import { listVersions } from '@/db/queries/versioned-items';
import { requireUser } from '@/lib/session/current-user';
import { SPECIFICATION_CONTENT_FIELDS } from '@/lib/specifications/model';
import { decodeSegment } from '@/lib/http/url-segment';
import { formatRef, parseRef } from '@/lib/traceability/refs';

type Props = {
  params: Promise<{ projectKey: string; ref: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const versionParam = z.coerce.number().int().positive().optional().catch(undefined);
const searchSchema = z.object({ from: versionParam, to: versionParam });

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations('specifications');
  const parsed = parseRef(decodeSegment((await params).ref) ?? '');
  if (parsed?.kind === 'specification') return { title: t('history.title', { ref: formatRef('specification', parsed.number) }) };
  return { title: t('title') };
}

export default async function SpecificationHistoryPage({ params, searchParams }: Props) {
  const { projectKey, ref: rawRef } = await params;
  const user = await requireUser();
  const membership = await requireProjectMembership(user, projectKey);
  const parsed = parseRef(decodeSegment(rawRef) ?? '');
  if (parsed?.kind !== 'specification') notFound();
  const db = getDb();
  const specification = await findSpecification(db, membership.projectId, parsed.number);
  if (!specification) notFound();
  const versions = await listVersions(db, 'specification', specification.id);
  const search = searchSchema.parse(await searchParams);

  const t = await getTranslations('specifications');
  const ref = formatRef('specification', specification.number);
  const labels = Object.fromEntries(SPECIFICATION_CONTENT_FIELDS.map((field) => [field, t(`fields.${field}`)]));
  const word = (group: 'categories' | 'statuses', code: unknown) =>
    typeof code === 'string' && t.has(`${group}.${code}`) ? t(`${group}.${code}`) : code;
  // Category and status are stored as codes; the redline shows the reader's words.
  const localized = versions.map((v) => {
    const snapshot = (v.snapshot ?? {}) as Record<string, unknown>;
    return {
      ...v,
      snapshot: { ...snapshot, category: word('categories', snapshot.category), status: word('statuses', snapshot.status) },
    };
  });

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4">
      <Link href={`/projects/${membership.projectKey}/specifications/${ref}`} className="text-sm text-muted-foreground hover:underline">
        ← {t('editor.backToSpecification')}
      </Link>
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold">{t('history.title', { ref })}</h1>
        <p className="text-sm text-muted-foreground">
          {specification.title} · {t('history.intro')}
        </p>
      </div>
      <VersionHistory
        versions={localized}
        fields={SPECIFICATION_CONTENT_FIELDS}
        labels={labels}
        from={search.from}
        to={search.to}
      />
    </div>
  );
}
