import type { z } from 'zod';
import { RESULT_UPLOAD_LIMITS } from '@/lib/interop/upload-limits';
import {
  byIdQuery,
  byNumberQuery,
  byPositionQuery,
  campaignPage,
  campaignPathSchema,
  campaignResultPage,
  campaignSchema,
  createCampaignBody,
  importResultsQuery,
  importSummarySchema,
  projectPathSchema,
  pushResultsQuery,
  pushSummarySchema,
  releasePathSchema,
  releaseReadinessSchema,
  requirementPage,
  resultsUploadBody,
  specificationPage,
  testCasePage,
  traceLinkPage,
} from './schemas';

export type ApiScope = 'read' | 'write';

/**
 * One endpoint of `/api/v1`: what the route wrapper enforces (scope, schemas) and what the OpenAPI document says,
 * from the same object. `path` is in OpenAPI form (`{projectKey}`), under `/api/v1`.
 */
export interface ApiOperation<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  scope: ApiScope;
  summary: string;
  description: string;
  params: P;
  query?: Q;
  body?: B;
  response: R;
  /** 200 for reads and imports, 201 for a creation. */
  status: 200 | 201;
  /** The body is result files (raw or multipart) instead of JSON: their formats and size limit, and the schema shown. */
  files?: { maxBytes: number; schema: z.ZodType };
}

function operation<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(op: ApiOperation<P, Q, B, R>) {
  return op;
}

export const listRequirementsOperation = operation({
  name: 'listRequirements',
  method: 'GET',
  path: '/projects/{projectKey}/requirements',
  scope: 'read',
  summary: 'List requirements',
  description: 'Functional requirements (EXF-n) in ref order, current version.',
  params: projectPathSchema,
  query: byNumberQuery,
  response: requirementPage,
  status: 200,
});

export const listSpecificationsOperation = operation({
  name: 'listSpecifications',
  method: 'GET',
  path: '/projects/{projectKey}/specifications',
  scope: 'read',
  summary: 'List specifications',
  description: 'Technical specifications (STD-n) in ref order, current version, body in Markdown.',
  params: projectPathSchema,
  query: byNumberQuery,
  response: specificationPage,
  status: 200,
});

export const listTestCasesOperation = operation({
  name: 'listTestCases',
  method: 'GET',
  path: '/projects/{projectKey}/test-cases',
  scope: 'read',
  summary: 'List test cases',
  description: 'Test cases (CT-n) in ref order with their steps, automation key and performance criteria.',
  params: projectPathSchema,
  query: byNumberQuery,
  response: testCasePage,
  status: 200,
});

export const listTraceLinksOperation = operation({
  name: 'listTraceLinks',
  method: 'GET',
  path: '/projects/{projectKey}/trace-links',
  scope: 'read',
  summary: 'List trace links',
  description: 'Every trace link (requirement → specification, specification → test case, requirement → test case) with its suspect state.',
  params: projectPathSchema,
  query: byIdQuery,
  response: traceLinkPage,
  status: 200,
});

export const listCampaignsOperation = operation({
  name: 'listCampaigns',
  method: 'GET',
  path: '/projects/{projectKey}/campaigns',
  scope: 'read',
  summary: 'List campaigns',
  description: 'Test campaigns in number order.',
  params: projectPathSchema,
  query: byNumberQuery,
  response: campaignPage,
  status: 200,
});

export const createCampaignOperation = operation({
  name: 'createCampaign',
  method: 'POST',
  path: '/projects/{projectKey}/campaigns',
  scope: 'write',
  summary: 'Create a campaign',
  description: 'Creates a planned campaign (the same fields and rules as the campaign form). Answers 201 with the campaign and its Location.',
  params: projectPathSchema,
  body: createCampaignBody,
  response: campaignSchema,
  status: 201,
});

export const listCampaignResultsOperation = operation({
  name: 'listCampaignResults',
  method: 'GET',
  path: '/projects/{projectKey}/campaigns/{number}/results',
  scope: 'read',
  summary: 'A campaign’s results',
  description: 'Every item of the campaign in its order, with the state of its latest run, and the totals per state.',
  params: campaignPathSchema,
  query: byPositionQuery,
  response: campaignResultPage,
  status: 200,
});

export const importResultsOperation = operation({
  name: 'importResults',
  method: 'POST',
  path: '/projects/{projectKey}/campaigns/{number}/results',
  scope: 'write',
  summary: 'Push results into a campaign',
  description:
    'JUnit XML, JMeter (.jtl/.csv) or k6 summary (.json) files, or a .zip of them, as the raw body (Content-Type application/xml, ' +
    'text/xml, text/csv, application/json or application/zip) or as multipart/form-data parts named `file`. One execution per ' +
    'matched test case (automation key against `classname.name` or `name`, or a ref like CT-12 in the name or a property), atomic: ' +
    'a refused file writes nothing. A closed campaign answers 409.',
  params: campaignPathSchema,
  query: importResultsQuery,
  response: importSummarySchema,
  status: 200,
  files: { maxBytes: RESULT_UPLOAD_LIMITS.maxUploadBytes, schema: resultsUploadBody },
});

export const pushResultsOperation = operation({
  name: 'pushResults',
  method: 'POST',
  path: '/projects/{projectKey}/results',
  scope: 'write',
  summary: 'Push results into the campaign of a build',
  description:
    'The same files and matching as `POST /campaigns/{number}/results`, into the campaign named by `campaign` and `build`: the ' +
    'latest campaign of that name and build, or a new one (of `type`, planned, started by the import) on the first push of the ' +
    'build. Pushing again for the same build, or from parallel jobs, lands in that one campaign. A closed campaign answers 409.',
  params: projectPathSchema,
  query: pushResultsQuery,
  response: pushSummarySchema,
  status: 200,
  files: { maxBytes: RESULT_UPLOAD_LIMITS.maxUploadBytes, schema: resultsUploadBody },
});

export const getReleaseReadinessOperation = operation({
  name: 'getReleaseReadiness',
  method: 'GET',
  path: '/projects/{projectKey}/releases/{number}/readiness',
  scope: 'read',
  summary: 'A release’s readiness',
  description:
    'The proposed go / no-go of the release, computed now as on the release page: each criterion with its verdict, the counts ' +
    'behind them, the release’s campaigns with their results, and the latest decision recorded. A CI job can gate a deployment on ' +
    '`proposedDecision`.',
  params: releasePathSchema,
  response: releaseReadinessSchema,
  status: 200,
});

export const API_OPERATIONS: readonly ApiOperation[] = [
  listRequirementsOperation,
  listSpecificationsOperation,
  listTestCasesOperation,
  listTraceLinksOperation,
  listCampaignsOperation,
  createCampaignOperation,
  listCampaignResultsOperation,
  importResultsOperation,
  pushResultsOperation,
  getReleaseReadinessOperation,
];
