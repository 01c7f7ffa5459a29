import { z } from 'zod';

/**
 * What every server action and GET route was defined with (its scope, name, zod input and permission), recorded by
 * wrapping the real `define-action` / `define-route` builders. The security suites derive their inputs from these
 * schemas, so an action or a route added later is fuzzed and checked without anyone listing it.
 *
 * A suite installs the recording with:
 *   vi.mock('@/lib/actions/define-action', async (real) => (await import('../setup/action-definitions')).recordActions(await real()));
 *   vi.mock('@/lib/actions/define-route', async (real) => (await import('../setup/action-definitions')).recordRoutes(await real()));
 *   vi.mock('@/lib/actions/define-api-route', async (real) => (await import('../setup/action-definitions')).recordApiRoutes(await real()));
 * The wrappers themselves still run unchanged: only their definitions are noted on the way.
 */

export type ActionScope = 'public' | 'user' | 'admin' | 'project' | 'signIn';

export interface ActionDefinition {
  scope: ActionScope;
  name: string;
  input: z.ZodType;
  permission?: string;
  /** A read behind a POST (a preview): accepted calls write nothing at all. */
  readOnly?: boolean;
}

export interface RouteDefinition {
  name: string;
  /** Absent for public routes (no session, no project). */
  permission?: string;
  /** The query string's schema, or for an upload the form fields' schema (the file aside). */
  query: z.ZodType;
  /** A multipart POST that stores a file (projectUploadRoute): an accepted call writes, a refused one must not. */
  upload?: boolean;
  /**
   * A `/api/v1` route (define-api-route.ts): called with a project API token instead of a session, the scope it
   * needs; `query` is then its query string's schema (GET, or a POST of files) or its JSON body's (POST).
   */
  token?: { scope: 'read' | 'write'; method: 'GET' | 'POST'; files?: boolean };
}

// Kept on globalThis: the mock factory and the suite may see two instances of this module.
const store = globalThis as unknown as {
  __passerelleActionDefinitions?: WeakMap<object, ActionDefinition>;
  __passerelleRouteDefinitions?: WeakMap<object, RouteDefinition>;
};
const actionDefinitions = (store.__passerelleActionDefinitions ??= new WeakMap());
const routeDefinitions = (store.__passerelleRouteDefinitions ??= new WeakMap());

type Builder = (def: { name: string; input: z.ZodType; permission?: string; readOnly?: true }) => object;

const ACTION_BUILDERS: Record<string, ActionScope> = {
  publicAction: 'public',
  userAction: 'user',
  adminAction: 'admin',
  projectAction: 'project',
  signInAction: 'signIn',
};

export function recordActions<M extends Record<string, unknown>>(real: M): M {
  const wrapped: Record<string, unknown> = { ...real };
  for (const [exportName, scope] of Object.entries(ACTION_BUILDERS)) {
    const build = real[exportName] as Builder | undefined;
    if (typeof build !== 'function') throw new Error(`define-action no longer exports ${exportName}`);
    wrapped[exportName] = (def: Parameters<Builder>[0]) => {
      const action = build(def);
      actionDefinitions.set(action, { scope, name: def.name, input: def.input, permission: def.permission, readOnly: def.readOnly === true });
      return action;
    };
  }
  return wrapped as M;
}

export function recordRoutes<M extends Record<string, unknown>>(real: M): M {
  const wrapped: Record<string, unknown> = { ...real };
  for (const exportName of ['projectRoute', 'publicRoute', 'projectUploadRoute']) {
    const build = real[exportName] as ((def: RouteDefinition & { fields?: z.ZodType }) => object) | undefined;
    if (typeof build !== 'function') throw new Error(`define-route no longer exports ${exportName}`);
    wrapped[exportName] = (def: RouteDefinition & { fields?: z.ZodType }) => {
      const route = build(def);
      const upload = exportName === 'projectUploadRoute';
      routeDefinitions.set(route, { name: def.name, permission: def.permission, query: upload ? def.fields! : def.query, upload });
      return route;
    };
  }
  return wrapped as M;
}

type ApiOperationLike = { name: string; scope: 'read' | 'write'; method: 'GET' | 'POST'; query?: z.ZodType; body?: z.ZodType; files?: object };

export function recordApiRoutes<M extends Record<string, unknown>>(real: M): M {
  const build = real.apiRoute as ((operation: ApiOperationLike, def: object) => object) | undefined;
  if (typeof build !== 'function') throw new Error('define-api-route no longer exports apiRoute');
  return {
    ...real,
    apiRoute: (operation: ApiOperationLike, def: object) => {
      const route = build(operation, def);
      const query = operation.body ?? operation.query;
      routeDefinitions.set(route, {
        name: operation.name,
        query: query ?? (z.object({}) as z.ZodType),
        token: { scope: operation.scope, method: operation.method, files: !!operation.files },
      });
      return route;
    },
  } as M;
}

export function actionDefinitionOf(action: unknown): ActionDefinition | undefined {
  return typeof action === 'function' ? actionDefinitions.get(action) : undefined;
}

export function routeDefinitionOf(handler: unknown): RouteDefinition | undefined {
  return typeof handler === 'function' ? routeDefinitions.get(handler) : undefined;
}
