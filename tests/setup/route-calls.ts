import ExcelJS from 'exceljs';
import { routeDefinitionOf, type RouteDefinition } from './action-definitions';
import { discoverApiRoutes, loadRouteModule, type RouteHandler } from './routes';
import type { Fixture } from './security-fixture';

/** Every route handler under app/api (Auth.js's aside), with the definition it was built from. */
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

/** Which pool an `[id]` segment draws from, by the folder it names (`attachments/[id]` → an attachment). */
const ID_POOLS: Record<string, keyof Fixture['pools']> = { attachments: 'attachment' };

/** The route's path parameters (`[projectKey]`, `[id]`…) filled from the fixture (this project's first item), or overridden. */
function paramsOf(file: string, fixture: Fixture, overrides: Record<string, string>): Record<string, string> {
  const segments = [...file.matchAll(/([\w-]+)\/\[(\w+)\]/g)].map((m) => ({ folder: m[1]!, name: m[2]! }));
  return Object.fromEntries(
    segments.map(({ folder, name }) => {
      const pool = ID_POOLS[folder];
      const fallback = name === 'projectKey' ? fixture.project.key : pool ? fixture.pools[pool][0]! : 'x';
      return [name, overrides[name] ?? fallback];
    }),
  );
}

/** A small text file every generated upload sends, so an accepted one really stores something. */
const UPLOADED_TEXT = 'Journal de test : étape 2 en échec.\n';

export async function callRoute(
  route: GeneratedRoute,
  fixture: Fixture,
  query: unknown,
  overrides: Record<string, string> = {},
): Promise<{ status: number; contentType: string; body: string }> {
  const url = new URL(`http://localhost/${route.file.replace(/^app\//, '').replace(/\/route\.\w+$/, '')}`);
  const entries: [string, string][] = [];
  if (query && typeof query === 'object') {
    for (const [key, value] of Object.entries(query)) {
      for (const one of Array.isArray(value) ? value : [value]) entries.push([key, typeof one === 'string' ? one : JSON.stringify(one) ?? '']);
    }
  }
  let request: Request;
  if (route.definition.upload) {
    // Uploads take their fields as a multipart form, with one file beside them.
    const form = new FormData();
    form.append('file', new File([UPLOADED_TEXT], 'journal.log', { type: 'text/plain' }));
    for (const [key, value] of entries) form.append(key, value);
    request = new Request(url, { method: route.method, body: form });
  } else {
    for (const [key, value] of entries) url.searchParams.append(key, value);
    request = new Request(url);
  }
  const response = await route.handler(request, { params: Promise.resolve(paramsOf(route.file, fixture, overrides)) });
  const contentType = response.headers.get('content-type') ?? '';
  return { status: response.status, contentType, body: contentType === XLSX_TYPE ? await spreadsheetText(response) : await response.text() };
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A spreadsheet download as the text of its cells, one row a line: what the suites check, not its zip bytes. */
async function spreadsheetText(response: Response): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await response.arrayBuffer());
  const lines: string[] = [];
  for (const sheet of book.worksheets) sheet.eachRow((row) => lines.push((row.values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString() : String(v ?? ''))).join('\t')));
  return lines.join('\n');
}
