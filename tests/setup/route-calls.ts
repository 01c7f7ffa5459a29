import { routeDefinitionOf, type RouteDefinition } from './action-definitions';
import { discoverApiRoutes, loadRouteModule, type RouteHandler } from './routes';
import type { Fixture } from './security-fixture';

/** Every GET route handler under app/api (Auth.js's aside), with the definition it was built from. */
export interface GeneratedRoute {
  file: string;
  method: string;
  handler: RouteHandler;
  definition: RouteDefinition;
}

export async function generatedRoutes(): Promise<GeneratedRoute[]> {
  const out: GeneratedRoute[] = [];
  for (const file of discoverApiRoutes()) {
    for (const [method, handler] of Object.entries(await loadRouteModule(file))) {
      const definition = routeDefinitionOf(handler);
      if (!definition) throw new Error(`${file} ${method} is not built with lib/actions/define-route.ts`);
      out.push({ file, method, handler, definition });
    }
  }
  return out;
}

/** The route's path parameters (`[projectKey]`, …) filled from the fixture, or overridden. */
function paramsOf(file: string, fixture: Fixture, overrides: Record<string, string>): Record<string, string> {
  const names = [...file.matchAll(/\[(\w+)\]/g)].map((m) => m[1]!);
  return Object.fromEntries(names.map((name) => [name, overrides[name] ?? (name === 'projectKey' ? fixture.project.key : 'x')]));
}

export async function callRoute(
  route: GeneratedRoute,
  fixture: Fixture,
  query: unknown,
  overrides: Record<string, string> = {},
): Promise<{ status: number; contentType: string; body: string }> {
  const url = new URL(`http://localhost/${route.file.replace(/^app\//, '').replace(/\/route\.\w+$/, '')}`);
  if (query && typeof query === 'object') {
    for (const [key, value] of Object.entries(query)) {
      for (const one of Array.isArray(value) ? value : [value]) url.searchParams.append(key, typeof one === 'string' ? one : JSON.stringify(one) ?? '');
    }
  }
  const response = await route.handler(new Request(url), { params: Promise.resolve(paramsOf(route.file, fixture, overrides)) });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: await response.text() };
}
