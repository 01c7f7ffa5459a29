import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import * as attachmentActions from '@/app/(app)/projects/[projectKey]/attachments/actions';
import { GET as download } from '@/app/api/projects/[projectKey]/attachments/[id]/route';
import { POST as upload } from '@/app/api/projects/[projectKey]/attachments/route';
import { getDb } from '@/db/client';
import { listAttachments } from '@/db/queries/attachments';
import { attachments, executions } from '@/db/schema';
import { DEMO_PROJECT } from '@/db/seed/demo-accounts';
import { demoScreenshotPng, seedDemoEvidence } from '@/db/seed/demo-evidence';
import { MAX_EVIDENCE_BYTES, checkEvidence } from '@/lib/recette/evidence-content';
import { getStorage } from '@/lib/storage/select-storage';
import { actAs, createProjectWithMembers, createUser } from '../setup/actors';
import { auditRowsSince, maxAuditId, queryRows, snapshotTables } from '../setup/db-state';
import { TINY_PNG, createAnomalyRow, createAttachmentRow, createRunInNewCampaign } from '../setup/recette-rows';
import { loose } from '../setup/server-actions';

const removeAttachment = loose(attachmentActions.removeAttachment);

/** A real S3 server in this process: the same tests run on the local directory and on S3. */
const s3Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-s3-'));
let s3rver: S3rver;
let s3Endpoint = '';
const localDir = process.env.PASSERELLE_ATTACHMENTS_DIR!;

beforeAll(async () => {
  s3rver = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: s3Dir, configureBuckets: [{ name: 'preuves', configs: [] }] });
  s3Endpoint = `http://127.0.0.1:${(await s3rver.run()).port}`;
});

afterAll(async () => {
  await s3rver.close();
  fs.rmSync(s3Dir, { recursive: true, force: true });
});

function useDriver(kind: 'local' | 's3') {
  if (kind === 'local') {
    delete process.env.PASSERELLE_S3_BUCKET;
    return;
  }
  vi.stubEnv('PASSERELLE_S3_BUCKET', 'preuves');
  vi.stubEnv('PASSERELLE_S3_ENDPOINT', s3Endpoint);
  vi.stubEnv('PASSERELLE_S3_FORCE_PATH_STYLE', 'true');
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'S3RVER');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'S3RVER');
}

/** Every object file the drivers hold (the local directory and s3rver's own), to prove a refusal stored nothing. */
function storedFiles(): string[] {
  return [localDir, s3Dir].flatMap((root) =>
    fs.existsSync(root)
      ? (fs.readdirSync(root, { recursive: true }) as string[]).filter((rel) => fs.statSync(path.join(root, rel)).isFile()).map((rel) => path.join(root, rel))
      : [],
  );
}

function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function uploadRequest(projectKey: string, file: { bytes: Uint8Array; name: string; type?: string } | null, fields: Record<string, string>) {
  const form = new FormData();
  if (file) form.append('file', new File([file.bytes as BlobPart], file.name, { type: file.type ?? 'application/octet-stream' }));
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  return new Request(`http://localhost/api/projects/${encodeURIComponent(projectKey)}/attachments`, { method: 'POST', body: form });
}

async function post(projectKey: string, file: { bytes: Uint8Array; name: string; type?: string } | null, fields: Record<string, string>) {
  const response = await upload(uploadRequest(projectKey, file, fields), { params: Promise.resolve({ projectKey }) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function get(projectKey: string, id: string) {
  return download(new Request(`http://localhost/api/projects/${projectKey}/attachments/${id}`), { params: Promise.resolve({ projectKey, id }) });
}

async function world(options: Parameters<typeof createRunInNewCampaign>[1] = {}) {
  const { project, members } = await createProjectWithMembers();
  const execution = await createRunInNewCampaign(project, options);
  return { project, members, execution };
}

describe.each(['local', 's3'] as const)('evidence on the %s driver', (kind) => {
  beforeAll(() => useDriver(kind));
  afterAll(() => vi.unstubAllEnvs());

  test('a tester attaches a screenshot to a step; it is listed, journaled and served back with safe headers', async () => {
    useDriver(kind);
    expect(getStorage().kind).toBe(kind);
    const { project, members, execution } = await world();
    await actAs(members.moa);
    const since = await maxAuditId();
    const uploaded = await post(project.key, { bytes: TINY_PNG, name: 'C:\\fakepath\\écran 1.png', type: 'text/html' }, { executionId: execution.id, stepIndex: '1' });
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    // The type comes from the bytes, not from what the browser claimed.
    expect(uploaded.body).toEqual({
      id: expect.any(String),
      fileName: 'écran 1.png',
      contentType: 'image/png',
      byteSize: TINY_PNG.length,
      stepIndex: 1,
      uploadedAt: expect.any(String),
    });
    expect(await listAttachments(getDb(), project.id, { executionIds: [execution.id] })).toEqual([uploaded.body]);
    const journal = await auditRowsSince(since);
    expect(journal.map((r) => [r.entity, r.action, r.entity_id])).toEqual([['attachment', 'create', uploaded.body.id]]);

    await actAs(members.viewer);
    const response = await get(project.key, uploaded.body.id as string);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'image/png',
      'content-length': String(TINY_PNG.length),
      'content-disposition': `inline; filename="ecran 1.png"; filename*=UTF-8''%C3%A9cran%201.png`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': 'sandbox',
      'cache-control': 'private, no-store',
    });
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(TINY_PNG);
  });

  test('other files are downloads, never inline; anomalies take evidence too', async () => {
    useDriver(kind);
    const { project, members } = await world();
    const anomaly = await createAnomalyRow(project);
    await actAs(members.amoa);
    const log = bytesOf('2026-12-01 12:00:01 ERROR net négatif\n');
    const uploaded = await post(project.key, { bytes: log, name: 'serveur.log' }, { anomalyId: anomaly.id });
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    expect(uploaded.body).toMatchObject({ contentType: 'text/plain', stepIndex: null });
    const response = await get(project.key, uploaded.body.id as string);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; /);
    expect(await response.text()).toBe('2026-12-01 12:00:01 ERROR net négatif\n');
    expect(await listAttachments(getDb(), project.id, { anomalyIds: [anomaly.id] })).toEqual([uploaded.body]);
  });

  test('removal: the author or the owner, the row and the bytes go, journaled with what was removed', async () => {
    useDriver(kind);
    const { project, members, execution } = await world();
    const byAmoa = await createAttachmentRow(project, { executionId: execution.id }, members.amoa.id);
    const byMoa = await createAttachmentRow(project, { executionId: execution.id }, members.moa.id);

    await actAs(members.moa);
    expect(await removeAttachment({ projectKey: project.key, attachmentId: byAmoa.id })).toMatchObject({ ok: false, code: 'forbidden' });
    await actAs(members.viewer);
    expect(await removeAttachment({ projectKey: project.key, attachmentId: byMoa.id })).toMatchObject({ ok: false, code: 'forbidden' });

    await actAs(members.amoa);
    const since = await maxAuditId();
    expect(await removeAttachment({ projectKey: project.key, attachmentId: byAmoa.id })).toEqual({ ok: true, data: { id: byAmoa.id } });
    expect(await getStorage().get(byAmoa.storageKey)).toBeNull();
    expect(await auditRowsSince(since)).toMatchObject([{ entity: 'attachment', action: 'delete', entity_id: byAmoa.id, actor_id: members.amoa.id }]);
    const [journal] = await queryRows<{ before: unknown }>(sql`select before from audit_events where id > ${since}`);
    expect(journal!.before).toMatchObject({ fileName: 'capture.png', sha256: byAmoa.sha256, executionId: execution.id });

    await actAs(members.owner);
    expect(await removeAttachment({ projectKey: project.key, attachmentId: byMoa.id })).toEqual({ ok: true, data: { id: byMoa.id } });
    expect(await listAttachments(getDb(), project.id, { executionIds: [execution.id] })).toEqual([]);
    expect(await removeAttachment({ projectKey: project.key, attachmentId: byMoa.id })).toMatchObject({ ok: false, code: 'not_found' });
  });
});

describe('refusals write nothing', () => {
  async function expectNothingWritten(run: () => Promise<{ status: number; body: Record<string, unknown> }>, status: number, code: string) {
    const tables = await snapshotTables();
    const files = storedFiles();
    const outcome = await run();
    expect(outcome.status, JSON.stringify(outcome.body)).toBe(status);
    expect(outcome.body).toMatchObject({ code, message: expect.any(String) });
    expect(await snapshotTables()).toEqual(tables);
    expect(storedFiles()).toEqual(files);
    return outcome.body;
  }

  test('permissions: viewer forbidden, non-member and foreign ids not found, signed out unauthenticated', async () => {
    const { project, members, execution } = await world();
    const other = await world();
    const outsider = await createUser();
    const png = { bytes: TINY_PNG, name: 'a.png' };
    await actAs(members.viewer);
    await expectNothingWritten(() => post(project.key, png, { executionId: execution.id }), 403, 'forbidden');
    await actAs(outsider);
    await expectNothingWritten(() => post(project.key, png, { executionId: execution.id }), 404, 'not_found');
    await actAs(null);
    await expectNothingWritten(() => post(project.key, png, { executionId: execution.id }), 401, 'unauthenticated');
    await actAs(members.owner);
    // Another project's execution and anomaly, through this project's address: not found, as if they did not exist.
    await expectNothingWritten(() => post(project.key, png, { executionId: other.execution.id }), 404, 'not_found');
    const foreignAnomaly = await createAnomalyRow(other.project);
    await expectNothingWritten(() => post(project.key, png, { anomalyId: foreignAnomaly.id }), 404, 'not_found');
    await expectNothingWritten(() => post(project.key, png, { executionId: '00000000-0000-4000-8000-000000000000' }), 404, 'not_found');
    // And its attachments cannot be read or removed from here.
    const foreign = await createAttachmentRow(other.project, { executionId: other.execution.id }, other.members.owner.id);
    expect((await get(project.key, foreign.id)).status).toBe(404);
    expect((await get(project.key, 'pas-un-uuid')).status).toBe(404);
    expect(await removeAttachment({ projectKey: project.key, attachmentId: foreign.id })).toMatchObject({ ok: false, code: 'not_found' });
    await actAs(outsider);
    expect((await get(other.project.key, foreign.id)).status).toBe(404);
    await actAs(other.members.viewer);
    expect((await get(other.project.key, foreign.id)).status).toBe(200);
  });

  test('a post from another site is refused before anything is read', async () => {
    const { project, members, execution } = await world();
    await actAs(members.owner);
    const foreign: Record<string, string>[] = [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }, { origin: 'null' }];
    for (const headers of foreign) {
      await expectNothingWritten(async () => {
        const form = await uploadRequest(project.key, { bytes: TINY_PNG, name: 'a.png' }, { executionId: execution.id }).formData();
        const request = new Request(`http://localhost/api/projects/${project.key}/attachments`, { method: 'POST', body: form, headers });
        const response = await upload(request, { params: Promise.resolve({ projectKey: project.key }) });
        return { status: response.status, body: await response.json() };
      }, 403, 'forbidden');
    }
    // The same post from the application's own pages goes through.
    const form = await uploadRequest(project.key, { bytes: TINY_PNG, name: 'a.png' }, { executionId: execution.id }).formData();
    const own = new Request(`http://localhost/api/projects/${project.key}/attachments`, {
      method: 'POST',
      body: form,
      headers: { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' },
    });
    expect((await upload(own, { params: Promise.resolve({ projectKey: project.key }) })).status).toBe(201);
  });

  test('too big (by the file, by the declared length, by the bytes that actually come) → refused, nothing stored', async () => {
    const { project, members, execution } = await world();
    await actAs(members.amoe);
    const big = new Uint8Array(MAX_EVIDENCE_BYTES + 1);
    big.set(TINY_PNG);
    const body = await expectNothingWritten(() => post(project.key, { bytes: big, name: 'trop.png' }, { executionId: execution.id }), 400, 'invalid');
    expect(body.message).toBe('Fichier trop volumineux : 10 Mo au maximum par pièce jointe.');

    const declared = new Request(`http://localhost/api/projects/${project.key}/attachments`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(50 * 1024 * 1024) },
      body: 'x',
    });
    await expectNothingWritten(async () => {
      const response = await upload(declared, { params: Promise.resolve({ projectKey: project.key }) });
      return { status: response.status, body: await response.json() };
    }, 400, 'invalid');

    // No length header, and a body that never ends: the read stops past the limit instead of buffering it all.
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1024 * 1024;
        controller.enqueue(new Uint8Array(1024 * 1024));
      },
    });
    const streaming = new Request(`http://localhost/api/projects/${project.key}/attachments`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: endless,
      duplex: 'half',
    } as RequestInit);
    await expectNothingWritten(async () => {
      const response = await upload(streaming, { params: Promise.resolve({ projectKey: project.key }) });
      return { status: response.status, body: await response.json() };
    }, 400, 'invalid');
    expect(sent).toBeLessThan(MAX_EVIDENCE_BYTES + 4 * 1024 * 1024);
  });

  test.each([
    ['an HTML page', 'page.html', '<!doctype html><script>alert(document.cookie)</script>', 'interdit'],
    ['an SVG image', 'logo.svg', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', 'interdit'],
    ['a Windows program', 'outil.exe', 'MZ\u0090\u0000\u0003\u0000 This program cannot be run in DOS mode', 'interdit'],
    ['text renamed .png', 'capture.png', 'ceci n’est pas une image', 'non accepté'],
    ['an empty file', 'vide.txt', '', 'vide'],
  ])('%s is refused with a clear message, nothing stored', async (_label, name, content, words) => {
    const { project, members, execution } = await world();
    await actAs(members.moa);
    const body = await expectNothingWritten(() => post(project.key, { bytes: bytesOf(content), name, type: 'image/png' }, { executionId: execution.id }), 400, 'invalid');
    expect(body.message).toContain(words);
  });

  test('English readers get the message in English', async () => {
    const { project, execution } = await world();
    const english = await createUser({ locale: 'en' });
    const { addMembership } = await import('../setup/actors');
    await addMembership(project, english, 'amoe');
    await actAs(english);
    const body = await expectNothingWritten(() => post(project.key, { bytes: bytesOf('<svg/>'), name: 'a.svg' }, { executionId: execution.id }), 400, 'invalid');
    expect(body.message).toMatch(/^Forbidden file type/);
  });

  test('bad targets: none, both, a step that does not exist, no file, two files', async () => {
    const { project, members, execution } = await world({ stepCount: 2 });
    const anomaly = await createAnomalyRow(project);
    await actAs(members.owner);
    const png = { bytes: TINY_PNG, name: 'a.png' };
    await expectNothingWritten(() => post(project.key, png, {}), 400, 'invalid');
    await expectNothingWritten(() => post(project.key, png, { executionId: execution.id, anomalyId: anomaly.id }), 400, 'invalid');
    await expectNothingWritten(() => post(project.key, png, { anomalyId: anomaly.id, stepIndex: '0' }), 400, 'invalid');
    const step = await expectNothingWritten(() => post(project.key, png, { executionId: execution.id, stepIndex: '2' }), 400, 'invalid');
    expect(step.fieldErrors).toEqual({ stepIndex: ["Cette étape n'existe pas dans l'exécution."] });
    await expectNothingWritten(() => post(project.key, null, { executionId: execution.id }), 400, 'invalid');
    const twice = uploadRequest(project.key, png, { executionId: execution.id });
    await expectNothingWritten(async () => {
      const form = await twice.formData();
      form.append('file', new File([TINY_PNG as BlobPart], 'b.png'));
      const response = await upload(new Request(twice.url, { method: 'POST', body: form }), { params: Promise.resolve({ projectKey: project.key }) });
      return { status: response.status, body: await response.json() };
    }, 400, 'invalid');
  });

  test('a closed campaign takes no new evidence and keeps the evidence it has', async () => {
    const { project, members, execution } = await world({ campaignStatus: 'closed', status: 'failed' });
    const kept = await createAttachmentRow(project, { executionId: execution.id }, members.owner.id);
    await actAs(members.owner);
    const body = await expectNothingWritten(() => post(project.key, { bytes: TINY_PNG, name: 'a.png' }, { executionId: execution.id }), 403, 'forbidden');
    expect(body.message).toContain('clôturée');
    expect(await removeAttachment({ projectKey: project.key, attachmentId: kept.id })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await listAttachments(getDb(), project.id, { executionIds: [execution.id] })).toHaveLength(1);
  });

  test('when the transaction fails after the bytes were stored, they are removed again', async () => {
    const { project, members, execution } = await world();
    await actAs(members.owner);
    const files = storedFiles();
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    // The execution disappears between the first check and the insert: the foreign key fails the transaction.
    const db = getDb();
    const realTransaction = db.transaction.bind(db);
    const spy = vi.spyOn(db, 'transaction').mockImplementation(async (work, config) => {
      await db.delete(executions).where(eq(executions.id, execution.id));
      return realTransaction(work, config);
    });
    const outcome = await post(project.key, { bytes: TINY_PNG, name: 'a.png' }, { executionId: execution.id });
    spy.mockRestore();
    quiet.mockRestore();
    expect(outcome.status).toBe(404);
    expect(storedFiles()).toEqual(files);
    expect(await db.$count(attachments, eq(attachments.projectId, project.id))).toBe(0);
  });
});

describe('demo evidence', () => {
  test('the screenshot is a real 200×120 PNG the content check accepts', () => {
    const png = demoScreenshotPng();
    expect(checkEvidence(png, 'capture.png')).toEqual({ ok: true, contentType: 'image/png' });
    const view = Buffer.from(png);
    expect([view.readUInt32BE(16), view.readUInt32BE(20)]).toEqual([200, 120]);
    expect(png.length).toBeLessThan(10_000);
  });

  test('it goes to the first failed execution of the demo project, and nowhere when there is none', async () => {
    const { project, members } = await createProjectWithMembers({ key: DEMO_PROJECT.key });
    await createRunInNewCampaign(project, { status: 'passed' });
    expect(await seedDemoEvidence(getDb(), getStorage())).toBe(0);
    expect(await getDb().$count(attachments, eq(attachments.projectId, project.id))).toBe(0);

    const failed = await createRunInNewCampaign(project, { status: 'failed' });
    await createRunInNewCampaign(project, { status: 'failed' });
    expect(await seedDemoEvidence(getDb(), getStorage())).toBe(1);
    const [listed] = await listAttachments(getDb(), project.id, { executionIds: [failed.id] });
    expect(listed).toMatchObject({ contentType: 'image/png', stepIndex: 0, fileName: 'capture-net-a-payer.png' });
    await actAs(members.viewer);
    const response = await get(project.key, listed!.id);
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(demoScreenshotPng());
  });
});
