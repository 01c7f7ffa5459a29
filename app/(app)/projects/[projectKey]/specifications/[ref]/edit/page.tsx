import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { updateSpecification } from '../../actions';
import { SpecificationEditor } from '@/components/specifications/specification-editor';
import { Alert } from '@/components/ui/alert';
import { getDb } from '@/db/client';
import { requireProjectMembership } from '@/db/queries/project-access';
import { findSpecification } from '@/db/queries/specifications';
import { can } from '@/lib/auth/roles';
import { requireUser } from '@/lib/session/current-user';
import { SPECIFICATION_CATEGORIES } from '@/lib/specifications/model';
import { decodeSegment } from '@/lib/http/url-segment';
import { formatRef, parseRef } from '@/lib/traceability/refs';

type Props = { params: Promise<{ projectKey: string; ref: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations('specifications');
  const parsed = parseRef(decodeSegment((await params).ref) ?? '');
  if (parsed?.kind === 'specification') return { title: t('editor.editTitle', { ref: formatRef('specification', parsed.number) }) };
  return { title: t('title') };
}

export default async function EditSpecificationPage({ params }: Props) {
  const { projectKey, ref: rawRef } = await params;
  const user = await requireUser();
  const membership = await requireProjectMembership(user, projectKey);
  const parsed = parseRef(decodeSegment(rawRef) ?? '');
  if (parsed?.kind !== 'specification') notFound();
  const specification = await findSpecification(getDb(), membership.projectId, parsed.number);
  if (!specification) notFound();

  const t = await getTranslations('specifications');
  const ref = formatRef('specification', specification.number);
  const href = `/projects/${membership.projectKey}/specifications/${ref}`;
  const readOnlyReason = !can(membership.role, 'specifications.write')
    ? t('editor.forbidden')
    : specification.status === 'superseded'
      ? t('editor.supersededReadOnly', { ref })
      : null;

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4">
      <Link href={href} className="text-sm text-muted-foreground hover:underline">
        ← {t('editor.backToSpecification')}
      </Link>
      <h1 className="text-2xl font-semibold">{t('editor.editTitle', { ref })}</h1>
      {readOnlyReason ? (
        <Alert role="status" data-testid="specification-read-only">
          {readOnlyReason}
        </Alert>
      ) : (
        <SpecificationEditor
          mode="edit"
          projectKey={membership.projectKey}
          categories={SPECIFICATION_CATEGORIES}
          specification={{ id: specification.id, ref, version: specification.version, revision: specification.revision, status: specification.status }}
          initial={{ title: specification.title, body: specification.body, category: specification.category }}
          save={updateSpecification}
        />
      )}
    </div>
  );
}
