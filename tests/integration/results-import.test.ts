import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { and, eq, sql } from 'drizzle-orm';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import * as resultActions from '@/app/(app)/projects/[projectKey]/campaigns/[number]/results/actions';
import { getDb } from '@/db/client';
import { importResults } from '@/db/queries/results-import';
import { campaignItems, campaigns, executions, testCases } from '@/db/schema';
import { actAs, createProjectWithMembers } from '../setup/actors';
import { auditRowsSince, maxAuditId, queryRows, snapshotTables } from '../setup/db-state';
import { createCampaignRow, createItemRow } from '../setup/recette-rows';
import { loose } from '../setup/server-actions';
import { sharedFixture } from '../setup/shared-fixtures';
import { createTestCaseRow } from '../setup/trace-items';

const preview = loose(resultActions.previewCampaignResults);
const importFiles = loose(resultActions.importCampaignResults);

type Result = { ok: boolean; data?: Record<string, unknown>; code?: string; message?: string; details?: { file: string; detail: string } };

/**
 * A one-member zip whose member inflates to `size` zero bytes, written by hand around node's native deflate (fast
 * even for 100 MB+): local header, data, central directory, end record. The CRC is left at 0, as a forged archive
 * would have it; the importer must stop at its byte limit long before any check at the end.
 */
function zipBomb(name: string, size: number): Uint8Array<ArrayBuffer> {
  const data = deflateRawSync(Buffer.alloc(size), { level: 9 });
  const fileName = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(fileName.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + fileName.length, 12);
  end.writeUInt32LE(30 + fileName.length + data.length, 16);
  return new Uint8Array(Buffer.concat([local, fileName, data, central, fileName, end])) as Uint8Array<ArrayBuffer>;
}

const xmlFile = (name: string, text: string) => new File([text], name, { type: 'application/xml' });
const fixtureFile = (name: string) => new File([readFileSync(sharedFixture('junit', name))], name);

const JUNIT = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites>
  <testsuite name="paie" tests="99">
    <testcase classname="paie.Bulletin" name="calcule le net" time="0.5"/>
    <testcase classname="paie.Bulletin" name="arrondit au centime" time="0.25"><failure message="attendu 2345.67">AssertionError: 2345.66</failure><system-out>trace 🙂</system-out></testcase>
    <testcase classname="paie.Export" name="exporte en CSV (CT-REF)" time="1"/>
    <testcase classname="paie.Steps" name="étape 1"><properties><property name="test_case" value="CT-STEP"/><property name="step" value="1"/></properties></testcase>
    <testcase classname="paie.Steps" name="étape 2"><properties><property name="test_case" value="CT-STEP"/><property name="step" value="2"/></properties><failure message="ko"/></testcase>
    <testcase classname="paie.Skip" name="ignoré"><skipped/></testcase>
    <testcase classname="paie.Nouveau" name="nouveau test"/>
    <testcase classname="paie.Orphelin" name="vise CT-99999"/>
  </testsuite>
</testsuites>`;

async function setUp(options: { status?: 'planned' | 'in_progress' | 'closed' } = {}) {
  const { project, members } = await createProjectWithMembers();
  const db = getDb();
  const byKey = await createTestCaseRow(project, { title: 'Net du bulletin', steps: [{ action: 'Calculer', expected: 'Net juste' }] });
  await db.update(testCases).set({ automated: true, automationKey: 'paie.Bulletin.calcule le net' }).where(eq(testCases.id, byKey.id));
  const byName = await createTestCaseRow(project, { title: 'Arrondi' });
  await db.update(testCases).set({ automated: true, automationKey: 'arrondit au centime' }).where(eq(testCases.id, byName.id));
  const byRef = await createTestCaseRow(project, { title: 'Export CSV' });
  const stepped = await createTestCaseRow(project, {
    title: 'Deux étapes',
    steps: [
      { action: 'Un', expected: 'Un' },
      { action: 'Deux', expected: 'Deux' },
    ],
  });
  const skipped = await createTestCaseRow(project, { title: 'Ignoré' });
  await db.update(testCases).set({ automated: true, automationKey: 'paie.Skip.ignoré' }).where(eq(testCases.id, skipped.id));
  const campaign = await createCampaignRow(project, { status: options.status ?? 'planned' });
  await createItemRow(campaign, project, byKey);
  const xml = JUNIT.replace('CT-REF', `CT-${byRef.number}`).replaceAll('CT-STEP', `CT-${stepped.number}`);
  return { project, members, campaign, byKey, byName, byRef, stepped, skipped, xml };
}

async function expectRefused(promise: Promise<unknown>, code: string, messagePart?: RegExp) {
  const result = (await promise) as Result;
  expect(result, JSON.stringify(result).slice(0, 500)).toMatchObject({ ok: false, code });
  if (messagePart) expect(result.message).toMatch(messagePart);
  return result;
}

describe('preview', () => {
  test('shows matched (key, name, ref in name or property), unmatched and proposed test cases, and writes nothing', async () => {
    const s = await setUp();
    await actAs(s.members.amoe);
    const before = await snapshotTables();
    const result = (await preview({ projectKey: s.project.key, campaignId: s.campaign.id, files: xmlFile('paie.xml', s.xml) })) as Result;
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const data = result.data as unknown as {
      matched: { ref: string; result: string; inScope: boolean }[];
      proposed: { automationKey: string }[];
      unmatched: { name: string }[];
      skipped: string[];
      files: { contradicts: boolean; cases: number }[];
      executions: { total: number };
    };
    expect(data.matched.map((m) => [m.ref, m.result, m.inScope]).sort()).toEqual(
      [
        [`CT-${s.byKey.number}`, 'passed', true],
        [`CT-${s.byName.number}`, 'failed', false],
        [`CT-${s.byRef.number}`, 'passed', false],
        [`CT-${s.stepped.number}`, 'failed', false],
      ].sort(),
    );
    expect(data.proposed.map((p) => p.automationKey)).toEqual(['paie.Nouveau.nouveau test']);
    expect(data.unmatched.map((u) => u.name)).toEqual(['vise CT-99999']);
    expect(data.skipped).toEqual([`CT-${s.skipped.number}`]);
    expect(data.files).toEqual([expect.objectContaining({ cases: 8, contradicts: true })]);
    expect(data.executions.total).toBe(5);
    expect(await snapshotTables()).toEqual(before);
  });

  test('a viewer and an AMOA cannot preview or import; a non-member gets not found', async () => {
    const s = await setUp();
    const input = { projectKey: s.project.key, campaignId: s.campaign.id, files: xmlFile('paie.xml', s.xml) };
    for (const role of ['viewer', 'amoa', 'moa'] as const) {
      await actAs(s.members[role]);
      await expectRefused(preview(input), 'forbidden');
      await expectRefused(importFiles(input), 'forbidden');
    }
    const other = await createProjectWithMembers();
    await actAs(other.members.owner);
    await expectRefused(importFiles(input), 'not_found');
  });
});

describe('import', () => {
  test('creates one execution per matched test case, per-step results, the proposed test cases, a journal row', async () => {
    const s = await setUp();
    await actAs(s.members.amoe);
    const since = await maxAuditId();
    const result = (await importFiles({
      projectKey: s.project.key,
      campaignId: s.campaign.id,
      files: xmlFile('paie.xml', s.xml),
      build: '2.0.1',
      environment: 'Préproduction',
      createProposed: 'on',
    })) as Result;
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true, data: { executions: 5, passed: 3, failed: 2, createdTestCases: 1, addedToScope: 4, campaignStarted: true } });
    const rows = await getDb().select().from(executions).where(eq(executions.campaignId, s.campaign.id));
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.source === 'junit' && r.build === '2.0.1' && r.environment === 'Préproduction' && r.finishedAt !== null)).toBe(true);
    const stepped = rows.find((r) => r.testCaseId === s.stepped.id)!;
    expect(stepped.stepResults.map((r) => r.status)).toEqual(['passed', 'failed']);
    expect(stepped).toMatchObject({ status: 'failed', derivedStatus: 'failed', overrideReason: null });
    const rounded = rows.find((r) => r.testCaseId === s.byName.id)!;
    expect(rounded).toMatchObject({ status: 'failed', derivedStatus: 'in_progress', overrideReason: 'Résultat importé de paie.xml' });
    expect(rounded.comment).toContain('AssertionError: 2345.66');
    expect(rounded.comment).toContain('trace 🙂');
    const byKey = rows.find((r) => r.testCaseId === s.byKey.id)!;
    expect(byKey).toMatchObject({ status: 'passed', derivedStatus: 'passed', durationMs: 500 });

    const [created] = await getDb().select().from(testCases).where(and(eq(testCases.projectId, s.project.id), eq(testCases.automationKey, 'paie.Nouveau.nouveau test')));
    expect(created).toMatchObject({ automated: true, title: 'nouveau test', folder: 'Automatisés/paie.Nouveau', version: 1 });
    expect(await queryRows(sql`select version from test_case_versions where test_case_id = ${created!.id}`)).toEqual([{ version: 1 }]);
    expect(await getDb().select().from(campaignItems).where(eq(campaignItems.campaignId, s.campaign.id))).toHaveLength(5);
    const [campaign] = await getDb().select().from(campaigns).where(eq(campaigns.id, s.campaign.id));
    expect(campaign!.status).toBe('in_progress');
    const audit = await auditRowsSince(since);
    expect(audit).toEqual([expect.objectContaining({ entity: 'campaign', entity_id: s.campaign.id, action: 'results_import', actor_id: s.members.amoe.id })]);
  });

  test('without createProposed, the cases nothing matched are left out', async () => {
    const s = await setUp();
    await actAs(s.members.owner);
    const result = (await importFiles({ projectKey: s.project.key, campaignId: s.campaign.id, files: [xmlFile('paie.xml', s.xml)] })) as Result;
    expect(result).toMatchObject({ ok: true, data: { executions: 4, createdTestCases: 0 } });
    expect(await getDb().select().from(testCases).where(and(eq(testCases.projectId, s.project.id), eq(testCases.automationKey, 'paie.Nouveau.nouveau test')))).toHaveLength(0);
  });

  test('several files and a zip together: three fixtures of the corpus import with their proposed test cases', async () => {
    const s = await setUp();
    await actAs(s.members.amoe);
    const zip = zipSync({
      'reports/gotestsum.xml': readFileSync(sharedFixture('junit', 'gotestsum_junitxml-report.golden.xml')),
      'reports/README.md': strToU8('not a report'),
    });
    const result = (await importFiles({
      projectKey: s.project.key,
      campaignId: s.campaign.id,
      files: [fixtureFile('surefire_junit4_TEST-StringUtilsTest.xml'), fixtureFile('handcrafted_multiresult_per_testcase.xml'), new File([zip], 'ci.zip')],
      createProposed: true,
    })) as Result;
    // surefire: 5 cases (1 skipped); handcrafted: 4 (1 skipped); gotestsum: 47 with 4 skipped, keys unique per package.
    expect(result, JSON.stringify(result).slice(0, 400)).toMatchObject({ ok: true, data: { executions: 4 + 3 + 43, failed: 2 + 2 + 5 } });
  });

  test('performance: a JMeter .jtl and a k6 summary fill the measured values, the status follows the thresholds', async () => {
    const { project, members } = await createProjectWithMembers();
    const db = getDb();
    const jmeterCase = await createTestCaseRow(project, { title: 'Simulation', type: 'performance', steps: [{ action: 'Injecter', expected: 'Mesuré' }] });
    await db
      .update(testCases)
      .set({ automationKey: 'simulation', criteria: [{ metric: 'Temps de réponse p95', unit: 's', threshold: 2, direction: 'at_most' }, { metric: 'Taux d’erreur', unit: '%', threshold: 1, direction: 'at_most' }] })
      .where(eq(testCases.id, jmeterCase.id));
    const k6Case = await createTestCaseRow(project, { title: 'API', type: 'performance', steps: [] });
    await db
      .update(testCases)
      .set({ automationKey: 'http_req_duration', criteria: [{ metric: 'p(95)', unit: 'ms', threshold: 500, direction: 'at_most' }, { metric: 'http_reqs débit', unit: 'req/s', threshold: 10, direction: 'at_least' }] })
      .where(eq(testCases.id, k6Case.id));
    const openCase = await createTestCaseRow(project, { title: 'Édition', type: 'performance', steps: [] });
    await db
      .update(testCases)
      .set({ automationKey: 'edition', criteria: [{ metric: 'Durée totale', unit: 'min', threshold: 60, direction: 'at_most' }, { metric: 'moyenne', unit: 'ms', threshold: 900, direction: 'at_most' }] })
      .where(eq(testCases.id, openCase.id));
    const campaign = await createCampaignRow(project, { status: 'in_progress' });
    for (const tc of [jmeterCase, k6Case, openCase]) await createItemRow(campaign, project, { id: tc.id, version: 1 });
    const jtl = [
      'timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,bytes',
      ...Array.from({ length: 100 }, (_, i) => `${1700000000000 + i * 100},${i < 95 ? 1000 : 2500},simulation,200,OK,"t 1-1",text,${i === 50 ? 'false' : 'true'},,100`),
      '1700000000000,800,edition,200,OK,t,text,true,,1',
    ].join('\n');
    const k6 = JSON.stringify({ metrics: { http_req_duration: { type: 'trend', contains: 'time', values: { avg: 300, med: 280, 'p(90)': 450, 'p(95)': 620, max: 900, min: 100 } }, http_reqs: { type: 'counter', values: { count: 900, rate: 15 } } } });
    await actAs(members.amoe);
    const result = (await importFiles({
      projectKey: project.key,
      campaignId: campaign.id,
      files: [new File([jtl], 'run.jtl'), new File([k6], 'summary.json')],
    })) as Result;
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true, data: { executions: 3, passed: 1, failed: 1, open: 1 } });
    const rows = await db.select().from(executions).where(eq(executions.campaignId, campaign.id));
    const jm = rows.find((r) => r.testCaseId === jmeterCase.id)!;
    expect(jm).toMatchObject({ source: 'performance_report', status: 'passed', measurements: [{ metric: 'Temps de réponse p95', value: 1 }, { metric: 'Taux d’erreur', value: 1 }] });
    const k = rows.find((r) => r.testCaseId === k6Case.id)!;
    expect(k).toMatchObject({ status: 'failed', measurements: [{ metric: 'p(95)', value: 620 }, { metric: 'http_reqs débit', value: 15 }] });
    const open = rows.find((r) => r.testCaseId === openCase.id)!;
    expect(open).toMatchObject({ status: 'in_progress', finishedAt: null, measurements: [{ metric: 'Durée totale', value: null }, { metric: 'moyenne', value: 800 }] });
  });

  test('performance: a JMeter XML .jtl (hand-written after the documented format) fills a test case by its label', async () => {
    const { project, members } = await createProjectWithMembers();
    const db = getDb();
    const search = await createTestCaseRow(project, { title: 'Recherche', type: 'performance', steps: [] });
    await db
      .update(testCases)
      .set({ automationKey: 'Recherche dossier', criteria: [{ metric: 'p95', unit: 's', threshold: 2, direction: 'at_most' }, { metric: 'Taux d’erreur', unit: '%', threshold: 60, direction: 'at_most' }] })
      .where(eq(testCases.id, search.id));
    const campaign = await createCampaignRow(project, { status: 'in_progress' });
    await createItemRow(campaign, project, { id: search.id, version: 1 });
    await actAs(members.amoe);
    const jtl = readFileSync(path.resolve(process.cwd(), 'tests/fixtures/jmeter/results-5.6.xml.jtl'));
    const result = (await importFiles({ projectKey: project.key, campaignId: campaign.id, files: [new File([jtl], 'results.jtl')] })) as Result;
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true, data: { executions: 1, failed: 1 } });
    const [row] = await db.select().from(executions).where(eq(executions.campaignId, campaign.id));
    expect(row).toMatchObject({ status: 'failed', measurements: [{ metric: 'p95', value: 2.31 }, { metric: 'Taux d’erreur', value: 50 }] });
  });
});

describe('refusals: a clear error and nothing written', () => {
  async function expectNothingWritten(s: Awaited<ReturnType<typeof setUp>>, files: File | File[], code: string, message: RegExp) {
    await actAs(s.members.amoe);
    const before = await snapshotTables();
    const result = await expectRefused(importFiles({ projectKey: s.project.key, campaignId: s.campaign.id, files, createProposed: true }), code, message);
    expect(await snapshotTables()).toEqual(before);
    return result;
  }

  test('a closed campaign', async () => {
    const s = await setUp({ status: 'closed' });
    await expectNothingWritten(s, xmlFile('paie.xml', s.xml), 'conflict', /clôturée/);
    await expectRefused(preview({ projectKey: s.project.key, campaignId: s.campaign.id, files: xmlFile('paie.xml', s.xml) }), 'conflict');
  });

  test('malformed XML, even beside a good file (the import is all or nothing)', async () => {
    const s = await setUp();
    const result = await expectNothingWritten(s, [xmlFile('good.xml', s.xml), xmlFile('bad.xml', '<testsuite>\n<testcase name="x">\n</testsuite>')], 'invalid', /bien formé/);
    expect(result.details).toMatchObject({ file: 'bad.xml', detail: expect.stringMatching(/^3:/) });
  });

  test('entity expansion (billion laughs)', async () => {
    const s = await setUp();
    const entities = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('');
    const started = Date.now();
    await expectNothingWritten(s, xmlFile('lol.xml', `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${entities}]><testsuite name="s"><testcase name="&lol9;"/></testsuite>`), 'invalid', /DOCTYPE/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test('external entities (XXE)', async () => {
    const s = await setUp();
    await expectNothingWritten(s, xmlFile('xxe.xml', '<?xml version="1.0"?><!DOCTYPE t [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><testsuite name="s"><testcase name="&xxe;"/></testsuite>'), 'invalid', /DOCTYPE/);
  });

  test('a file over 50 MB', async () => {
    const s = await setUp();
    const big = new File([new Uint8Array(50 * 1024 * 1024 + 1)], 'huge.xml');
    await expectNothingWritten(s, big, 'invalid', /50 Mo/);
  });

  // Inflating 100 MB before giving up takes seconds on a loaded machine: room beyond the default 30 s.
  test('a zip bomb (stops inflating at the limit) and a broken zip', { timeout: 120_000 }, async () => {
    const s = await setUp();
    const bomb = zipBomb('bomb.xml', 110 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expectNothingWritten(s, new File([bomb], 'bomb.zip'), 'invalid', /100 Mo/);
    await expectNothingWritten(s, new File([strToU8('PK not really')], 'broken.zip'), 'invalid', /illisible/);
  });

  test('an unknown kind of file, and a DOCTYPE-free file that is not JUnit', async () => {
    const s = await setUp();
    await expectNothingWritten(s, new File([strToU8('x')], 'notes.docx'), 'invalid', /Format non reconnu/);
    await expectNothingWritten(s, xmlFile('page.xml', '<html/>'), 'invalid', /pas un rapport JUnit/);
  });

  test('the service refuses a closed campaign when called directly (for the REST API)', async () => {
    const s = await setUp({ status: 'closed' });
    await expect(
      getDb().transaction((tx) =>
        importResults(tx, { projectId: s.project.id, campaignId: s.campaign.id, files: [{ name: 'a.xml', bytes: strToU8(s.xml) }], actorId: s.members.amoe.id, build: '', environment: '', createProposed: false, locale: 'fr' }),
      ),
    ).rejects.toMatchObject({ code: 'conflict', messageKey: 'campaignClosed' });
  });
});
