import { beforeAll, describe, expect, test } from 'vitest';
import { getDb } from '@/db/client';
import { listRequirementAncestors } from '@/db/queries/requirement-pages';
import { listRequirements } from '@/db/queries/requirements';
import { listSuspectLinks } from '@/db/queries/trace-links';
import { listTraceabilityMatrix } from '@/db/queries/traceability-pages';
import { actAs, createProjectWithMembers, type TestProject, type TestUser } from '../setup/actors';
import { loadRouteModule, type RouteHandler } from '../setup/routes';
import { createLink, createRequirementRow, createSpecificationRow, type RequirementRow } from '../setup/trace-items';

/**
 * The reads that let big lists stay small pages: one level of the requirement tree at a time, windows of the
 * traceability matrix and pages of suspect links, each with its total in the same statement; and the two GET routes
 * the browser reads them through.
 */
const TREE_ROUTE = 'app/api/projects/[projectKey]/requirements/route.ts';
const MATRIX_ROUTE = 'app/api/projects/[projectKey]/traceability/matrix/route.ts';

let project: TestProject;
let other: TestProject;
let viewer: TestUser;
let outsider: TestUser;
let chapter: RequirementRow;
let section: RequirementRow;
let leaves: RequirementRow[];
let foreignChapter: RequirementRow;
let tree: RouteHandler;
let matrix: RouteHandler;

beforeAll(async () => {
  const here = await createProjectWithMembers();
  const elsewhere = await createProjectWithMembers();
  project = here.project;
  viewer = here.members.viewer;
  other = elsewhere.project;
  outsider = elsewhere.members.owner;

  chapter = await createRequirementRow(project, { title: 'Chapitre paie' });
  section = await createRequirementRow(project, { title: 'Section bulletins', parentId: chapter.id });
  leaves = [];
  for (let i = 0; i < 5; i += 1) {
    leaves.push(await createRequirementRow(project, { title: `Exigence feuille ${i}`, parentId: section.id, version: 2 }));
  }
  await createRequirementRow(project, { title: 'Chapitre sécurité' });
  // Two links per leaf, one of them suspect (reviewed against version 1 of a version-2 requirement).
  for (const leaf of leaves) {
    const approved = await createSpecificationRow(project, { status: 'approved' });
    const draft = await createSpecificationRow(project);
    await createLink(project, leaf, approved, { reviewedVersion: 2 });
    await createLink(project, leaf, draft, { reviewedVersion: 1 });
  }
  foreignChapter = await createRequirementRow(other, { title: 'Chapitre secret' });
  await createRequirementRow(other, { title: 'Exigence secrète', parentId: foreignChapter.id });

  tree = (await loadRouteModule(TREE_ROUTE)).GET!;
  matrix = (await loadRouteModule(MATRIX_ROUTE)).GET!;
});

function call(handler: RouteHandler, projectKey: string, route: string, query: string) {
  const urlPath = route.replace(/^app/, '').replace(/\/route\.ts$/, '').replace('[projectKey]', projectKey);
  return handler(new Request(`http://localhost${urlPath}?${query}`), { params: Promise.resolve({ projectKey }) });
}

describe('the requirement tree, one level at a time', () => {
  test('the top level holds only requirements filed under nothing, each with its number of children', async () => {
    const { rows, total } = await listRequirements(getDb(), project.id, { parentId: null });
    expect(rows.map((r) => [r.title, r.childCount])).toEqual([
      ['Chapitre paie', 1],
      ['Chapitre sécurité', 0],
    ]);
    expect(total).toBe(2);
  });

  test('a chapter lists its direct children only, with their coverage, page by page', async () => {
    const { rows } = await listRequirements(getDb(), project.id, { parentId: section.id });
    expect(rows.map((r) => r.id)).toEqual(leaves.map((l) => l.id));
    expect(rows.every((r) => r.coverage === 'suspect' && r.suspectCount === 1 && r.childCount === 0)).toBe(true);
    const second = await listRequirements(getDb(), project.id, { parentId: section.id, page: 2, pageSize: 2 });
    expect(second.rows.map((r) => r.id)).toEqual([leaves[2]!.id, leaves[3]!.id]);
    expect(second.total).toBe(5);
  });

  test('the route answers a viewer with the level and nothing more than the rows show', async () => {
    await actAs(viewer);
    const response = await call(tree, project.key, TREE_ROUTE, `parent=${chapter.id}`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ total: 1, page: 1, pageSize: 100 });
    expect(body.rows).toEqual([
      {
        id: section.id,
        number: section.number,
        parentId: chapter.id,
        title: 'Section bulletins',
        priority: 'must',
        status: 'draft',
        tags: [],
        coverage: 'uncovered',
        suspectCount: 0,
        childCount: 5,
      },
    ]);
    expect(await (await call(tree, project.key, TREE_ROUTE, '')).json()).toMatchObject({ total: 2 });
  });

  test("a chapter of another project is not found (like an unknown id), and a non-member gets 404 for the project's tree", async () => {
    await actAs(viewer);
    const foreign = await call(tree, project.key, TREE_ROUTE, `parent=${foreignChapter.id}`);
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toEqual({ code: 'not_found', message: expect.any(String) });
    await actAs(outsider);
    const refused = await call(tree, project.key, TREE_ROUTE, `parent=${chapter.id}`);
    expect(refused.status).toBe(404);
    expect(await refused.text()).not.toContain('Section bulletins');
  });

  test('a parent that is not an id is refused as invalid', async () => {
    await actAs(viewer);
    const response = await call(tree, project.key, TREE_ROUTE, 'parent=1%20or%201=1');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'invalid', fieldErrors: { parent: [expect.any(String)] } });
  });

  test('search results get their chapters, outermost first, in one read for the whole page', async () => {
    const ancestors = await listRequirementAncestors(getDb(), project.id, [section.id, section.id]);
    expect(new Map(ancestors.map((a) => [a.id, a.parentId]))).toEqual(new Map([[section.id, chapter.id], [chapter.id, null]]));
    // Never a chapter of another project, even when asked for one.
    expect(await listRequirementAncestors(getDb(), project.id, [foreignChapter.id])).toEqual([]);
    expect(await listRequirementAncestors(getDb(), project.id, [])).toEqual([]);
  });
});

describe('windows of the traceability matrix', () => {
  test('a window holds its rows in ref order, and the total counts every matching row', async () => {
    const all = await listTraceabilityMatrix(getDb(), project.id);
    expect(all.total).toBe(8);
    const window = await listTraceabilityMatrix(getDb(), project.id, {}, { offset: 3, limit: 2 });
    expect(window.total).toBe(8);
    expect(window.rows).toEqual(all.rows.slice(3, 5));
    // A search picks its window among the matching requirements, and counts them all.
    const searched = await listTraceabilityMatrix(getDb(), project.id, { q: 'feuille' }, { offset: 1, limit: 2 });
    expect(searched.total).toBe(5);
    expect(searched.rows.map((r) => r.number)).toEqual([leaves[1]!.number, leaves[2]!.number]);
    expect(searched.rows[0]!.specifications).toHaveLength(2);
    expect(await listTraceabilityMatrix(getDb(), project.id, { q: 'feuille' }, { offset: 10, limit: 2 })).toEqual({ rows: [], total: 0 });
    const suspect = await listTraceabilityMatrix(getDb(), project.id, { coverage: 'suspect' }, { offset: 0, limit: 2 });
    expect(suspect.total).toBe(5);
    expect(suspect.rows.map((r) => r.number)).toEqual([leaves[0]!.number, leaves[1]!.number]);
  });

  test('the route serves a window with the same filters to a viewer, 404 to a non-member', async () => {
    await actAs(viewer);
    const response = await call(matrix, project.key, MATRIX_ROUTE, 'coverage=suspect&offset=4&limit=10');
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.total).toBe(5);
    expect(body.rows.map((r: { number: number }) => r.number)).toEqual([leaves[4]!.number]);
    expect(body.rows[0].specifications).toHaveLength(2);
    expect((await call(matrix, project.key, MATRIX_ROUTE, 'limit=1000')).status).toBe(400);
    await actAs(outsider);
    expect((await call(matrix, project.key, MATRIX_ROUTE, 'offset=0')).status).toBe(404);
  });
});

describe('pages of suspect links', () => {
  test('consecutive pages cover every suspect link once, each row telling the total', async () => {
    const all = await listSuspectLinks(getDb(), project.id);
    expect(all).toHaveLength(5);
    const pages = [0, 2, 4].map((offset) => listSuspectLinks(getDb(), project.id, { offset, limit: 2 }));
    const seen = (await Promise.all(pages)).flat();
    expect(seen.map((l) => l.linkId)).toEqual(all.map((l) => l.linkId));
    expect(seen.every((l) => l.total === 5)).toBe(true);
  });
});
