import { createTranslator } from 'next-intl';
import { z } from 'zod';
import { listSuspectLinks } from '@/db/queries/trace-links';
import {
  listOrphanSpecifications,
  listRequirementsWithoutSpecification,
  listTraceabilityMatrix,
  MATRIX_STATUS_FILTERS,
} from '@/db/queries/traceability-pages';
import { COVERAGE_STATES } from '@/lib/traceability/coverage';
import { projectRoute } from '@/lib/actions/define-route';
import { TIME_ZONE, type Locale } from '@/lib/i18n/locales';
import { REQUIREMENT_PRIORITIES } from '@/lib/requirements/model';
import { formatRef } from '@/lib/traceability/refs';
import { catalogues } from '@/messages/catalogues';
import { toCsv } from '@/lib/export/csv';

const parisDate = (date: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(date);

function download(body: string, filename: string): Response {
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}

function translator(locale: Locale) {
  return createTranslator({ locale, messages: catalogues[locale], namespace: 'traceability', timeZone: TIME_ZONE });
}

/** The shared vocabulary (priorities, statuses, categories) lives with requirements and specifications. */
function vocabulary(locale: Locale) {
  return createTranslator({ locale, messages: catalogues[locale], timeZone: TIME_ZONE });
}

const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** The matrix (with the page's filters) or the gap lists of the project, as a CSV download. */
export const GET = projectRoute({
  name: 'exportTraceability',
  permission: 'project.read',
  query: z.object({
    what: z.enum(['matrix', 'gaps']),
    q: lenient(z.string().trim().max(200)),
    coverage: lenient(z.enum(COVERAGE_STATES)),
    status: lenient(z.enum(MATRIX_STATUS_FILTERS)),
    priority: lenient(z.enum(REQUIREMENT_PRIORITIES)),
  }),
  async handler({ db, membership, query, locale }) {
    const t = translator(locale);
    const tv = vocabulary(locale);
    const projectId = membership.projectId;
    const stamp = `${membership.projectKey}-${query.what === 'matrix' ? t('export.fileMatrix') : t('export.fileGaps')}-${parisDate(new Date())}.csv`;

    if (query.what === 'matrix') {
      const { rows } = await listTraceabilityMatrix(db, projectId, {
        q: query.q || undefined,
        coverage: query.coverage,
        status: query.status,
        priority: query.priority,
      });
      const header = (
        ['ref', 'title', 'priority', 'status', 'coverage', 'specifications', 'suspectSpecifications'] as const
      ).map((column) => t(`export.columns.${column}`));
      return download(
        toCsv([
          header,
          ...rows.map((row) => [
            formatRef('requirement', row.number),
            row.title,
            tv(`requirements.priorities.${row.priority}`),
            tv(`requirements.statuses.${row.status}`),
            t(`coverage.${row.coverage}`),
            row.specifications.map(([number]) => formatRef('specification', number)).join(', '),
            row.specifications
              .filter(([, , suspectLinkId]) => suspectLinkId)
              .map(([number]) => formatRef('specification', number))
              .join(', '),
          ]),
        ]),
        stamp,
      );
    }

    const [uncovered, orphans, suspect] = await Promise.all([
      listRequirementsWithoutSpecification(db, projectId),
      listOrphanSpecifications(db, projectId),
      listSuspectLinks(db, projectId),
    ]);
    const header = (['gap', 'ref', 'title', 'status', 'linked', 'detail'] as const).map((column) =>
      t(`export.columns.${column}`),
    );
    const dateTime = (date: Date) =>
      new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
        timeZone: TIME_ZONE,
        dateStyle: 'short',
        timeStyle: 'short',
      }).format(date);
    return download(
      toCsv([
        header,
        ...uncovered.map((r) => [
          t('export.gapTypes.uncovered'),
          formatRef('requirement', r.number),
          r.title,
          tv(`requirements.statuses.${r.status}`),
          '',
          t('export.detailPriority', { value: tv(`requirements.priorities.${r.priority}`) }),
        ]),
        ...orphans.map((s) => [
          t('export.gapTypes.orphan'),
          formatRef('specification', s.number),
          s.title,
          tv(`specifications.statuses.${s.status}`),
          '',
          t('export.detailCategory', { value: tv(`specifications.categories.${s.category}`) }),
        ]),
        ...suspect.map((l) => [
          t('export.gapTypes.suspect'),
          formatRef('requirement', l.requirementNumber),
          l.requirementTitle,
          '',
          `${formatRef('specification', l.specificationNumber)} — ${l.specificationTitle}`,
          t('export.suspectDetail', {
            reviewed: l.reviewedVersion,
            current: l.requirementVersion,
            date: dateTime(l.requirementUpdatedAt),
          }),
        ]),
      ]),
      stamp,
    );
  },
});
