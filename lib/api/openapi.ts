import { z } from 'zod';
import { createDocument } from 'zod-openapi';
import { API_OPERATIONS, type ApiOperation } from './operations';
import { PROBLEM_CODES, PROBLEM_CONTENT_TYPE, PROBLEM_STATUS, PROBLEM_TITLES } from './problem';
import { problemSchema } from './schemas';

export const API_BASE_PATH = '/api/v1';

/** The problems an operation can answer, besides the ones every operation can (token, rate limit, server). */
function problemsOf(op: ApiOperation): number[] {
  const statuses = new Set([401, 404, 429, 500]);
  if (op.query || op.body) statuses.add(400);
  if (op.scope === 'write') statuses.add(403);
  if (op.body || op.files) {
    statuses.add(413);
    statuses.add(415);
  }
  if (op.files) statuses.add(409);
  return [...statuses].sort();
}

const STATUS_TEXT: Record<number, string> = Object.fromEntries(
  PROBLEM_CODES.map((code) => [PROBLEM_STATUS[code], PROBLEM_TITLES[code]]),
);

const conditionalHeaders = z.object({
  'If-None-Match': z.string().optional().meta({ description: 'The ETag of a previous answer: 304 when it is still current' }),
});

/** A results body: multipart parts named `file`, or one raw file of a format the importer reads. */
function filesContent(multipart: z.ZodType) {
  const raw = { schema: z.string().meta({ format: 'binary' }) };
  return {
    'multipart/form-data': { schema: multipart },
    'application/xml': raw,
    'text/xml': raw,
    'text/csv': raw,
    'application/json': raw,
    'application/zip': raw,
  };
}

function operationObject(op: ApiOperation) {
  const success = op.method === 'GET' ? 'The page (ETag and Cache-Control: private, no-cache)' : 'Created';
  const responses: Record<string, unknown> = {
    [String(op.status)]: { description: success, content: { 'application/json': { schema: op.response } } },
  };
  if (op.method === 'GET') responses['304'] = { description: 'Not modified: the If-None-Match tag is still current' };
  for (const status of problemsOf(op)) {
    responses[String(status)] = { description: STATUS_TEXT[status]!, content: { [PROBLEM_CONTENT_TYPE]: { schema: problemSchema } } };
  }
  return {
    operationId: op.name,
    summary: op.summary,
    description: `${op.description}\n\nToken scope: \`${op.scope}\`.`,
    tags: [op.method === 'GET' ? 'read' : 'write'],
    security: [{ bearerToken: [] }],
    requestParams: {
      path: op.params,
      ...(op.query && { query: op.query }),
      ...(op.method === 'GET' && { header: conditionalHeaders }),
    },
    ...(op.body && { requestBody: { required: true, content: { 'application/json': { schema: op.body } } } }),
    ...(op.files && { requestBody: { required: true, content: filesContent(op.files.schema) } }),
    responses,
  };
}

let document: ReturnType<typeof createDocument> | undefined;

/**
 * The OpenAPI 3.1 document of `/api/v1`, generated from the operations' zod schemas. Built once per process: it
 * depends on the code alone, and generating it takes tens of milliseconds of CPU, which the reference page and the
 * document's route paid on every request. Shared, so read-only.
 */
export function openApiDocument() {
  return (document ??= buildDocument());
}

function buildDocument() {
  const paths: Record<string, Record<string, ReturnType<typeof operationObject>>> = {};
  for (const op of API_OPERATIONS) {
    (paths[`${API_BASE_PATH}${op.path}`] ??= {})[op.method.toLowerCase()] = operationObject(op);
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Passerelle REST API',
      version: '1.0.0',
      description:
        'Per-project API for CI jobs and integrations. Send a project API token as `Authorization: Bearer psl_…` ' +
        '(created by a project owner under Paramètres → Jetons d’API). Lists are paged with an opaque `cursor`; reads ' +
        'answer an ETag and honour If-None-Match. Errors are RFC 9457 problem details.',
    },
    components: { securitySchemes: { bearerToken: { type: 'http', scheme: 'bearer', description: 'A project API token (psl_…)' } } },
    paths: paths as never,
  });
}
