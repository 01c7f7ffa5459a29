import 'server-only';
import type { z } from 'zod';
import { getDb, type Database, type Transaction } from '@/db/client';
import { auditEvents } from '@/db/schema';
import { findProjectMembership, type ProjectMembership } from '@/db/queries/memberships';
import type { SessionUser } from '@/db/queries/users';
import { can, type Permission } from '@/lib/auth/roles';
import { decodeSegment } from '@/lib/http/url-segment';
import type { Locale } from '@/lib/i18n/locales';
import { getCurrentUser } from '@/lib/session/current-user';
import { chosenLocale } from '@/lib/session/request-locale';
import { errorMessage, validationMessage, zodErrorMap } from './messages';
import { unstorableTextPaths } from '@/lib/text/storable-text';
import type { AuditEntry } from './define-action';
import { ActionError, type ActionErrorCode } from './result';

/**
 * The GET counterpart of the action wrapper, for route handlers that serve reads (TanStack Query, CSV exports):
 * session → project membership and role → zod-parsed query string → handler. Reads write nothing, so there is no
 * transaction or audit row. Failures are JSON `{ code, message }` with the matching status; a non-member gets 404.
 */
export interface RouteContext<Q> {
  db: Database;
  actor: SessionUser;
  membership: ProjectMembership;
  query: Q;
  /** The route's other path segments (`[id]`…), percent-decoded; a malformed one has already answered 404. */
  params: Record<string, string>;
  locale: Locale;
}

const STATUS: Record<ActionErrorCode, number> = {
  unauthenticated: 401,
  invalid: 400,
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  rate_limited: 429,
  server_error: 500,
};

function failure(locale: Locale, code: ActionErrorCode, fieldErrors?: Record<string, string[]>, messageKey?: string) {
  return Response.json(
    { code, message: errorMessage(locale, messageKey ?? code), ...(fieldErrors && { fieldErrors }) },
    { status: STATUS[code], headers: { 'Cache-Control': 'no-store' } },
  );
}

/** zod's issues as field → translated messages (`fallback` names issues about the whole input). */
export function zodFieldErrors(error: z.ZodError, locale: Locale, fallback: string): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) (fieldErrors[issue.path.join('.') || fallback] ??= []).push(validationMessage(locale, issue.message));
  return fieldErrors;
}

/** The query string through zod, after refusing text the database could not store; a Response when refused. */
function parseQuery<S extends z.ZodType>(schema: S, request: Request, locale: Locale): z.output<S> | Response {
  const raw = Object.fromEntries(new URL(request.url).searchParams);
  const unstorable = unstorableTextPaths(raw);
  if (unstorable.length) {
    return failure(locale, 'invalid', Object.fromEntries(unstorable.map((path) => [path, [validationMessage(locale, 'unstorableText')]])));
  }
  const parsed = schema.safeParse(raw, { error: zodErrorMap(locale) });
  if (!parsed.success) {
    return failure(locale, 'invalid', zodFieldErrors(parsed.error, locale, '_query'));
  }
  return parsed.data;
}

type RouteParams = { projectKey: string } & Record<string, string>;

/** Session already checked: the membership and role the route needs, or the failure code (non-member → not found). */
async function memberGate(
  actor: SessionUser,
  raw: RouteParams,
  permission: Permission,
): Promise<{ db: Database; membership: ProjectMembership; params: Record<string, string> } | ActionErrorCode> {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    const decoded = decodeSegment(value);
    if (decoded === null) return 'not_found';
    params[name] = decoded;
  }
  const db = getDb();
  const membership = await findProjectMembership(db, actor.id, params.projectKey!);
  if (!membership) return 'not_found';
  if (!can(membership.role, permission)) return 'forbidden';
  return { db, membership, params };
}

export function projectRoute<S extends z.ZodType>(def: {
  name: string;
  permission: Permission;
  query: S;
  handler: (ctx: RouteContext<z.output<S>>) => Promise<Response | object>;
}) {
  return async (request: Request, context: { params: Promise<RouteParams> }): Promise<Response> => {
    let actor: SessionUser | null;
    try {
      actor = await getCurrentUser();
    } catch (error) {
      // The session is checked against the database: when it does not answer, the JSON 500 of any failure.
      console.error(`[route ${def.name}] reading the session`, error);
      return failure((await chosenLocale()) ?? 'fr', 'server_error');
    }
    // The language the pages are shown in: this browser's choice first, then the profile (as i18n/request.ts).
    const locale = (await chosenLocale()) ?? actor?.locale ?? 'fr';
    if (!actor) return failure(locale, 'unauthenticated');
    try {
      const gate = await memberGate(actor, await context.params, def.permission);
      if (typeof gate === 'string') return failure(locale, gate);
      const parsed = parseQuery(def.query, request, locale);
      if (parsed instanceof Response) return parsed;
      const result = await def.handler({ ...gate, actor, query: parsed, locale });
      if (result instanceof Response) return result;
      return Response.json(result, { headers: { 'Cache-Control': 'private, no-store' } });
    } catch (error) {
      // A handler refuses like an action does (an id that is not in this project → not_found).
      if (error instanceof ActionError) return failure(locale, error.code, error.fieldErrors);
      console.error(`[route ${def.name}]`, error);
      return failure(locale, 'server_error');
    }
  };
}

/**
 * Anonymous reads that touch no person's or project's data (the readiness probe): no session, no membership, but
 * the same query parsing, error shape and no-store answers as every other route.
 */
export function publicRoute<S extends z.ZodType>(def: {
  name: string;
  query: S;
  handler: (ctx: { db: Database; query: z.output<S>; locale: Locale }) => Promise<Response | object>;
}) {
  return async (request: Request): Promise<Response> => {
    const locale = (await chosenLocale()) ?? 'fr';
    try {
      const parsed = parseQuery(def.query, request, locale);
      if (parsed instanceof Response) return parsed;
      const result = await def.handler({ db: getDb(), query: parsed, locale });
      if (result instanceof Response) return result;
      return Response.json(result, { headers: { 'Cache-Control': 'no-store' } });
    } catch (error) {
      console.error(`[route ${def.name}]`, error);
      return failure(locale, 'server_error');
    }
  };
}

/**
 * What an upload handler gets: the member, the zod-parsed form fields and the file, already known to be within
 * `maxFileBytes`. `write` runs the database part in a transaction that must write its audit row (as every action
 * does); bytes are stored by the handler itself, before `write`, so a failed transaction can remove them again.
 */
export interface UploadContext<F> {
  db: Database;
  actor: SessionUser;
  membership: ProjectMembership;
  fields: F;
  file: File;
  locale: Locale;
  write: <T>(work: (tx: Transaction, audit: (entry: AuditEntry) => Promise<void>) => Promise<T>) => Promise<T>;
}

/**
 * A route's write: `work` runs in one transaction and must write at least one audit row, with the given actor and
 * project unless the entry names its own (the same rule the action wrapper enforces).
 */
export function auditedTransaction<T>(
  db: Database,
  what: string,
  defaults: { actorId: string | null; projectId: string; decorate?: (entry: AuditEntry) => AuditEntry },
  work: (tx: Transaction, audit: (entry: AuditEntry) => Promise<void>) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    let audited = 0;
    const result = await work(tx, async (raw) => {
      audited += 1;
      const entry = defaults.decorate ? defaults.decorate(raw) : raw;
      await tx.insert(auditEvents).values({
        actorId: entry.actorId === undefined ? defaults.actorId : entry.actorId,
        projectId: entry.projectId === undefined ? defaults.projectId : entry.projectId,
        entity: entry.entity,
        entityId: entry.entityId,
        action: entry.action,
        before: entry.before ?? null,
        after: entry.after ?? null,
      });
    });
    if (audited === 0) throw new Error(`${what} must write its audit row`);
    return result;
  });
}

/** Room for the multipart boundaries and the small text fields around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

export class BodyTooLarge extends Error {}

/** The body as a stream that errors as soon as more than `limit` bytes have come, so nothing bigger is buffered. */
export function limitedBody(body: ReadableStream<Uint8Array>, limit: number): ReadableStream<Uint8Array> {
  let seen = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > limit) controller.error(new BodyTooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
}

/**
 * A browser POST from another site (the same check Next applies to server actions: Origin against the forwarded or
 * direct host). Clients that send no Origin are not browsers on another site; the SameSite=Lax session cookie
 * already stays home on cross-site posts, this is the second lock.
 */
function fromAnotherSite(request: Request): boolean {
  if (request.headers.get('sec-fetch-site') === 'cross-site') return true;
  const origin = request.headers.get('origin');
  if (!origin) return false;
  const host = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() || request.headers.get('host') || new URL(request.url).host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/**
 * A multipart POST that stores a file (evidence uploads): session → membership and role (before a byte of the body
 * is read) → the body read under a size limit → zod-parsed text fields → handler. Failures have the same JSON shape
 * and statuses as the read routes; `tooBigKey` names the `errors.*` message of a file over the limit.
 */
export function projectUploadRoute<S extends z.ZodType>(def: {
  name: string;
  permission: Permission;
  fields: S;
  maxFileBytes: number;
  tooBigKey: string;
  handler: (ctx: UploadContext<z.output<S>>) => Promise<Response | object>;
}) {
  return async (request: Request, context: { params: Promise<RouteParams> }): Promise<Response> => {
    const actor = await getCurrentUser();
    const locale = (await chosenLocale()) ?? actor?.locale ?? 'fr';
    if (fromAnotherSite(request)) return failure(locale, 'forbidden');
    if (!actor) return failure(locale, 'unauthenticated');
    const tooBig = () => failure(locale, 'invalid', undefined, def.tooBigKey);
    try {
      const gate = await memberGate(actor, await context.params, def.permission);
      if (typeof gate === 'string') return failure(locale, gate);

      const type = request.headers.get('content-type') ?? '';
      if (!/^multipart\/form-data;/i.test(type) || !request.body) return failure(locale, 'invalid', { file: [validationMessage(locale, 'fileRequired')] });
      const limit = def.maxFileBytes + MULTIPART_OVERHEAD;
      // A declared length over the limit is refused before reading anything; a missing or false one by counting.
      if (Number(request.headers.get('content-length') ?? 0) > limit) return tooBig();
      let form: FormData;
      try {
        form = await new Response(limitedBody(request.body, limit), { headers: { 'content-type': type } }).formData();
      } catch (error) {
        if (error instanceof BodyTooLarge) return tooBig();
        return failure(locale, 'invalid', { file: [validationMessage(locale, 'fileRequired')] });
      }

      const files = form.getAll('file');
      const file = files[0];
      if (files.length !== 1 || !(file instanceof File)) return failure(locale, 'invalid', { file: [validationMessage(locale, 'fileRequired')] });
      if (file.size > def.maxFileBytes) return tooBig();
      const raw: Record<string, unknown> = {};
      for (const [key, value] of form.entries()) {
        if (key === 'file') continue;
        if (typeof value !== 'string' || key in raw) return failure(locale, 'invalid', { [key]: [validationMessage(locale, 'invalid')] });
        raw[key] = value;
      }
      const unstorable = unstorableTextPaths({ ...raw, fileName: file.name });
      if (unstorable.length) {
        return failure(locale, 'invalid', Object.fromEntries(unstorable.map((path) => [path, [validationMessage(locale, 'unstorableText')]])));
      }
      const parsed = def.fields.safeParse(raw, { error: zodErrorMap(locale) });
      if (!parsed.success) {
        return failure(locale, 'invalid', zodFieldErrors(parsed.error, locale, '_form'));
      }

      const write: UploadContext<z.output<S>>['write'] = (work) =>
        auditedTransaction(gate.db, `${def.name}: an upload`, { actorId: actor.id, projectId: gate.membership.projectId }, work);
      const result = await def.handler({ db: gate.db, actor, membership: gate.membership, fields: parsed.data, file, locale, write });
      if (result instanceof Response) return result;
      return Response.json(result, { status: 201, headers: { 'Cache-Control': 'private, no-store' } });
    } catch (error) {
      if (error instanceof ActionError) {
        const fieldErrors =
          error.fieldErrors &&
          Object.fromEntries(Object.entries(error.fieldErrors).map(([field, keys]) => [field, keys.map((k) => validationMessage(locale, k))]));
        return failure(locale, error.code, fieldErrors, error.messageKey);
      }
      console.error(`[route ${def.name}]`, error);
      return failure(locale, 'server_error');
    }
  };
}
