import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { changeSpecificationStatus } from '../actions';
import { linkRequirementToSpecification, removeTraceLink } from '../../traceability/actions';
import { MarkdownView } from '@/components/markdown/markdown-view';
import { SpecificationCategoryBadge, SpecificationStatusBadge } from '@/components/specifications/specification-badges';
import { StatusWorkflow } from '@/components/specifications/status-workflow';
import { TraceLinksPanel } from '@/components/traceability/trace-links-panel';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { requireProjectMembership } from '@/db/queries/project-access';
import { findSpecification } from '@/db/queries/specifications';
import { listRequirementsOfSpecification } from '@/db/queries/trace-links';
import { can } from '@/lib/auth/roles';
import { requireUser } from '@/lib/session/current-user';
import { nextStatuses } from '@/lib/specifications/model';
import { decodeSegment } from '@/lib/http/url-segment';
import { formatRef, parseRef } from '@/lib/traceability/refs';

type Props = { params: Promise<{ projectKey: string; ref: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parsed = parseRef(decodeSegment((await params).ref) ?? '');
  if (parsed?.kind === 'specification') return { title: formatRef('specification', parsed.number) };
  return { title: (await getTranslations('specifications'))('title') };
}

export default async function SpecificationPage({ params }: Props) {
  const { projectKey, ref: rawRef } = await params;
  const user = await requireUser();
  const membership = await requireProjectMembership(user, projectKey);
  const parsed = parseRef(decodeSegment(rawRef) ?? '');
  if (parsed?.kind !== 'specification') notFound();
  const db = getDb();
  const specification = await findSpecification(db, membership.projectId, parsed.number);
  if (!specification) notFound();
  const links = await listRequirementsOfSpecification(db, membership.projectId, specification.id);

  const t = await getTranslations('specifications');
  const format = await getFormatter();
  const ref = formatRef('specification', specification.number);
  const listHref = `/projects/${membership.projectKey}/specifications`;
  const href = `${listHref}/${ref}`;
  // Showing or hiding controls is a courtesy; the actions check the role themselves.
  const canWrite = can(membership.role, 'specifications.write');
  const date = format.dateTime(specification.updatedAt, { dateStyle: 'long', timeStyle: 'short' });

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-5">
      <Link href={listHref} className="text-sm text-muted-foreground hover:underline">
        ← {t('backToList')}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex min-w-0 flex-col gap-2">
          <p className="font-mono text-sm text-muted-foreground">{ref}</p>
          <h1 className="text-2xl font-semibold break-words">{specification.title}</h1>
          <dl className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-muted-foreground">
            <div className="flex items-center gap-1.5">
              <dt>{t('detail.status')}</dt>
              <dd>
                <SpecificationStatusBadge status={specification.status} />
              </dd>
            </div>
            <div className="flex items-center gap-1.5">
              <dt>{t('detail.category')}</dt>
              <dd>
                <SpecificationCategoryBadge category={specification.category} />
              </dd>
            </div>
          </dl>
          <p className="text-sm text-muted-foreground" data-testid="specification-version">
            {t('detail.version', { version: specification.version })} ·{' '}
            {specification.updatedByName
              ? t('detail.lastChange', { date, name: specification.updatedByName })
              : t('detail.lastChangeUnknown', { date })}
          </p>
        </div>
        <div className="flex gap-2">
          {canWrite && specification.status !== 'superseded' && (
            <Button asChild>
              <Link href={`${href}/edit`}>{t('detail.edit')}</Link>
            </Button>
          )}
          <Button asChild variant="outline">
            <Link href={`${href}/history`}>{t('detail.history')}</Link>
          </Button>
        </div>
      </div>
      {canWrite && (
        <StatusWorkflow
          projectKey={membership.projectKey}
          specificationId={specification.id}
          revision={specification.revision}
          targets={nextStatuses(specification.status)}
          changeStatus={changeSpecificationStatus}
        />
      )}
      <Card>
        <CardContent className="p-5">
          <section aria-label={t('detail.body')}>
            {specification.body.trim() ? (
              <MarkdownView source={specification.body} />
            ) : (
              <p className="text-sm text-muted-foreground">{t('detail.emptyBody')}</p>
            )}
          </section>
        </CardContent>
      </Card>
      <TraceLinksPanel
        projectKey={membership.projectKey}
        side="specification"
        itemId={specification.id}
        links={links}
        canEdit={canWrite}
        link={linkRequirementToSpecification}
        unlink={removeTraceLink}
      />
    </div>
  );
}
