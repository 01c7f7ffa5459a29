import { z } from 'zod';
import { projectKeySchema } from '@/lib/projects/schemas';
import { CAMPAIGN_STATUSES, CAMPAIGN_TYPES, EXECUTION_STATUSES } from '@/lib/recette/campaign-model';
import { campaignShape } from '@/lib/recette/campaign-schema';
import { ITEM_STATES } from '@/lib/recette/campaign-item-state';
import { TEST_CASE_PRIORITIES, TEST_CASE_TYPES, THRESHOLD_DIRECTIONS } from '@/lib/recette/model';
import { REQUIREMENT_PRIORITIES, REQUIREMENT_STATUSES } from '@/lib/requirements/model';
import { SPECIFICATION_CATEGORIES, SPECIFICATION_STATUSES } from '@/lib/specifications/model';
import { CRITERION_KEYS, VERDICTS } from '@/lib/signoff/decision';
import { APPROVAL_STATUSES } from '@/lib/signoff/model';
import { DECISIONS } from '@/lib/signoff/readiness-model';
import { decodeCursor, type CursorPart } from './cursor';
import { versionedLine } from '@/lib/versioning/text';
import { PROBLEM_CODES } from './problem';

/**
 * The REST API's zod schemas: the route wrapper parses requests with them and the OpenAPI document is generated
 * from them (lib/api/openapi.ts), so the reference cannot drift from what the server accepts and answers.
 */

/** The kinds of trace link, as `trace_links.kind` stores them (the integration tests parse every answer with these schemas). */
const TRACE_LINK_KINDS = ['requirement_specification', 'specification_test_case', 'requirement_test_case'] as const;

const timestamp = z.iso.datetime({ offset: true }).meta({ description: 'ISO 8601, UTC' });
const ref = (prefix: string) => z.string().meta({ description: `Reference, e.g. ${prefix}-12`, example: `${prefix}-12` });

export const projectPathSchema = z.object({
  projectKey: projectKeySchema.meta({ param: { description: 'The project key; it must be the project of the token' }, example: 'PAIE' }),
});

export const campaignPathSchema = projectPathSchema.extend({
  number: z.coerce.number().int().positive().max(2_147_483_647).meta({ param: { description: 'The campaign number, as in /campaigns/3' }, example: 3 }),
});

export const releasePathSchema = projectPathSchema.extend({
  number: z.coerce.number().int().positive().max(2_147_483_647).meta({ param: { description: 'The release number, as in /releases/2' }, example: 2 }),
});

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

/** The query string of every list: an opaque cursor from the previous page and a page size. */
export function pageQuerySchema(parts: readonly CursorPart[]) {
  return z.object({
    cursor: z
      .string()
      .max(400)
      .optional()
      .transform((value, ctx) => {
        if (value === undefined) return null;
        const key = decodeCursor(value, parts);
        if (!key) {
          ctx.addIssue({ code: 'custom', message: 'invalid' });
          return z.NEVER;
        }
        return key;
      })
      .meta({ description: 'The `nextCursor` of the previous page; absent for the first page' }),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(MAX_PAGE_SIZE)
      .default(DEFAULT_PAGE_SIZE)
      .meta({ description: `Rows per page (1 to ${MAX_PAGE_SIZE})`, example: DEFAULT_PAGE_SIZE }),
  });
}

export const byNumberQuery = pageQuerySchema(['int']);
export const byIdQuery = pageQuerySchema(['uuid']);
/** Campaign items: by position, the item's id breaking ties. */
export const byPositionQuery = pageQuerySchema(['int', 'uuid']);

const nextCursor = z.string().nullable().meta({ description: 'Pass it as `cursor` for the next page; null on the last page' });
const pageOf = <T extends z.ZodType>(row: T, id: string) =>
  z.object({ data: z.array(row), nextCursor }).meta({ id });

export const requirementSchema = z
  .object({
    ref: ref('EXF'),
    title: z.string(),
    statement: z.string(),
    rationale: z.string(),
    acceptanceCriteria: z.string(),
    priority: z.enum(REQUIREMENT_PRIORITIES),
    status: z.enum(REQUIREMENT_STATUSES),
    source: z.string(),
    tags: z.array(z.string()),
    parentRef: z.string().nullable().meta({ description: 'The chapter (parent requirement), if any' }),
    version: z.number().int().meta({ description: 'Content version; grows on every change of the content' }),
    updatedAt: timestamp,
  })
  .meta({ id: 'Requirement' });

export const specificationSchema = z
  .object({
    ref: ref('STD'),
    title: z.string(),
    body: z.string().meta({ description: 'Markdown' }),
    category: z.enum(SPECIFICATION_CATEGORIES),
    status: z.enum(SPECIFICATION_STATUSES),
    version: z.number().int(),
    updatedAt: timestamp,
  })
  .meta({ id: 'Specification' });

export const testCaseSchema = z
  .object({
    ref: ref('CT'),
    title: z.string(),
    objective: z.string(),
    preconditions: z.string(),
    testData: z.string(),
    steps: z.array(z.object({ action: z.string(), expected: z.string() })),
    type: z.enum(TEST_CASE_TYPES),
    priority: z.enum(TEST_CASE_PRIORITIES),
    folder: z.string(),
    tags: z.array(z.string()),
    automated: z.boolean(),
    automationKey: z.string().meta({ description: 'Matched against CI results (`classname.name`)' }),
    criteria: z.array(
      z.object({ metric: z.string(), unit: z.string(), threshold: z.number(), direction: z.enum(THRESHOLD_DIRECTIONS) }),
    ),
    version: z.number().int(),
    updatedAt: timestamp,
  })
  .meta({ id: 'TestCase' });

export const traceLinkSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(TRACE_LINK_KINDS),
    upstreamRef: z.string(),
    downstreamRef: z.string(),
    reviewedVersion: z.number().int().meta({ description: 'The upstream version the link was last reviewed against' }),
    upstreamVersion: z.number().int(),
    suspect: z.boolean().meta({ description: 'The upstream item (or one above it in the chain) changed since the review' }),
  })
  .meta({ id: 'TraceLink' });

export const campaignSchema = z
  .object({
    number: z.number().int(),
    name: z.string(),
    type: z.enum(CAMPAIGN_TYPES),
    status: z.enum(CAMPAIGN_STATUSES),
    environment: z.string(),
    build: z.string(),
    description: z.string(),
    plannedStart: z.iso.date().nullable(),
    plannedEnd: z.iso.date().nullable(),
    startedAt: timestamp.nullable(),
    closedAt: timestamp.nullable(),
    createdAt: timestamp,
  })
  .meta({ id: 'Campaign' });

export const campaignResultSchema = z
  .object({
    position: z.number().int(),
    testCaseRef: z.string(),
    title: z.string(),
    automationKey: z.string(),
    plannedVersion: z.number().int(),
    currentVersion: z.number().int(),
    state: z.enum(ITEM_STATES).meta({ description: 'The item’s state from its latest run (or "non exécuté")' }),
    latestStatus: z.enum(EXECUTION_STATUSES).nullable(),
    finishedAt: timestamp.nullable(),
    notRunReason: z.string().nullable(),
  })
  .meta({ id: 'CampaignResult' });

export const requirementPage = pageOf(requirementSchema, 'RequirementPage');
export const specificationPage = pageOf(specificationSchema, 'SpecificationPage');
export const testCasePage = pageOf(testCaseSchema, 'TestCasePage');
export const traceLinkPage = pageOf(traceLinkSchema, 'TraceLinkPage');
export const campaignPage = pageOf(campaignSchema, 'CampaignPage');
export const campaignResultPage = z
  .object({
    campaign: campaignSchema,
    totals: z.record(z.enum(ITEM_STATES), z.number().int()).meta({ description: 'Items per state, over the whole campaign' }),
    data: z.array(campaignResultSchema),
    nextCursor,
  })
  .meta({ id: 'CampaignResultPage' });

const count = z.number().int();

export const releaseReadinessSchema = z
  .object({
    release: z.object({ number: z.number().int(), name: z.string(), version: z.string(), targetDate: z.iso.date().nullable() }),
    proposedDecision: z.enum(DECISIONS).meta({ description: 'The worst verdict decides: a blocking criterion → no_go, a reservation → go_with_reservations, else go' }),
    criteria: z
      .array(z.object({ key: z.enum(CRITERION_KEYS), verdict: z.enum(VERDICTS) }))
      .meta({ description: 'Every go / no-go criterion (DESIGN.md §3), in a fixed order, with its verdict now' }),
    inputs: z
      .object({
        thresholds: z.object({ maxBlocking: count, maxMajor: count }).meta({ description: 'Open anomalies the project tolerates at go-live' }),
        openAnomalies: z.object({ blocking: count, major: count, minor: count }),
        mustHave: z.object({ total: count, uncovered: count, unverified: count }).meta({ description: 'Must-have requirements: not covered, covered but not all passed in the release’s campaigns' }),
        suspectLinks: count,
        campaigns: z.object({ total: count, open: count }),
        checklist: z.object({ total: count, unsettled: count }),
        baseline: z
          .object({ number: z.number().int().nullable(), approval: z.enum([...APPROVAL_STATUSES, 'none']) })
          .meta({ description: 'The project’s latest baseline (null: none yet) and its latest approval request’s status (none: never asked)' }),
        reservations: z.object({ open: count, overdue: count }).meta({ description: 'The project’s open reservations, and those past their due date' }),
      })
      .meta({ description: 'What the criteria were computed from' }),
    campaigns: z.array(
      z.object({
        number: z.number().int(),
        name: z.string(),
        status: z.enum(CAMPAIGN_STATUSES),
        build: z.string(),
        results: z.object({ total: count, passed: count, failed: count, blocked: count, notRun: count, pending: count }),
      }),
    ),
    recordedDecision: z
      .object({ decision: z.enum(DECISIONS), recordedAt: timestamp })
      .nullable()
      .meta({ description: 'The latest go / no-go the committee recorded for this release, if any (the proposal above is computed now)' }),
  })
  .meta({ id: 'ReleaseReadiness' });

/** The campaign form's own fields (lib/recette/campaign-schema.ts): the API accepts what the page does. */
export const createCampaignBody = z.object(campaignShape).strict().meta({ id: 'CampaignInput' });

/** Options of a results push, in the query string (the body is the files). */
export const importResultsQuery = z.object({
  build: versionedLine(200).optional().meta({ description: 'The build the results are for; the campaign’s own by default' }),
  environment: versionedLine(200).optional().meta({ description: 'The environment they ran in; the campaign’s own by default' }),
  createProposed: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .meta({ description: 'Create the automated test cases that no test case matches (and record their runs)' }),
  fileName: z
    .string()
    .max(200)
    .regex(/^[^/\\]+\.(xml|jtl|csv|json|zip)$/i, { message: 'invalid' })
    .optional()
    .meta({ description: 'Name of a raw (non-multipart) body, whose extension says its format; by default from its Content-Type' }),
});

/** A push that names its campaign by name and build (created on the first push of that build). */
export const pushResultsQuery = importResultsQuery.extend({
  campaign: versionedLine(200)
    .pipe(z.string().min(1, { message: 'required' }))
    .meta({ description: 'The campaign’s name. With `build`, it picks the campaign: the latest one of that name and build, or a new one' }),
  type: z.enum(CAMPAIGN_TYPES).default('non_regression').meta({ description: 'The type of a campaign created by this push' }),
  build: versionedLine(200)
    .pipe(z.string().min(1, { message: 'required' }))
    .meta({ description: 'The build the results are for: pushing the same build again goes to the same campaign' }),
  environment: versionedLine(200).optional().meta({ description: 'The environment they ran in; for a new campaign, its environment' }),
});

export const resultsUploadBody = z
  .object({ file: z.array(z.string().meta({ format: 'binary' })).meta({ description: 'JUnit XML, JMeter .jtl/.csv, k6 summary .json or .zip files' }) })
  .meta({ id: 'ResultsUpload' });

export const importSummarySchema = z
  .object({
    campaign: z.number().int().meta({ description: 'The campaign number' }),
    executions: z.number().int().meta({ description: 'Executions recorded (one per matched test case)' }),
    passed: z.number().int(),
    failed: z.number().int(),
    open: z.number().int().meta({ description: 'Performance runs left open: not every threshold was measured' }),
    createdTestCases: z.number().int(),
    addedToScope: z.number().int().meta({ description: 'Test cases run by the import that the campaign had not planned' }),
    campaignStarted: z.boolean(),
  })
  .meta({ id: 'ResultsImportSummary' });

export const pushSummarySchema = importSummarySchema
  .extend({ campaignCreated: z.boolean().meta({ description: 'This push created the campaign (the first push of its name and build)' }) })
  .meta({ id: 'ResultsPushSummary' });

export const problemSchema = z
  .object({
    type: z.string().meta({ description: 'Relative URI of the problem’s entry on the API reference page' }),
    title: z.string(),
    status: z.number().int(),
    code: z.enum(PROBLEM_CODES),
    detail: z.string().optional(),
    errors: z.record(z.string(), z.array(z.string())).optional().meta({ description: 'Field → messages' }),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });
