import 'server-only';
import type { z } from 'zod';
import { getDb, type Database, type Transaction } from '@/db/client';
import { findApiTokenByHash, recordApiTokenUse, type ApiTokenRecord } from '@/db/queries/api-tokens';
import { entityTag, matchesIfNoneMatch } from '@/lib/api/etag';
import type { ApiOperation } from '@/lib/api/operations';
import { PROBLEM_CONTENT_TYPE, problemDetails, type ProblemCode } from '@/lib/api/problem';
import { takeFromBucket, type BucketState, type RatePolicy } from '@/lib/api/rate-limit';
import { bearerToken, hashApiToken } from '@/lib/api/token-secret';
import { LAST_USE_RESOLUTION_MS, lastUseIsStale, tokenState } from '@/lib/api/token-model';
import { decodeSegment } from '@/lib/http/url-segment';
import type { Locale } from '@/lib/i18n/locales';
import { unstorableTextPaths } from '@/lib/text/storable-text';
import type { AuditEntry } from './define-action';
import { auditedTransaction, BodyTooLarge, limitedBody, zodFieldErrors } from './define-route';
import { lookup, validationMessage, zodErrorMap } from './messages';
import { ActionError } from './result';

/**
 * The wrapper of every `/api/v1` route (the token counterpart of define-route.ts):
 * `Authorization: Bearer` token → its project and scope → per-token rate limit → path (the project must be the
 * token's: another project is 404, as for a non-member) → scope (a read token cannot write: 403) → zod-parsed query
 * or JSON body → handler; reads answer an ETag and 304 on If-None-Match, writes run in a transaction that must write
 * its audit row, which names the token. Every refusal is an RFC 9457 problem (`application/problem+json`).
 */

/** The caller: a project token, never a person's session (cookies are not looked at). */
export interface ApiCaller {
  tokenId: string;
  prefix: string;
  scope: ApiTokenRecord['scope'];
  projectId: string;
  projectKey: string;
  /** The owner who created the token: the journal's actor for its writes. */
  createdBy: string | null;
}

export interface ApiRouteContext<P, Q, B> {
  db: Database;
  caller: ApiCaller;
  params: P;
  query: Q;
  body: B;
  /** The uploaded files of an operation that takes files (raw body or multipart parts named `file`). */
  files: ApiFile[];
  locale: Locale;
  /** Write endpoints only: the database part in a transaction that must write its audit row. */
  write: <T>(work: (tx: Transaction, audit: (entry: AuditEntry) => Promise<void>) => Promise<T>) => Promise<T>;
}

export interface ApiFile {
  name: string;
  bytes: Uint8Array;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type Params = Record<string, string>;
export type ApiRouteHandler = (request: Request, context: { params: Promise<Params> }) => Promise<Response>;

/** JSON bodies of the API are small (a campaign's fields); results files have their own limit. */
const MAX_JSON_BODY_BYTES = 256 * 1024;

const DEFAULT_RATE: RatePolicy = { perMinute: 600, burst: 120 };

/** Requests per minute per token, `PASSERELLE_API_RATE_PER_MINUTE` (the burst is a fifth of it, at least 1). */
function ratePolicy(): RatePolicy {
  const perMinute = Number(process.env.PASSERELLE_API_RATE_PER_MINUTE);
  if (!Number.isFinite(perMinute) || perMinute <= 0) return DEFAULT_RATE;
  return { perMinute, burst: Math.max(1, Math.floor(perMinute / 5)) };
}

/** Per-instance buckets, kept on globalThis (Next may evaluate this module more than once), bounded in size. */
const store = globalThis as unknown as { __passerelleApiBuckets?: Map<string, BucketState> };
const buckets = (store.__passerelleApiBuckets ??= new Map());
const MAX_BUCKETS = 10_000;

function allowRequest(tokenId: string, now: number): { allowed: boolean; retryAfterSeconds: number } {
  const { state, allowed, retryAfterSeconds } = takeFromBucket(buckets.get(tokenId), now, ratePolicy());
  buckets.delete(tokenId);
  buckets.set(tokenId, state);
  if (buckets.size > MAX_BUCKETS) buckets.delete(buckets.keys().next().value!);
  return { allowed, retryAfterSeconds };
}

/** Problem details in the caller's language (Accept-Language: English when preferred, French otherwise). */
function localeOf(request: Request): Locale {
  const first = (request.headers.get('accept-language') ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'fr';
}

const NO_STORE = { 'Cache-Control': 'no-store', Vary: 'Authorization' };

/** The problem's detail: the API's own text for this occurrence (`api.problems.*`), else the app's error message. */
function detailOf(locale: Locale, code: ProblemCode, messageKey?: string): string | undefined {
  return (messageKey && (lookup(locale, `api.problems.${messageKey}`) ?? lookup(locale, `errors.${messageKey}`))) || lookup(locale, `api.problems.${code}`);
}

function problem(locale: Locale, code: ProblemCode, extra: { errors?: Record<string, string[]>; messageKey?: string; headers?: Record<string, string> } = {}) {
  const body = problemDetails(code, { detail: detailOf(locale, code, extra.messageKey), errors: extra.errors });
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, ...NO_STORE, ...extra.headers },
  });
}

const unauthenticated = (locale: Locale, error?: 'invalid_token') =>
  problem(locale, 'unauthenticated', {
    headers: { 'WWW-Authenticate': error ? `Bearer realm="passerelle", error="${error}"` : 'Bearer realm="passerelle"' },
  });

function translated(errors: Record<string, string[]> | undefined, locale: Locale) {
  return errors && Object.fromEntries(Object.entries(errors).map(([field, keys]) => [field, keys.map((k) => validationMessage(locale, k))]));
}

/** The token behind the Authorization header, or the 401 to answer. Looked up by hash; its state checked here. */
async function authenticate(request: Request, locale: Locale, db: Database, now: Date): Promise<ApiCaller | Response> {
  const header = request.headers.get('authorization');
  if (!header) return unauthenticated(locale);
  const secret = bearerToken(header);
  if (!secret) return unauthenticated(locale, 'invalid_token');
  const token = await findApiTokenByHash(db, hashApiToken(secret));
  if (!token || tokenState(token, now) !== 'active') return unauthenticated(locale, 'invalid_token');
  if (lastUseIsStale(token.lastUsedAt, now)) await recordApiTokenUse(db, token.id, now, LAST_USE_RESOLUTION_MS);
  return {
    tokenId: token.id,
    prefix: token.prefix,
    scope: token.scope,
    projectId: token.projectId,
    projectKey: token.projectKey,
    createdBy: token.createdBy,
  };
}

/** The JSON body under the size limit, or the problem to answer. */
async function readJsonBody(request: Request, locale: Locale): Promise<unknown | Response> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) return problem(locale, 'unsupported_media_type');
  if (Number(request.headers.get('content-length') ?? 0) > MAX_JSON_BODY_BYTES || !request.body) {
    return request.body ? problem(locale, 'payload_too_large') : problem(locale, 'invalid', { errors: { _body: ['invalid'] } });
  }
  let text: string;
  try {
    text = await new Response(limitedBody(request.body, MAX_JSON_BODY_BYTES)).text();
  } catch (error) {
    if (error instanceof BodyTooLarge) return problem(locale, 'payload_too_large');
    throw error;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return problem(locale, 'invalid', { errors: { _body: [validationMessage(locale, 'invalid')] } });
  }
}

/** The name a raw body gets from its Content-Type, so its format is known (the importer reads extensions). */
const RAW_FILE_NAMES: [RegExp, string][] = [
  [/^(application|text)\/xml\b/i, 'results.xml'],
  [/^application\/(zip|x-zip-compressed)\b/i, 'results.zip'],
  [/^text\/csv\b/i, 'results.jtl'],
  [/^application\/json\b/i, 'summary.json'],
];

/** Room for the multipart boundaries and headers around the files. */
const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * The files of a results push, read under the size limit before anything is parsed: a multipart form's parts
 * named `file`, or the raw body named after its Content-Type (or `fileName`). Anything else is the problem to answer.
 */
async function readFiles(request: Request, locale: Locale, maxBytes: number, fileName: string | undefined): Promise<ApiFile[] | Response> {
  const type = request.headers.get('content-type') ?? '';
  const multipart = /^multipart\/form-data;/i.test(type);
  const rawName = fileName ?? RAW_FILE_NAMES.find(([pattern]) => pattern.test(type))?.[1];
  if (!multipart && !rawName) return problem(locale, 'unsupported_media_type', { messageKey: 'unsupportedResults' });
  const limit = maxBytes + (multipart ? MULTIPART_OVERHEAD : 0);
  if (Number(request.headers.get('content-length') ?? 0) > limit) return problem(locale, 'payload_too_large', { messageKey: 'resultsTooLarge' });
  if (!request.body) return problem(locale, 'invalid', { errors: { file: [validationMessage(locale, 'fileRequired')] } });
  try {
    const limited = new Response(limitedBody(request.body, limit), { headers: { 'content-type': type } });
    if (!multipart) return [{ name: rawName!, bytes: new Uint8Array(await limited.arrayBuffer()) }];
    const form = await limited.formData();
    const files: ApiFile[] = [];
    for (const [key, value] of form.entries()) {
      if (key !== 'file' || typeof value === 'string') return problem(locale, 'invalid', { errors: { [key]: [validationMessage(locale, 'invalid')] } });
      files.push({ name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) });
    }
    if (files.length === 0) return problem(locale, 'invalid', { errors: { file: [validationMessage(locale, 'fileRequired')] } });
    return files;
  } catch (error) {
    if (error instanceof BodyTooLarge) return problem(locale, 'payload_too_large', { messageKey: 'resultsTooLarge' });
    return problem(locale, 'invalid', { errors: { file: [validationMessage(locale, 'fileRequired')] } });
  }
}

function parsed<S extends z.ZodType>(schema: S, raw: unknown, locale: Locale, fallback: string): z.output<S> | Response {
  const unstorable = unstorableTextPaths(raw);
  if (unstorable.length) {
    return problem(locale, 'invalid', { errors: Object.fromEntries(unstorable.map((path) => [path, [validationMessage(locale, 'unstorableText')]])) });
  }
  const result = schema.safeParse(raw, { error: zodErrorMap(locale) });
  if (!result.success) return problem(locale, 'invalid', { errors: zodFieldErrors(result.error, locale, fallback) });
  return result.data;
}

/** A read's answer: the body with its ETag, or 304 when the client's tag is still current. */
function conditionalJson(request: Request, body: unknown): Response {
  const text = JSON.stringify(body);
  const etag = entityTag(text);
  const headers = { ETag: etag, 'Cache-Control': 'private, no-cache', Vary: 'Authorization' };
  if (matchesIfNoneMatch(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  return new Response(text, { status: 200, headers: { ...headers, 'Content-Type': 'application/json' } });
}

export function apiRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  operation: ApiOperation<P, Q, B, R>,
  def: {
    handler: (ctx: ApiRouteContext<z.output<P>, Out<Q>, Out<B>>) => Promise<z.output<R>>;
    /** A creation's Location header, from its answer. */
    location?: (data: z.output<R>, params: z.output<P>) => string;
  },
): ApiRouteHandler {
  return async (request, context) => {
    const locale = localeOf(request);
    try {
      const db = getDb();
      const caller = await authenticate(request, locale, db, new Date());
      if (caller instanceof Response) return caller;

      const limit = allowRequest(caller.tokenId, Date.now());
      if (!limit.allowed) return problem(locale, 'rate_limited', { headers: { 'Retry-After': String(limit.retryAfterSeconds) } });

      // The path: malformed or naming another project than the token's → 404, exactly like an unknown one.
      const raw: Params = {};
      for (const [name, value] of Object.entries(await context.params)) {
        const decoded = decodeSegment(value);
        if (decoded === null) return problem(locale, 'not_found');
        raw[name] = decoded;
      }
      const params = operation.params.safeParse(raw);
      if (!params.success || (params.data as { projectKey: string }).projectKey !== caller.projectKey) return problem(locale, 'not_found');

      if (operation.scope === 'write' && caller.scope !== 'write') return problem(locale, 'forbidden', { messageKey: 'readOnlyToken' });

      let query: unknown;
      if (operation.query) {
        query = parsed(operation.query, Object.fromEntries(new URL(request.url).searchParams), locale, '_query');
        if (query instanceof Response) return query;
      }
      let body: unknown;
      if (operation.body) {
        const json = await readJsonBody(request, locale);
        if (json instanceof Response) return json;
        body = parsed(operation.body, json, locale, '_body');
        if (body instanceof Response) return body;
      }
      let files: ApiFile[] = [];
      if (operation.files) {
        const read = await readFiles(request, locale, operation.files.maxBytes, (query as { fileName?: string } | undefined)?.fileName);
        if (read instanceof Response) return read;
        files = read;
      }

      const write: ApiRouteContext<unknown, unknown, unknown>['write'] = (work) => {
        if (operation.scope !== 'write') throw new Error(`${operation.name}: a read route cannot write`);
        return auditedTransaction(
          db,
          `${operation.name}: an API write`,
          {
            actorId: caller.createdBy,
            projectId: caller.projectId,
            // The journal names the token behind the change, next to the owner who created it.
            decorate: (entry) => ({ ...entry, after: { ...asObject(entry.after), apiToken: { id: caller.tokenId, prefix: caller.prefix } } }),
          },
          work,
        );
      };
      const data = await def.handler({
        db,
        caller,
        params: params.data,
        query: query as Out<Q>,
        body: body as Out<B>,
        files,
        locale,
        write,
      });
      if (operation.method === 'GET') return conditionalJson(request, data);
      const headers: Record<string, string> = { 'Content-Type': 'application/json', ...NO_STORE };
      if (def.location) headers.Location = def.location(data, params.data);
      return new Response(JSON.stringify(data), { status: operation.status, headers });
    } catch (error) {
      if (error instanceof ActionError) {
        return problem(locale, error.code, { messageKey: error.messageKey, errors: translated(error.fieldErrors, locale) });
      }
      console.error(`[api ${operation.name}]`, error);
      return problem(locale, 'server_error');
    }
  };
}

function asObject(value: unknown): Record<string, unknown> {
  if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  return value === undefined || value === null ? {} : { value };
}
