import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { type z } from 'zod';
import { getDb, type Transaction } from '@/db/client';
import { findProjectMembership, type ProjectMembership } from '@/db/queries/memberships';
import { auditEvents } from '@/db/schema';
import { can, type Permission } from '@/lib/auth/roles';
import type { Locale } from '@/lib/i18n/locales';
import { getCurrentUser } from '@/lib/session/current-user';
import { requestLocale } from '@/lib/session/request-locale';
import type { SessionUser } from '@/db/queries/users';
import { mailQueuedIn } from '@/lib/notifications/outbox-signal';
import { formDataToObject } from './form-data';
import { unstorableTextPaths } from '@/lib/text/storable-text';
import { errorMessage, validationMessage, zodErrorMap } from './messages';
import { ActionError, RecordedRefusal, type ActionErrorCode, type ActionResult } from './result';

/**
 * The one wrapper every server action goes through (DESIGN.md §5):
 * session → zod parse → membership and role → handler in a transaction that writes its audit row → typed result.
 * A handler that writes no audit row fails, so "every mutation is audited" is enforced, not remembered.
 */

export interface AuditEntry {
  entity: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
  /** Defaults to the action's project, if any. */
  projectId?: string | null;
  /** Defaults to the signed-in person; a public action names the account it acted for. */
  actorId?: string | null;
}

interface BaseContext<I> {
  tx: Transaction;
  input: I;
  locale: Locale;
  audit: (entry: AuditEntry) => Promise<void>;
  /** Says out loud that this call changed nothing (e.g. a form saved unchanged), so it needs no audit row. */
  nothingChanged: () => void;
}
export interface PublicContext<I> extends BaseContext<I> {
  actor: SessionUser | null;
}
export interface UserContext<I> extends BaseContext<I> {
  actor: SessionUser;
}
export interface ProjectContext<I> extends UserContext<I> {
  membership: ProjectMembership;
}

type Scope = 'public' | 'user' | 'admin' | 'project';
type ActionInput<S extends z.ZodType> = z.input<S> | FormData;
export type ServerAction<S extends z.ZodType, T> = (input: ActionInput<S>) => Promise<ActionResult<T>>;

interface Definition<S extends z.ZodType, T, C> {
  /** Stable name, used in logs and in the authorization matrix. */
  name: string;
  input: S;
  handler: (ctx: C) => Promise<T>;
  /**
   * Runs after the commit (revalidation, cookies, sign-in, redirects): never part of the transaction.
   * Its result replaces the handler's when it returns one. If it throws (other than a redirect), the change stays
   * committed and the result is a success with a warning.
   */
  after?: (data: T, input: z.output<S>) => Promise<T | void> | T | void;
  /** The `errors.*` message of that warning; the generic `followUpFailed` by default. */
  afterFailure?: string;
  /**
   * A read that needs a request body (the preview of an upload): its transaction is always rolled back, so it writes
   * nothing by construction, and it writes no audit row.
   */
  readOnly?: true;
}

/** Carries a read-only handler's result out of the transaction it rolls back. */
class ReadOnlyRollback<T> extends Error {
  constructor(readonly result: T) {
    super('read-only action');
  }
}

function failure(
  locale: Locale,
  code: ActionErrorCode,
  key?: string,
  fieldErrors?: Record<string, string[]>,
  details?: unknown,
) {
  const translated = fieldErrors
    ? Object.fromEntries(
        Object.entries(fieldErrors).map(([field, keys]) => [field, keys.map((k) => validationMessage(locale, k))]),
      )
    : undefined;
  return {
    ok: false as const,
    code,
    message: errorMessage(locale, key ?? code),
    ...(translated && { fieldErrors: translated }),
    ...(details !== undefined && { details }),
  };
}

/** Text the database could not store, refused before zod sees it (whatever the schema says of the field). */
export function unstorableFieldErrors(raw: unknown): Record<string, string[]> | undefined {
  const paths = unstorableTextPaths(raw);
  return paths.length ? Object.fromEntries(paths.map((path) => [path, ['unstorableText']])) : undefined;
}

function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

function build<S extends z.ZodType, T>(
  scope: Scope,
  def: Definition<S, T, never>,
  permission?: Permission,
): ServerAction<S, T> {
  const handler = def.handler as (ctx: unknown) => Promise<T>;
  return async (rawInput) => {
    let actor: Awaited<ReturnType<typeof getCurrentUser>>;
    try {
      actor = await getCurrentUser();
    } catch (error) {
      // The session is checked against the database: when it does not answer, a plain server error, not a throw.
      unstable_rethrow(error);
      console.error(`[action ${def.name}] reading the session`, error);
      return failure(await requestLocale(), 'server_error');
    }
    const locale = actor?.locale ?? (await requestLocale());
    if (scope !== 'public' && !actor) return failure(locale, 'unauthenticated');
    if (scope === 'admin' && !actor?.isAdmin) return failure(locale, 'forbidden');

    const raw = rawInput instanceof FormData ? formDataToObject(rawInput) : rawInput;
    const unstorable = unstorableFieldErrors(raw);
    if (unstorable) return failure(locale, 'invalid', undefined, unstorable);
    const parsed = def.input.safeParse(raw, { error: zodErrorMap(locale) });
    if (!parsed.success) return failure(locale, 'invalid', undefined, fieldErrorsOf(parsed.error));
    const input = parsed.data as z.output<S>;

    let committed: { result: T } | { refusal: RecordedRefusal };
    let mailQueued = false;
    try {
      committed = await getDb().transaction(async (tx) => {
        let membership: ProjectMembership | null = null;
        if (scope === 'project') {
          const projectKey = (input as { projectKey?: unknown }).projectKey;
          if (typeof projectKey !== 'string') throw new Error(`${def.name}: project actions need a projectKey`);
          membership = await findProjectMembership(tx, actor!.id, projectKey);
          // A non-member learns nothing: same answer as a project that does not exist.
          if (!membership) throw new ActionError('not_found');
          if (!can(membership.role, permission!)) throw new ActionError('forbidden');
        }
        let audited = 0;
        let unchanged = false;
        const audit = async (entry: AuditEntry) => {
          audited += 1;
          await tx.insert(auditEvents).values({
            actorId: entry.actorId === undefined ? (actor?.id ?? null) : entry.actorId,
            projectId: entry.projectId === undefined ? (membership?.projectId ?? null) : entry.projectId,
            entity: entry.entity,
            entityId: entry.entityId,
            action: entry.action,
            before: entry.before ?? null,
            after: entry.after ?? null,
          });
        };
        const nothingChanged = () => {
          unchanged = true;
        };
        let result: T;
        try {
          result = await handler({ tx, input, locale, actor, membership, audit, nothingChanged });
        } catch (error) {
          if (!(error instanceof RecordedRefusal)) throw error;
          if (audited === 0) throw new Error(`${def.name}: a recorded refusal must write its audit row`);
          return { refusal: error };
        }
        if (def.readOnly) {
          if (audited > 0) throw new Error(`${def.name}: a read-only action writes no audit row`);
          throw new ReadOnlyRollback(result);
        }
        if (audited === 0 && !unchanged) throw new Error(`${def.name}: a mutation must write its audit row`);
        mailQueued = mailQueuedIn(tx);
        return { result };
      });
    } catch (error) {
      if (error instanceof ReadOnlyRollback) return { ok: true, data: error.result as T };
      unstable_rethrow(error);
      if (error instanceof ActionError) return failure(locale, error.code, error.messageKey, error.fieldErrors, error.details);
      console.error(`[action ${def.name}]`, error);
      return failure(locale, 'server_error');
    }
    if ('refusal' in committed) {
      const { refusal } = committed;
      return failure(locale, refusal.code, refusal.messageKey, refusal.fieldErrors);
    }
    // E-mail the change queued leaves only now that it is committed, without the person waiting on the mail server.
    if (mailQueued) void import('@/db/mail-delivery').then((m) => m.deliverSoon()).catch((error) => console.error('[mail]', error));
    return runAfter(def, committed.result, input, locale);
  };
}

/** The follow-ups of a committed change: their failure is a warning on the success, never "nothing was saved". */
async function runAfter<S extends z.ZodType, T>(
  def: Definition<S, T, never>,
  data: T,
  input: z.output<S>,
  locale: Locale,
): Promise<ActionResult<T>> {
  try {
    const final = (await def.after?.(data, input)) ?? data;
    return { ok: true, data: final as T };
  } catch (error) {
    unstable_rethrow(error);
    console.error(`[action ${def.name}] after the commit`, error);
    return { ok: true, data, warning: errorMessage(locale, def.afterFailure ?? 'followUpFailed') };
  }
}

/** Reachable without a session (sign-in, setting a password from a one-time link). */
export function publicAction<S extends z.ZodType, T>(def: Definition<S, T, PublicContext<z.output<S>>>) {
  return build('public', def as Definition<S, T, never>);
}

/** Any signed-in, active account. */
export function userAction<S extends z.ZodType, T>(def: Definition<S, T, UserContext<z.output<S>>>) {
  return build('user', def as Definition<S, T, never>);
}

/** Instance administrators only. */
export function adminAction<S extends z.ZodType, T>(def: Definition<S, T, UserContext<z.output<S>>>) {
  return build('admin', def as Definition<S, T, never>);
}

/** A project member whose role grants `permission`; the input must carry `projectKey`. */
export function projectAction<S extends z.ZodType<{ projectKey: string }>, T>(
  def: Definition<S, T, ProjectContext<z.output<S>>> & { permission: Permission },
) {
  return build('project', def as Definition<S, T, never>, def.permission);
}

/**
 * Sign-in only: Auth.js's `authorize` records the attempt (throttle counters and audit row) in its own
 * transaction, so this variant parses and maps errors but opens no transaction of its own.
 */
export function signInAction<S extends z.ZodType, T>(def: {
  name: string;
  input: S;
  handler: (input: z.output<S>, locale: Locale) => Promise<T>;
}): ServerAction<S, T> {
  return async (rawInput) => {
    const locale = await requestLocale();
    const raw = rawInput instanceof FormData ? formDataToObject(rawInput) : rawInput;
    const unstorable = unstorableFieldErrors(raw);
    if (unstorable) return failure(locale, 'invalid', undefined, unstorable);
    const parsed = def.input.safeParse(raw, { error: zodErrorMap(locale) });
    if (!parsed.success) return failure(locale, 'invalid', undefined, fieldErrorsOf(parsed.error));
    try {
      return { ok: true as const, data: await def.handler(parsed.data as z.output<S>, locale) };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof ActionError) return failure(locale, error.code, error.messageKey, error.fieldErrors, error.details);
      console.error(`[action ${def.name}]`, error);
      return failure(locale, 'server_error');
    }
  };
}
