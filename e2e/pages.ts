import fs from 'node:fs';
import path from 'node:path';
import { expect, type Browser, type Page } from '@playwright/test';
import frReadiness from '../messages/fr.readiness.json';
import { DEMO_PROJECT, DEMO_USERS, fr, hydrated, setupLinkPath, signedInContext, unique, uniqueEmail, type Role } from './helpers';

/**
 * Every page of the app, with an example URL on the demo project and the person who opens it: the accessibility
 * suite (e2e/accessibility.spec.ts) visits each row, and checks that every `page.tsx` and `not-found.tsx` under
 * app/ has at least one row, so a page added later fails the suite until it is listed here.
 *
 * To add a page: one row with its route as written under app/ (route groups left out, dynamic segments kept, e.g.
 * `/projects/[projectKey]/campaigns/[number]`), a URL (or a function finding one in the demo data) and who opens it.
 * Mark `phone: true` when the MOA uses it (it is then also checked on a phone-sized viewport).
 */
export type Visitor = Role | 'anonymous';

export type PageVisit = {
  route: string;
  url: string | ((context: { page: Page; browser: Browser }) => Promise<string>);
  as: Visitor;
  /** Tells apart several rows of one route (a view, a tab). */
  label?: string;
  /** One of the MOA's reading and signing pages: also checked at 390 × 844, without horizontal page scroll. */
  phone?: boolean;
};

/** The route of app/not-found.tsx (no URL of its own: any unknown address shows it). */
export const NOT_FOUND_ROUTE = '(not-found)';

const p = `/projects/${DEMO_PROJECT.key}`;

/** The first "review this link" address on the "À revoir" page: the demo data has suspect links. */
async function firstSuspectLink({ page }: { page: Page }): Promise<string> {
  await page.goto(`${p}/traceability/review`);
  const link = page.locator(`a[href^="${p}/traceability/review/"]`).first();
  await expect(link, 'the demo project has a suspect link to review').toBeVisible();
  return (await link.getAttribute('href'))!;
}

/** The history page of the first item of the demo's campaign 1, from the runner's link to it. */
async function firstItemHistory({ page }: { page: Page }): Promise<string> {
  await page.goto(`${p}/campaigns/1/run`);
  const link = page.locator(`a[href^="${p}/campaigns/1/items/"]`).first();
  await expect(link, 'the runner links to the item history').toBeVisible();
  return (await link.getAttribute('href'))!;
}

/** The first anomaly of the demo project's list: the demo has anomalies of every severity and state. */
async function firstAnomaly({ page }: { page: Page }): Promise<string> {
  await page.goto(`${p}/anomalies`);
  const link = page.locator(`a[href^="${p}/anomalies/ANO-"]`).first();
  await expect(link, 'the demo project has an anomaly').toBeVisible();
  return (await link.getAttribute('href'))!;
}

let recordedGoNoGo: string | undefined;

/**
 * A go / no-go record's address. The demo's release still has a campaign running, so none can be recorded on it:
 * the AMOE records one (once per run) on a new release over the demo's closed campaign 3.
 */
async function goNoGoRecord({ browser }: { browser: Browser }): Promise<string> {
  if (recordedGoNoGo) return recordedGoNoGo;
  const amoe = await signedInContext(browser, DEMO_USERS.amoe.email);
  await amoe.page.goto(`${p}/readiness/new`);
  await hydrated(amoe.page);
  await amoe.page.getByLabel(frReadiness.readiness.fields.name).fill(`Version a11y ${unique()}`);
  await amoe.page.getByRole('checkbox', { name: /^3\. / }).check();
  await amoe.page.getByRole('button', { name: frReadiness.readiness.form.create }).click();
  await amoe.page.waitForURL(new RegExp(`${p}/readiness/\\d+$`));
  await hydrated(amoe.page);
  await amoe.page.getByRole('checkbox', { name: new RegExp(DEMO_USERS.moa.name) }).check();
  await amoe.page.getByRole('button', { name: frReadiness.readiness.goNoGo.record }).click();
  await amoe.page.waitForURL(/\/go-no-go\/[0-9a-f-]{36}$/);
  recordedGoNoGo = new URL(amoe.page.url()).pathname;
  await amoe.context.close();
  return recordedGoNoGo;
}

/** A fresh one-time set-password link, made by the instance administrator. */
async function freshSetupLink({ browser }: { browser: Browser }): Promise<string> {
  const admin = await signedInContext(browser, DEMO_USERS.owner.email);
  await admin.page.goto('/admin/users');
  await hydrated(admin.page);
  await admin.page.getByLabel(fr.admin.name).fill(`Compte a11y ${unique()}`);
  await admin.page.getByLabel(fr.admin.email).fill(uniqueEmail('a11y'));
  await admin.page.getByRole('button', { name: fr.admin.createSubmit }).click();
  const link = await setupLinkPath(admin.page);
  await admin.context.close();
  return link;
}

export const PAGES: PageVisit[] = [
  { route: '/', url: '/', as: 'anonymous', label: 'redirects to sign-in' },
  { route: '/login', url: '/login', as: 'anonymous' },
  { route: '/set-password/[token]', url: freshSetupLink, as: 'anonymous' },
  { route: '/set-password/[token]', url: '/set-password/not-a-valid-token', as: 'anonymous', label: 'invalid link' },
  { route: '/projects', url: '/projects', as: 'moa', phone: true },
  { route: '/projects/new', url: '/projects/new', as: 'owner' },
  { route: '/projects/import', url: '/projects/import', as: 'owner' },
  { route: '/profile', url: '/profile', as: 'moa', phone: true },
  { route: '/notifications', url: '/notifications', as: 'moa', phone: true },
  { route: '/admin/users', url: '/admin/users', as: 'owner' },
  { route: '/projects/[projectKey]', url: p, as: 'moa', phone: true },
  { route: '/projects/[projectKey]/requirements', url: `${p}/requirements`, as: 'moa', label: 'tree', phone: true },
  { route: '/projects/[projectKey]/requirements', url: `${p}/requirements?view=flat`, as: 'moa', label: 'flat', phone: true },
  { route: '/projects/[projectKey]/requirements/new', url: `${p}/requirements/new`, as: 'amoa' },
  { route: '/projects/[projectKey]/requirements/reqif', url: `${p}/requirements/reqif`, as: 'amoe' },
  { route: '/projects/[projectKey]/requirements/reqif', url: `${p}/requirements/reqif`, as: 'viewer', label: 'read only' },
  { route: '/projects/[projectKey]/requirements/[ref]', url: `${p}/requirements/EXF-1`, as: 'moa', phone: true },
  { route: '/projects/[projectKey]/requirements/[ref]/edit', url: `${p}/requirements/EXF-1/edit`, as: 'amoa' },
  { route: '/projects/[projectKey]/requirements/[ref]/history', url: `${p}/requirements/EXF-1/history`, as: 'moa', phone: true },
  { route: '/projects/[projectKey]/specifications', url: `${p}/specifications`, as: 'moa', phone: true },
  { route: '/projects/[projectKey]/specifications/new', url: `${p}/specifications/new`, as: 'amoe' },
  { route: '/projects/[projectKey]/specifications/[ref]', url: `${p}/specifications/STD-1`, as: 'moa', phone: true },
  { route: '/projects/[projectKey]/specifications/[ref]', url: `${p}/specifications/STD-1`, as: 'amoe', label: 'as its author' },
  { route: '/projects/[projectKey]/specifications/[ref]/edit', url: `${p}/specifications/STD-1/edit`, as: 'amoe' },
  { route: '/projects/[projectKey]/specifications/[ref]/history', url: `${p}/specifications/STD-1/history`, as: 'moa', phone: true },
  { route: '/projects/[projectKey]/traceability', url: `${p}/traceability`, as: 'moa', label: 'matrix', phone: true },
  ...(['uncovered', 'orphans', 'suspect', 'untestedRequirements', 'untestedSpecifications'] as const).map(
    (view): PageVisit => ({ route: '/projects/[projectKey]/traceability', url: `${p}/traceability?view=${view}`, as: 'moa', label: view, phone: view === 'suspect' }),
  ),
  { route: '/projects/[projectKey]/traceability/review', url: `${p}/traceability/review`, as: 'moa', phone: true },
  { route: '/projects/[projectKey]/traceability/review/[linkId]', url: firstSuspectLink, as: 'moa', phone: true },
  { route: '/projects/[projectKey]/traceability/review/[linkId]', url: firstSuspectLink, as: 'amoa', label: 'as a reviewer' },
  { route: '/projects/[projectKey]/test-cases', url: `${p}/test-cases`, as: 'moa', phone: true },
  { route: '/projects/[projectKey]/test-cases/new', url: `${p}/test-cases/new`, as: 'amoe' },
  { route: '/projects/[projectKey]/test-cases/[ref]', url: `${p}/test-cases/CT-11`, as: 'moa', phone: true },
  { route: '/projects/[projectKey]/test-cases/[ref]/edit', url: `${p}/test-cases/CT-11/edit`, as: 'amoe' },
  { route: '/projects/[projectKey]/test-cases/[ref]/history', url: `${p}/test-cases/CT-11/history`, as: 'moa' },
  { route: '/projects/[projectKey]/campaigns', url: `${p}/campaigns`, as: 'moa', phone: true },
  { route: '/projects/[projectKey]/campaigns/new', url: `${p}/campaigns/new`, as: 'amoe' },
  { route: '/projects/[projectKey]/campaigns/[number]', url: `${p}/campaigns/1`, as: 'moa', phone: true },
  // The running campaign, with anomalies and verified requirements: their tables must scroll inside their cards.
  { route: '/projects/[projectKey]/campaigns/[number]', url: `${p}/campaigns/4`, as: 'moa', label: 'running, with anomalies', phone: true },
  { route: '/projects/[projectKey]/campaigns/[number]', url: `${p}/campaigns/3`, as: 'amoe', label: 'closed, its report put to approval' },
  { route: '/projects/[projectKey]/campaigns/[number]/edit', url: `${p}/campaigns/1/edit`, as: 'amoe' },
  { route: '/projects/[projectKey]/campaigns/[number]/results', url: `${p}/campaigns/1/results`, as: 'amoe' },
  { route: '/projects/[projectKey]/campaigns/[number]/run', url: `${p}/campaigns/1/run`, as: 'amoe' },
  { route: '/projects/[projectKey]/campaigns/[number]/run', url: `${p}/campaigns/1/run`, as: 'moa', label: 'as a tester from the client', phone: true },
  // The running non-régression campaign opens on the MOA's run in progress, whose duration ticks in the browser.
  { route: '/projects/[projectKey]/campaigns/[number]/run', url: `${p}/campaigns/4/run`, as: 'moa', label: 'a run in progress' },
  { route: '/projects/[projectKey]/campaigns/[number]/items/[itemId]', url: firstItemHistory, as: 'moa', phone: true },
  { route: '/projects/[projectKey]/anomalies', url: `${p}/anomalies`, as: 'moa', phone: true },
  { route: '/projects/[projectKey]/anomalies/new', url: `${p}/anomalies/new`, as: 'moa', phone: true },
  { route: '/projects/[projectKey]/anomalies/[ref]', url: firstAnomaly, as: 'moa', phone: true },
  { route: '/projects/[projectKey]/anomalies/[ref]/edit', url: async (c) => `${await firstAnomaly(c)}/edit`, as: 'amoe' },
  { route: '/projects/[projectKey]/imports/requirements', url: `${p}/imports/requirements`, as: 'amoa' },
  { route: '/projects/[projectKey]/imports/requirements', url: `${p}/imports/requirements`, as: 'viewer', label: 'read only' },
  { route: '/projects/[projectKey]/imports/test-cases', url: `${p}/imports/test-cases`, as: 'amoe' },
  { route: '/projects/[projectKey]/approvals', url: `${p}/approvals`, as: 'moa', phone: true },
  { route: '/projects/[projectKey]/approvals', url: `${p}/approvals?reservations=overdue`, as: 'moa', label: 'overdue reservations only', phone: true },
  // The demo's request 2 is pending in the MOA's inbox (a redline against the approved baseline 1), request 1 approved with a reservation.
  { route: '/projects/[projectKey]/approvals/[number]', url: `${p}/approvals/2`, as: 'moa', phone: true },
  { route: '/projects/[projectKey]/approvals/[number]', url: `${p}/approvals/1`, as: 'moa', label: 'decided, with its reservation', phone: true },
  { route: '/projects/[projectKey]/approvals/[number]', url: `${p}/approvals/3`, as: 'moa', label: 'a closed campaign’s report', phone: true },
  { route: '/projects/[projectKey]/approvals/baselines', url: `${p}/approvals/baselines?from=1&to=2`, as: 'moa', phone: true },
  { route: '/projects/[projectKey]/approvals/baselines', url: `${p}/approvals/baselines`, as: 'amoe', label: 'with the form to freeze one' },
  { route: '/projects/[projectKey]/approvals/baselines/[number]', url: `${p}/approvals/baselines/2`, as: 'moa', phone: true },
  { route: '/projects/[projectKey]/approvals/raci', url: `${p}/approvals/raci`, as: 'owner' },
  { route: '/projects/[projectKey]/approvals/raci', url: `${p}/approvals/raci`, as: 'moa', label: 'read only', phone: true },
  { route: '/projects/[projectKey]/readiness', url: `${p}/readiness`, as: 'moa', phone: true },
  { route: '/projects/[projectKey]/readiness', url: `${p}/readiness`, as: 'owner', label: 'with the thresholds form' },
  { route: '/projects/[projectKey]/readiness/new', url: `${p}/readiness/new`, as: 'amoe' },
  { route: '/projects/[projectKey]/readiness/[number]', url: `${p}/readiness/1`, as: 'moa', phone: true },
  { route: '/projects/[projectKey]/readiness/[number]', url: `${p}/readiness/1`, as: 'amoe', label: 'with the checklist editor' },
  { route: '/projects/[projectKey]/readiness/[number]/edit', url: `${p}/readiness/1/edit`, as: 'amoe' },
  { route: '/projects/[projectKey]/readiness/[number]/go-no-go/[recordId]', url: goNoGoRecord, as: 'moa', phone: true },
  // The demo's release 2 is in production, its VSR over: the MOA is asked for the recette définitive.
  { route: '/projects/[projectKey]/readiness/[number]/go-live', url: `${p}/readiness/2/go-live`, as: 'moa', phone: true },
  { route: '/projects/[projectKey]/readiness/[number]/go-live', url: `${p}/readiness/1/go-live`, as: 'amoe', label: 'before a signed GO' },
  { route: '/projects/[projectKey]/audit', url: `${p}/audit`, as: 'moa', phone: true },
  { route: '/projects/[projectKey]/settings', url: `${p}/settings`, as: 'owner' },
  { route: '/projects/[projectKey]/settings', url: `${p}/settings`, as: 'moa', label: 'read only', phone: true },
  { route: '/projects/[projectKey]/settings/api', url: `${p}/settings/api`, as: 'owner' },
  { route: '/api-docs', url: '/api-docs', as: 'amoe' },
  { route: NOT_FOUND_ROUTE, url: `${p}/requirements/EXF-99999`, as: 'moa', label: 'in a project', phone: true },
  { route: NOT_FOUND_ROUTE, url: '/nowhere', as: 'anonymous', label: 'signed out' },
];

/** The URLs checked once more in English (a sample: the shell, a list, a detail, a form, the matrix). */
export const ENGLISH_SAMPLE = new Set([
  '/login',
  '/projects',
  p,
  `${p}/requirements`,
  `${p}/specifications/STD-1`,
  `${p}/traceability`,
  `${p}/test-cases/new`,
  `${p}/campaigns/1`,
  `${p}/anomalies`,
  `${p}/settings`,
]);

/** Every page of app/ (page.tsx, and not-found.tsx as NOT_FOUND_ROUTE), as a route with its dynamic segments. */
export function appRoutes(): string[] {
  const root = path.join(process.cwd(), 'app');
  const routes = new Set<string>();
  for (const rel of fs.readdirSync(root, { recursive: true }) as string[]) {
    const file = path.basename(rel);
    if (file === 'not-found.tsx') routes.add(NOT_FOUND_ROUTE);
    if (file !== 'page.tsx') continue;
    const segments = path
      .dirname(rel)
      .split(path.sep)
      .filter((s) => s !== '.' && !/^\(.*\)$/.test(s));
    routes.add(`/${segments.join('/')}`);
  }
  return [...routes].sort();
}

export function visitName(visit: PageVisit): string {
  return `${visit.route}${visit.label ? ` (${visit.label})` : ''} as ${visit.as}`;
}
