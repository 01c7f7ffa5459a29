/**
 * What an answer (action result or GET route body) may carry. Keys are checked against an allow-list, then every
 * key and string against a deny-list of secrets: password and token hashes, session versions, secrets, and the
 * e-mail addresses of people the caller may not know about.
 */

/** Every key an answer carries today, at any depth. A new key is a decision: add it here, knowing who reads it. */
export const ALLOWED_KEYS = new Set([
  // the result envelope
  'ok',
  'data',
  'code',
  // a project import's summary: accounts added as members, and the names of the source's people with no account here
  'membersAdded',
  'unmatchedPeople',
  // a person's e-mail choice for notifications
  'enabled',
  // a release's readiness through the API: the proposed decision, its criteria and their inputs, the campaigns
  'approval',
  'baseline',
  'blocking',
  'campaigns',
  'checklist',
  'inputs',
  'major',
  'maxBlocking',
  'maxMajor',
  'minor',
  'mustHave',
  'openAnomalies',
  'overdue',
  'pending',
  'proposedDecision',
  'recordedDecision',
  'release',
  'reservations',
  'results',
  'suspectLinks',
  'targetDate',
  'thresholds',
  'uncovered',
  'unsettled',
  'unverified',
  'verdict',
  'message',
  'fieldErrors',
  'details',
  // what actions return
  'id',
  'key',
  'ref',
  'number',
  'version',
  'revision',
  'changed',
  'userId',
  'name',
  'role',
  'setupLink',
  'linkId',
  'status',
  'reviewedVersion',
  'locale',
  'active',
  'email',
  'creator',
  'assigned',
  // a follow-up after the commit that did not happen
  'warning',
  // conflict details
  'currentVersion',
  'currentRevision',
  'changes',
  'field',
  'before',
  'after',
  'parts',
  'value',
  'added',
  'removed',
  // GET routes
  'items',
  'type',
  'title',
  'rows',
  'total',
  'page',
  'pageSize',
  'parentId',
  'priority',
  'tags',
  'coverage',
  'suspectCount',
  'childCount',
  'specifications',
  'testCases',
  // the test runner: an execution as it ran, its verdict and the retests it proposes (anomaly ids and refs only)
  'derivedStatus',
  'retests',
  'attachments',
  'anomalyId',
  'proposal',
  'executionId',
  'execution',
  'campaignItemId',
  'testCaseRef',
  'testCaseVersion',
  'objective',
  'preconditions',
  'testData',
  'steps',
  'action',
  'expected',
  'criteria',
  'metric',
  'unit',
  'threshold',
  'direction',
  'stepResults',
  'actual',
  'measurements',
  'overrideReason',
  'comment',
  'campaignName',
  'environment',
  'build',
  'executedByName',
  'startedAt',
  'finishedAt',
  'durationMs',
  // evidence (AttachmentView): the storage key, checksum and uploader stay on the server
  'fileName',
  'contentType',
  'byteSize',
  'stepIndex',
  'uploadedAt',
  // sign-off: the signature an action recorded (its number only; its content hash stays on the pages)
  'signatureId',
  // API tokens: the new token's secret, answered once to the owner who created it (only its hash is stored)
  'apiToken',
  'prefix',
  'scope',
  // REST API v1 (lib/api/schemas.ts): pages, resources and problem details
  'nextCursor',
  'statement',
  'rationale',
  'acceptanceCriteria',
  'source',
  'parentRef',
  'updatedAt',
  'body',
  'category',
  'folder',
  'automated',
  'automationKey',
  'kind',
  'upstreamRef',
  'downstreamRef',
  'upstreamVersion',
  'suspect',
  'description',
  'plannedStart',
  'plannedEnd',
  'closedAt',
  'createdAt',
  'campaign',
  'totals',
  'position',
  'plannedVersion',
  'state',
  'latestStatus',
  'notRunReason',
  'not_started',
  'in_progress',
  'passed',
  'failed',
  'blocked',
  'not_run',
  'detail',
  'errors',
  // a results push (db/queries/results-import.ts): what it recorded
  'executions',
  // Results import (preview and summary): files read, test cases matched or proposed, measurements.
  'campaign',
  'files',
  'kind',
  'cases',
  'failures',
  'errors',
  'skipped',
  'declaredTests',
  'contradicts',
  'ignored',
  'executions',
  'passed',
  'failed',
  'measured',
  'matched',
  'matchedTotal',
  'inScope',
  'result',
  'proposed',
  'automationKey',
  'folder',
  'outcome',
  'proposedTotal',
  'unmatched',
  'classname',
  'unmatchedTotal',
  'skippedTotal',
  'notRun',
  'performance',
  'unusedSamples',
  'label',
  'unusedSamplesTotal',
  'open',
  'createdTestCases',
  'addedToScope',
  'campaignStarted',
  // a push that named its campaign by name and build: whether this push created it
  'campaignCreated',
  'file',
  'detail',
  // ReqIF import: the preview of an upload (counts, conflicts, samples, grouped warnings) and the import's summary
  'created',
  'updated',
  'unchanged',
  'skipped',
  'relations',
  'refusal',
  'uploadId',
  'preview',
  'toolId',
  'files',
  'objects',
  'depth',
  'counts',
  'new',
  'conflict',
  'conflicts',
  'samples',
  'identifier',
  'changedFields',
  'warnings',
  'count',
  'examples',
  'detail',
  'objectCount',
  // spreadsheet imports: the dry run's counts, rows and errors by line, the refs created
  'counts',
  'create',
  'update',
  'unchanged',
  'errors',
  'line',
  'outcome',
  'created',
]);

const DENIED_KEY = /hash|secret|sessionVersion|session_version|^password|^token$|salt|digest/i;
const ARGON2 = /\$argon2(id|i|d)\$/;
/** A SHA-256 (or longer) digest in hex: what token hashes look like. */
const HEX_DIGEST = /\b[0-9a-f]{64,}\b/i;
const EMAIL = /[^\s"'<>@;,]+@[^\s"'<>@;,]+\.[a-z]{2,}/gi;

export interface ShapeProblem {
  path: string;
  problem: string;
}

/** Walks a JSON answer; `allowedEmails` null means the caller may see any address (instance administrators). */
export function shapeProblems(value: unknown, allowedEmails: Set<string> | null, path = '$'): ShapeProblem[] {
  const out: ShapeProblem[] = [];
  if (typeof value === 'string') out.push(...textProblems(value, allowedEmails, path));
  else if (Array.isArray(value)) value.forEach((v, i) => out.push(...shapeProblems(v, allowedEmails, `${path}[${i}]`)));
  else if (value && typeof value === 'object') {
    // Field errors are keyed by the input's own field names; their values are checked like any other.
    const freeKeys = /\.(fieldErrors|errors)$/.test(path);
    for (const [key, child] of Object.entries(value)) {
      if (!freeKeys && !ALLOWED_KEYS.has(key)) out.push({ path: `${path}.${key}`, problem: 'key not in the allow-list' });
      if (DENIED_KEY.test(key)) out.push({ path: `${path}.${key}`, problem: 'secret-looking key' });
      out.push(...shapeProblems(child, allowedEmails, `${path}.${key}`));
    }
  }
  return out;
}

/** The same checks on a text answer (CSV exports). */
export function textProblems(text: string, allowedEmails: Set<string> | null, path = '$'): ShapeProblem[] {
  const out: ShapeProblem[] = [];
  if (ARGON2.test(text)) out.push({ path, problem: 'argon2 hash' });
  if (HEX_DIGEST.test(text)) out.push({ path, problem: 'hex digest' });
  if (allowedEmails) {
    for (const email of text.match(EMAIL) ?? []) {
      if (!allowedEmails.has(email.toLowerCase())) out.push({ path, problem: `e-mail of someone the caller may not see: ${email}` });
    }
  }
  return out;
}

export function emailsIn(value: unknown): string[] {
  return (JSON.stringify(value ?? null).match(EMAIL) ?? []).map((e) => e.toLowerCase());
}
