import 'server-only';
import type { z } from 'zod';
import { getDb, type Database } from '@/db/client';
import { findProjectMembership, type ProjectMembership } from '@/db/queries/memberships';
import type { SessionUser } from '@/db/queries/users';
import { can, type Permission } from '@/lib/auth/roles';
import { decodeSegment } from '@/lib/http/url-segment';
import type { Locale } from '@/lib/i18n/locales';
import { getCurrentUser } from '@/lib/session/current-user';
import { chosenLocale } from '@/lib/session/request-locale';
import { errorMessage, validationMessage, zodErrorMap } from './messages';
import { unstorableTextPaths } from '@/lib/text/storable-text';
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

function failure(locale: Locale, code: ActionErrorCode, fieldErrors?: Record<string, string[]>) {
  return Response.json(
    { code, message: errorMessage(locale, code), ...(fieldErrors && { fieldErrors }) },
    { status: STATUS[code], headers: { 'Cache-Control': 'no-store' } },
  );
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
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      (fieldErrors[issue.path.join('.') || '_query'] ??= []).push(validationMessage(locale, issue.message));
    }
    return failure(locale, 'invalid', fieldErrors);
  }
  return parsed.data;
}

export function projectRoute<S extends z.ZodType>(def: {
  name: string;
  permission: Permission;
  query: S;
  handler: (ctx: RouteContext<z.output<S>>) => Promise<Response | object>;
}) {
  return async (request: Request, context: { params: Promise<{ projectKey: string }> }): Promise<Response> => {
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
      const projectKey = decodeSegment((await context.params).projectKey);
      const db = getDb();
      const membership = projectKey === null ? null : await findProjectMembership(db, actor.id, projectKey);
      if (!membership) return failure(locale, 'not_found');
      if (!can(membership.role, def.permission)) return failure(locale, 'forbidden');
      const parsed = parseQuery(def.query, request, locale);
      if (parsed instanceof Response) return parsed;
      const result = await def.handler({ db, actor, membership, query: parsed, locale });
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
