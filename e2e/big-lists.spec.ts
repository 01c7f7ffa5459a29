import { expect, test, type Page } from '@playwright/test';
import frRequirements from '../messages/fr.requirements.json';
import { DEMO_PROJECT, DEMO_USERS, hydrated, signIn } from './helpers';

/**
 * Big lists stay small pages: the requirement tree opens chapters on demand, the flat list and searches come a page at
 * a time, and the matrix reads its rows as it scrolls. The suite's server lists 10 rows per page
 * (PASSERELLE_LIST_PAGE_ROWS), so the demo project's 25 requirements in 4 chapters already span several pages.
 */
const list = frRequirements.requirements.list;
const requirementsPath = `/projects/${DEMO_PROJECT.key}/requirements`;

const toggle = (page: Page, ref: string, open: boolean) =>
  page.getByRole('button', { name: new RegExp(`^${open ? 'Replier' : 'Déplier'} ${ref}\\b`) });

test.beforeEach(async ({ page }) => {
  await signIn(page, DEMO_USERS.viewer.email);
});

test('the requirement tree opens its chapters on demand, with the mouse and the keyboard', async ({ page }) => {
  await page.goto(requirementsPath);
  const tree = page.getByTestId('requirement-tree');
  await expect(tree.locator('tbody tr[data-depth="0"]')).toHaveCount(4);
  await expect(tree.locator('tbody tr[data-depth="1"]')).toHaveCount(0);
  await expect(page.getByTestId('requirement-count')).toHaveText('25 exigences');
  await hydrated(page);

  // A chapter's sub-requirements are read when it is opened, not before.
  const level = page.waitForResponse((r) => r.url().includes(`/api/projects/${DEMO_PROJECT.key}/requirements?parent=`));
  await toggle(page, 'EXF-1', false).click();
  expect((await level).status()).toBe(200);
  await expect(toggle(page, 'EXF-1', true)).toHaveAttribute('aria-expanded', 'true');
  const opened = tree.locator('tbody tr[data-depth="1"]');
  await expect(opened.first()).toBeVisible();
  const firstChapterChildren = await opened.count();
  expect(firstChapterChildren).toBeGreaterThan(0);
  await expect(opened.first().getByRole('link')).toHaveAttribute('href', /\/requirements\/EXF-\d+$/);

  // The right arrow opens, the left arrow closes, Enter toggles.
  const second = toggle(page, 'EXF-2', false);
  await second.focus();
  await page.keyboard.press('ArrowRight');
  await expect(toggle(page, 'EXF-2', true)).toBeFocused();
  await expect(toggle(page, 'EXF-2', true)).toHaveAttribute('aria-expanded', 'true');
  await expect(tree.locator('tbody tr[data-depth="1"]')).not.toHaveCount(firstChapterChildren);
  await page.keyboard.press('ArrowLeft');
  await expect(toggle(page, 'EXF-2', false)).toHaveAttribute('aria-expanded', 'false');
  await expect(tree.locator('tbody tr[data-depth="1"]')).toHaveCount(firstChapterChildren);
  await page.keyboard.press('Enter');
  await expect(toggle(page, 'EXF-2', true)).toHaveAttribute('aria-expanded', 'true');

  await page.getByRole('button', { name: list.collapseAll }).click();
  await expect(tree.locator('tbody tr[data-depth="1"]')).toHaveCount(0);
});

test('the flat list comes a page at a time', async ({ page }) => {
  await page.goto(`${requirementsPath}?view=flat`);
  const table = page.getByTestId('requirement-table');
  await expect(table.locator('tbody tr')).toHaveCount(10);
  await expect(table.getByTestId('requirement-EXF-1')).toBeVisible();
  const pages = page.getByRole('navigation', { name: list.pagination });
  await expect(pages).toContainText('Page 1 sur 3');
  await hydrated(page);
  await pages.getByRole('link', { name: list.next }).click();
  await expect(page).toHaveURL(/[?&]page=2\b/);
  await expect(pages).toContainText('Page 2 sur 3');
  await expect(table.getByTestId('requirement-EXF-11')).toBeVisible();
  await expect(table.getByTestId('requirement-EXF-1')).toHaveCount(0);
});

test('a search in the tree view lists the matches with the chapters they are filed under', async ({ page }) => {
  await page.goto(requirementsPath);
  await hydrated(page);
  await page.getByRole('searchbox').fill('bulletin');
  await page.getByRole('searchbox').press('Enter');
  await expect(page).toHaveURL(/[?&]q=bulletin\b/);
  const results = page.getByTestId('requirement-table');
  const match = results.getByRole('row').filter({ hasText: 'Calcul du bulletin mensuel' });
  await expect(match).toHaveCount(1);
  // Filed under the "Calcul de la paie" chapter, EXF-1: its path says so and leads there.
  const path = match.locator('[data-testid^="requirement-path-"]');
  await expect(path).toContainText('EXF-1');
  await expect(path.getByRole('link', { name: 'EXF-1', exact: true })).toHaveAttribute('href', `${requirementsPath}/EXF-1`);
  await expect(page.getByTestId('requirement-count')).toContainText('correspond');
});

test('the traceability matrix reads further rows as it scrolls, from the keyboard too', async ({ page }) => {
  const windows: string[] = [];
  page.on('response', (response) => {
    if (response.url().includes('/traceability/matrix?') && response.ok()) windows.push(new URL(response.url()).search);
  });
  const response = await page.goto(`/projects/${DEMO_PROJECT.key}/traceability`);
  const html = await response!.text();
  const matrix = page.getByTestId('traceability-matrix');
  // Every requirement is counted (and announced) though only the first window came with the page.
  await expect(matrix.getByRole('table')).toHaveAttribute('aria-rowcount', '26');
  await hydrated(page);

  await matrix.evaluate((element) => element.scrollTo({ top: element.scrollHeight / 2 }));
  await expect(matrix.getByTestId('matrix-row-EXF-13')).toBeVisible();

  await matrix.focus();
  await page.keyboard.press('End');
  await expect(matrix.getByTestId('matrix-row-EXF-25')).toBeVisible();
  await expect(matrix.locator('[data-pending="true"]')).toHaveCount(0);
  expect(windows.some((search) => /[?&]offset=20\b/.test(search))).toBe(true);
  // The page itself carried the first window only: the last requirement came from the GET route.
  const titleOf = (ref: string) =>
    matrix.getByRole('row').filter({ has: page.getByTestId(`matrix-row-${ref}`) }).locator('span[title]').getAttribute('title');
  expect(html).not.toContain((await titleOf('EXF-25'))!.slice(0, 12));
  await page.keyboard.press('Home');
  await expect(matrix.getByTestId('matrix-row-EXF-1')).toBeVisible();
  expect(html).toContain((await titleOf('EXF-1'))!.slice(0, 12));
});
