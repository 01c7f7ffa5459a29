import { eq, sql } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, test } from 'vitest';
import * as goLiveActions from '@/app/(app)/projects/[projectKey]/readiness/[number]/go-live/actions';
import * as readinessActions from '@/app/(app)/projects/[projectKey]/readiness/actions';
import { GET as downloadFinalPv } from '@/app/api/projects/[projectKey]/final-acceptance/[id]/pv/route';
import { getDb } from '@/db/client';
import { FINAL_ACCEPTANCE_SUBJECT, findGoLive } from '@/db/queries/go-live';
import { findGoNoGoRecord } from '@/db/queries/readiness';
import { listSignatures } from '@/db/queries/signatures';
import { finalAcceptanceRecords, goLiveRecords } from '@/db/schema';
import { TEST_PASSWORD, actAs, createProjectWithMembers } from '../setup/actors';
import { createGoLiveRow, createGoNoGoRecordRow, createReleaseRow, vsrShown } from '../setup/readiness-rows';
import { createAnomalyRow } from '../setup/recette-rows';
import { loose } from '../setup/server-actions';

const recordGoLive = loose(goLiveActions.recordGoLive);
const decide = loose(goLiveActions.decideFinalAcceptance);
const signGoNoGo = loose(readinessActions.signGoNoGo);

type Result = { ok: boolean; data?: Record<string, unknown>; code?: string; message?: string; fieldErrors?: Record<string, string[]> };

async function expectOk(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  const result = (await promise) as Result;
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return result.data!;
}

async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    const parts: string[] = [];
    for (let e = error as { message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) parts.push(String(e.message));
    return parts.join(' / ');
  }
  throw new Error('the statement was accepted');
}

describe('mise en production', () => {
  test('recorded once per release, only after a GO that stands signed; append-only', async () => {
    const { project, members } = await createProjectWithMembers();
    const release = await createReleaseRow(project);
    const recordRow = await createGoNoGoRecordRow(project, release, members.amoe);
    const form = (overrides: Record<string, unknown> = {}) => ({
      projectKey: project.key,
      releaseId: release.id,
      deployedAt: '2026-03-14T21:30',
      versionDeployed: '2.4.0',
      deployedBy: 'Équipe d’exploitation',
      runbookLabels: ['Sauvegarde', 'Déploiement', ''],
      runbookDoneAt: ['2026-03-14T21:00', '', '2026-03-14T22:00'],
      rollback: '',
      vsrDays: '30',
      ...overrides,
    });
    await actAs(members.amoe);
    expect(await recordGoLive(form())).toMatchObject({ ok: false, code: 'conflict', message: expect.stringMatching(/signé/) });
    await actAs(members.moa);
    // The MOA signs the GO; it may not record the deployment (not a writer of the release).
    const record = (await findGoNoGoRecord(getDb(), project.id, recordRow.id))!;
    await expectOk(signGoNoGo({ projectKey: project.key, goNoGoRecordId: record.id, password: TEST_PASSWORD, shownVersion: 1, shownHash: record.snapshotHash }));
    expect(await recordGoLive(form())).toMatchObject({ ok: false, code: 'forbidden' });
    await actAs(members.amoe);
    expect(await recordGoLive(form({ deployedAt: '2026-02-30T10:00' }))).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { deployedAt: [expect.any(String)] } });
    expect(await recordGoLive(form({ runbookDoneAt: ['hier', ''] }))).toMatchObject({ ok: false, code: 'invalid' });
    expect(await recordGoLive(form({ vsrDays: '0' }))).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { vsrDays: [expect.any(String)] } });
    const { id } = await expectOk(recordGoLive(form()));
    const [stored] = await getDb().select().from(goLiveRecords).where(eq(goLiveRecords.id, id as string));
    // Paris wall-clock times, stored as instants (winter: UTC+1); the blank step is dropped.
    expect(stored).toMatchObject({
      deployedAt: new Date('2026-03-14T20:30:00.000Z'),
      versionDeployed: '2.4.0',
      goNoGoRecordId: record.id,
      vsrDays: 30,
      runbook: [
        { label: 'Sauvegarde', doneAt: '2026-03-14T20:00:00.000Z' },
        { label: 'Déploiement', doneAt: null },
      ],
    });
    expect(await recordGoLive(form())).toMatchObject({ ok: false, code: 'conflict' });
    expect(await refusal(() => getDb().execute(sql`update go_live_records set version_deployed = '9.9.9' where id = ${id}`))).toMatch(/append-only: UPDATE refused/);
    expect(await refusal(() => getDb().execute(sql`delete from go_live_records where id = ${id}`))).toMatch(/append-only: DELETE refused/);
    expect(await refusal(() => getDb().execute(sql`truncate go_live_records cascade`))).toMatch(/append-only: TRUNCATE refused/);
  });
});

describe('VSR and recette définitive', () => {
  test('decided only at the end of the period, by the go / no-go approvers, signed over the content shown', async () => {
    const { project, members } = await createProjectWithMembers();
    const running = await createGoLiveRow(project, members.moa, { daysAgo: 3 });
    await actAs(members.moa);
    const early = await vsrShown(project, running.release.number);
    expect(await decide({ projectKey: project.key, releaseId: running.release.id, decision: 'accepted', password: TEST_PASSWORD, ...early })).toMatchObject({
      ok: false,
      code: 'conflict',
      message: expect.stringMatching(/VSR/),
    });

    const { release, deployedAt } = await createGoLiveRow(project, members.moa, { daysAgo: 40 });
    // Production anomalies of the period are listed; those of the recette (not flagged) are not.
    const prod = await createAnomalyRow(project, { title: 'Bulletins en double', severity: 'major', production: true });
    await createAnomalyRow(project, { title: 'Libellé tronqué en recette' });
    await getDb().execute(sql`update anomalies set created_at = ${new Date(deployedAt.getTime() + 86_400_000).toISOString()}::timestamptz where id = ${prod.id}`);
    const first = await vsrShown(project, release.number);
    expect(first.content.productionAnomalies.map((a) => a.title)).toEqual(['Bulletins en double']);
    const deciding = (overrides: Record<string, unknown> = {}) =>
      decide({ projectKey: project.key, releaseId: release.id, decision: 'adjourned', reason: 'Une majeure de production ouverte.', newPeriodDays: '15', password: TEST_PASSWORD, ...first, ...overrides });

    await actAs(members.amoe);
    expect(await deciding()).toMatchObject({ ok: false, code: 'forbidden' });
    await actAs(members.moa);
    expect(await deciding({ reason: '' })).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { reason: [expect.any(String)] } });
    expect(await deciding({ password: 'pas le bon mot de passe' })).toMatchObject({ ok: false, code: 'invalid' });
    expect(await deciding({ shownHash: '0'.repeat(64) })).toMatchObject({ ok: false, code: 'conflict' });
    const { id: adjourned } = await expectOk(deciding());
    // The ajournement opens a new 15-day period: nothing more to decide until it ends; a replay is refused.
    expect(await deciding()).toMatchObject({ ok: false, code: 'conflict' });
    const after = await vsrShown(project, release.number);
    expect(after.shownVersion).toBe(2);
    expect(after.content.period.days).toBe(15);
    const goLive = (await findGoLive(getDb(), project.id, release.id))!;
    const [signature] = await listSignatures(getDb(), project.id, FINAL_ACCEPTANCE_SUBJECT, [goLive.id]);
    expect(signature).toMatchObject({ signerName: members.moa.name, signerRole: 'moa', meaning: 'rejected', subjectVersion: 1, contentHash: first.shownHash, intact: true });
    const [stored] = await getDb().select().from(finalAcceptanceRecords).where(eq(finalAcceptanceRecords.id, adjourned as string));
    expect(stored).toMatchObject({ period: 1, decision: 'adjourned', newPeriodDays: 15, contentHash: first.shownHash, signatureId: signature!.id });
    expect(await refusal(() => getDb().execute(sql`update final_acceptance_records set decision = 'accepted' where id = ${adjourned}`))).toMatch(/append-only: UPDATE refused/);
    expect(await refusal(() => getDb().execute(sql`delete from final_acceptance_records where id = ${adjourned}`))).toMatch(/append-only: DELETE refused/);
  });

  test('the recette définitive is signed once, and its PV prints the go-live, the production anomalies and the signature', async () => {
    const { project, members } = await createProjectWithMembers();
    const { release, deployedAt } = await createGoLiveRow(project, members.moa, { daysAgo: 31 });
    const prod = await createAnomalyRow(project, { title: 'Écran de connexion lent', severity: 'minor', status: 'closed', production: true });
    await getDb().execute(sql`update anomalies set created_at = ${new Date(deployedAt.getTime() + 3_600_000).toISOString()}::timestamptz where id = ${prod.id}`);
    await actAs(members.moa);
    const seen = await vsrShown(project, release.number);
    const accepting = () => decide({ projectKey: project.key, releaseId: release.id, decision: 'accepted', reason: '', password: TEST_PASSWORD, ...seen });
    const { id } = await expectOk(accepting());
    expect(await accepting()).toMatchObject({ ok: false, code: 'conflict' });

    const call = (lang = '') =>
      downloadFinalPv(new Request(`http://localhost/api/projects/${project.key}/final-acceptance/${id}/pv${lang}`), { params: Promise.resolve({ projectKey: project.key, id: id as string }) });
    const pdfText = async (response: Response) => {
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(await response.arrayBuffer())), { mergePages: true });
      return text.replace(/\s+/g, ' ');
    };
    const response = await call();
    expect(response.status).toBe(200);
    const text = await pdfText(response);
    expect(text).toContain('Procès-verbal de recette définitive');
    expect(text).toContain('Décision : Recette définitive prononcée');
    expect(text).toContain(`ANO-${prod.number} — Écran de connexion lent (Mineure, Fermée`);
    expect(text).toContain('Déploiement de la version');
    expect(text).toMatch(new RegExp(`${members.moa.name} \\(MOA\\) — Approuvé — \\d{1,2} \\S+ 20\\d\\d`));
    expect(text).toContain(seen.shownHash);
    // The same content each time; English on request.
    expect(await pdfText(await call())).toBe(text);
    expect(await pdfText(await call('?lang=en'))).toContain('Final acceptance report');

    const stranger = await createProjectWithMembers();
    await actAs(stranger.members.owner);
    expect((await call()).status).toBe(404);
  });
});
