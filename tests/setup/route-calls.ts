import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { extractText, getDocumentProxy } from 'unpdf';
import { routeDefinitionOf, type RouteDefinition } from './action-definitions';
import { discoverApiRoutes, loadRouteModule, type RouteHandler } from './routes';
import { SMALL_REQIF } from './reqif-rows';
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
      if (!definition) throw new Error(`${file} ${method} is not built with lib/actions/define-route.ts or define-api-route.ts`);
      out.push({ file, method, handler, definition });
    }
  }
  return out;
}

/** Which pool an `[id]` segment draws from, by the folder it names (`attachments/[id]` → an attachment). */
const ID_POOLS: Record<string, keyof Fixture['pools']> = {
  attachments: 'attachment',
  'go-no-go': 'goNoGoRecord',
  'final-acceptance': 'finalAcceptance',
  approvals: 'campaignReport',
};

/** Which of the fixture's numbers a `[number]` segment names, by its folder (`campaigns/[number]` → a campaign). */
const NUMBER_PARAMS: Record<string, keyof Fixture['numbers']> = { campaigns: 'campaign', releases: 'release', reservations: 'liftedReservation' };

/** The route's path parameters (`[projectKey]`, `[id]`…) filled from the fixture (this project's first item), or overridden. */
function paramsOf(file: string, fixture: Fixture, overrides: Record<string, string>): Record<string, string> {
  const segments = [...file.matchAll(/([\w.-]+)\/\[(\w+)\]/g)].map((m) => ({ folder: m[1]!, name: m[2]! }));
  return Object.fromEntries(
    segments.map(({ folder, name }) => {
      const pool = ID_POOLS[folder];
      const numbered = NUMBER_PARAMS[folder];
      const fallback =
        name === 'projectKey' ? fixture.project.key : pool ? fixture.pools[pool][0]! : numbered && name === 'number' ? String(fixture.numbers[numbered]) : 'x';
      return [name, overrides[name] ?? fallback];
    }),
  );
}

/** The JUnit report every generated results push sends: one passed test whose name carries the ref CT-1. */
const PUSHED_JUNIT = '<testsuite name="ci" tests="1"><testcase classname="paie" name="CT-1 calcule le net" time="0.2"/></testsuite>';

/** A small text file every generated upload sends, so an accepted one really stores something. */
const UPLOADED_TEXT = 'Journal de test : étape 2 en échec.\n';

/** The file an upload route is sent: a plain text log by default, what the route reads where it reads a format. */
function uploadedFile(routeFile: string): File {
  if (routeFile.includes('/reqif/')) return new File([SMALL_REQIF], 'petit.reqif', { type: 'application/xml' });
  return new File([UPLOADED_TEXT], 'journal.log', { type: 'text/plain' });
}

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
  const token = route.definition.token;
  if (token) {
    // A `/api/v1` route: the project's own token of the scope it needs (the session plays no part); a POST sends the
    // input as its JSON body.
    const headers = new Headers({ authorization: `Bearer ${fixture.apiSecrets[token.scope]}` });
    if (token.files) {
      // A results push: its options in the query string, a small JUnit report naming this project's first test case.
      for (const [key, value] of entries) url.searchParams.append(key, value);
      headers.set('content-type', 'application/xml');
      request = new Request(url, { method: 'POST', headers, body: PUSHED_JUNIT });
    } else if (token.method === 'POST') {
      headers.set('content-type', 'application/json');
      request = new Request(url, { method: 'POST', headers, body: JSON.stringify(query ?? {}) });
    } else {
      for (const [key, value] of entries) url.searchParams.append(key, value);
      request = new Request(url, { headers });
    }
  } else if (route.definition.upload) {
    // Uploads take their fields as a multipart form, with one file beside them.
    const form = new FormData();
    form.append('file', uploadedFile(route.file));
    for (const [key, value] of entries) form.append(key, value);
    request = new Request(url, { method: route.method, body: form });
  } else {
    for (const [key, value] of entries) url.searchParams.append(key, value);
    request = new Request(url);
  }
  const response = await route.handler(request, { params: Promise.resolve(paramsOf(route.file, fixture, overrides)) });
  const contentType = response.headers.get('content-type') ?? '';
  const body =
    contentType === XLSX_TYPE
      ? await spreadsheetText(response)
      : contentType === ZIP_TYPE
        ? await archiveText(response)
        : contentType === PDF_TYPE
          ? await pdfText(response)
          : await response.text();
  return { status: response.status, contentType, body };
}

const ZIP_TYPE = 'application/zip';

/**
 * Keys of a project archive that hold the signed contents' own digests, shown on the pages with each signature: as
 * columns (`content_hash`), in journal payloads (`contentHash`) and in a go / no-go signature's content (`signed`).
 */
const SIGNED_DIGEST = /^(content_?hash|snapshot_?hash|sha256|hash|signed)$/i;

function withoutSignedDigests(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSignedDigests);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !SIGNED_DIGEST.test(k)).map(([k, v]) => [k, withoutSignedDigests(v)]));
}

/**
 * A project archive as the text of its manifest and rows (attachments are the project's own files): what the suites
 * check, not its deflated bytes, in which an e-mail or a digest would be found by chance.
 */
async function archiveText(response: Response): Promise<string> {
  const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
  const lines: string[] = [];
  for (const [name, bytes] of Object.entries(files)) {
    if (name.startsWith('attachments/')) continue;
    const text = new TextDecoder().decode(bytes);
    const values = name.endsWith('.ndjson') ? text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown) : [JSON.parse(text) as unknown];
    for (const v of values) lines.push(JSON.stringify(withoutSignedDigests(v)));
  }
  return lines.join('\n');
}

const PDF_TYPE = 'application/pdf';

/**
 * A PDF (a PV) as the text it shows, without the lines that are only a signed content's digest (the PV prints each
 * one, on a line of its own, so that anyone can verify it): its compressed streams, read as text, hold an
 * e-mail-looking run of bytes often enough to fail a check by chance.
 */
async function pdfText(response: Response): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(await response.arrayBuffer())), { mergePages: true });
  return text
    .split('\n')
    .filter((line) => !/^\s*[0-9a-f]{64}\s*$/i.test(line))
    .join('\n');
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
