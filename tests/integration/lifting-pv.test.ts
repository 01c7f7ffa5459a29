import { eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, test } from 'vitest';
import * as approvals from '@/app/(app)/projects/[projectKey]/approvals/actions';
import { GET as downloadLiftingPv } from '@/app/api/projects/[projectKey]/reservations/[number]/pv/route';
import { getDb } from '@/db/client';
import { approvalSubject, findApprovalRequest, listReservations, reservationSubject } from '@/db/queries/approvals';
import { signable } from '@/db/queries/signatures';
import { anomalies, anomalyEvents, anomalyExecutions, projects } from '@/db/schema';
import { TEST_PASSWORD, actAs, createProjectWithMembers } from '../setup/actors';
import { createAnomalyRow, createCampaignRow, createExecutionRow, createItemRow } from '../setup/recette-rows';
import { loose } from '../setup/server-actions';
import { createApprovalRequestRow, createBaselineRow } from '../setup/signoff-rows';
import { createSpecificationRow, createTestCaseRow } from '../setup/trace-items';

const decide = loose(approvals.decideApproval);
const lift = loose(approvals.liftReservation);
const revoke = loose(approvals.revokeSignature);

async function pdfText(response: Response) {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(await response.arrayBuffer())), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

describe('PV de levée des réserves', () => {
  test('prints the reservation, its anomalies with closure and retest, and the lifting signature; the same each time', async () => {
    const { project, members } = await createProjectWithMembers();
    const spec = await createSpecificationRow(project, { status: 'approved' });
    const baseline = await createBaselineRow(project, [spec.id], { name: 'LDB paie' });
    const created = await createApprovalRequestRow(project, baseline, { requestedBy: members.amoe.id });
    const request = (await findApprovalRequest(getDb(), project.id, { id: created.id }))!;
    const seen = signable(await approvalSubject(getDb(), project.id, request));

    // A failed run raises the anomaly; a later passing run of the same item retests it; it is then closed.
    const testCase = await createTestCaseRow(project);
    const campaign = await createCampaignRow(project, { name: 'Recette VABF paie', build: '2.1.0', status: 'in_progress' });
    const item = await createItemRow(campaign, project, testCase);
    const origin = await createExecutionRow(item, campaign, project, testCase, { status: 'failed', startedAt: new Date('2026-03-02T09:00:00Z') });
    const anomaly = await createAnomalyRow(project, { title: 'Net à payer faux', severity: 'major', status: 'to_retest', executionIds: [origin.id] });
    await actAs(members.moa);
    const reservation = { text: 'Corriger le calcul du net à payer', ownerId: members.amoe.id, dueDate: '2026-04-30', anomalyIds: [anomaly.id] };
    expect(await decide({ projectKey: project.key, requestId: request.id, decision: 'approved_with_reservations', password: TEST_PASSWORD, shownVersion: seen.version, shownHash: seen.hash, reason: 'Sous réserve', reservations: [reservation] })).toMatchObject({ ok: true });

    const retest = await createExecutionRow(item, campaign, project, testCase, { status: 'passed', startedAt: new Date('2026-03-10T09:00:00Z') });
    await getDb().insert(anomalyExecutions).values({ anomalyId: anomaly.id, executionId: retest.id });
    await getDb().update(anomalies).set({ status: 'closed' }).where(eq(anomalies.id, anomaly.id));
    await getDb().insert(anomalyEvents).values({ anomalyId: anomaly.id, kind: 'status', fromStatus: 'to_retest', toStatus: 'closed', body: 'Retest concluant', actorId: members.amoe.id, at: new Date('2026-03-10T10:15:00Z') });

    const [shown] = await listReservations(getDb(), project.id, request.id);
    expect(shown!.anomalies[0]).toMatchObject({
      closed: { at: '2026-03-10T10:15:00.000Z', by: members.amoe.name, reason: 'Retest concluant' },
      retest: { status: 'passed', campaign: 'Recette VABF paie', build: '2.1.0', at: '2026-03-10T09:01:00.000Z' },
    });
    const liftSeen = signable(reservationSubject(shown!));
    expect(await lift({ projectKey: project.key, reservationId: shown!.id, reason: 'Correctif vérifié', password: TEST_PASSWORD, shownVersion: liftSeen.version, shownHash: liftSeen.hash })).toMatchObject({ ok: true });

    const call = (number: string | number = shown!.number, lang = '') =>
      downloadLiftingPv(new Request(`http://localhost/api/projects/${project.key}/reservations/${number}/pv${lang}`), {
        params: Promise.resolve({ projectKey: project.key, number: String(number) }),
      });
    const response = await call();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const text = await pdfText(response);
    expect(text).toContain(`Procès-verbal de levée de la réserve n° ${shown!.number}`);
    expect(text).toContain(`${project.key} — `);
    expect(text).toContain(`Demande n° ${request.number} — Ligne de base`);
    expect(text).toContain(`LDB-${baseline.number} LDB paie`);
    expect(text).toContain('Corriger le calcul du net à payer');
    expect(text).toContain(`Responsable ${members.amoe.name}`);
    expect(text).toContain('30 avril 2026');
    expect(text).toContain(`ANO-${anomaly.number} — Net à payer faux (Majeure, Fermée)`);
    expect(text).toContain(`Fermée le 10 mars 2026 à 11:15 par ${members.amoe.name} — Retest concluant`);
    expect(text).toContain('Dernier retest : Réussi le 10 mars 2026 à 10:01 — campagne Recette VABF paie, build 2.1.0');
    expect(text).toMatch(new RegExp(`${members.moa.name} \\(MOA\\) — Réserve levée — \\d{1,2} \\S+ 20\\d\\d`));
    expect(text).toContain('Motif Correctif vérifié');
    expect(text).toContain(liftSeen.hash);

    // Later changes to the project and the anomaly do not alter what was signed: the PV reads the signed content.
    await getDb().update(projects).set({ name: 'Renommé après coup' }).where(eq(projects.id, project.id));
    await getDb().update(anomalies).set({ title: 'Titre changé' }).where(eq(anomalies.id, anomaly.id));
    expect(await pdfText(await call())).toBe(text);
    const english = await pdfText(await call(shown!.number, '?lang=en'));
    expect(english).toContain(`Minutes of the lifting of reservation no. ${shown!.number}`);
    expect(english).toContain('Last retest: Passed on');

    // A number that is not one, another project's member: not found.
    expect((await call('abc')).status).toBe(404);
    expect((await call(shown!.number + 1)).status).toBe(404);
    const stranger = await createProjectWithMembers();
    await actAs(stranger.members.owner);
    expect((await call()).status).toBe(404);
    // The viewer of the project reads it.
    await actAs(members.viewer);
    expect((await call()).status).toBe(200);
  });

  test('a reservation never lifted has no PV; a revoked lifting prints the revocation', async () => {
    const { project, members } = await createProjectWithMembers();
    const spec = await createSpecificationRow(project, { status: 'approved' });
    const baseline = await createBaselineRow(project, [spec.id]);
    const created = await createApprovalRequestRow(project, baseline, { requestedBy: members.amoe.id });
    const request = (await findApprovalRequest(getDb(), project.id, { id: created.id }))!;
    const seen = signable(await approvalSubject(getDb(), project.id, request));
    await actAs(members.moa);
    await decide({ projectKey: project.key, requestId: request.id, decision: 'approved_with_reservations', password: TEST_PASSWORD, shownVersion: seen.version, shownHash: seen.hash, reason: 'r', reservations: [{ text: 'Sans anomalie', ownerId: members.amoe.id, dueDate: '2026-04-30', anomalyIds: [] }] });
    const [shown] = await listReservations(getDb(), project.id, request.id);
    const call = () =>
      downloadLiftingPv(new Request(`http://localhost/api/projects/${project.key}/reservations/${shown!.number}/pv`), {
        params: Promise.resolve({ projectKey: project.key, number: String(shown!.number) }),
      });
    expect((await call()).status).toBe(404);
    const liftSeen = signable(reservationSubject(shown!));
    const lifted = (await lift({ projectKey: project.key, reservationId: shown!.id, password: TEST_PASSWORD, shownVersion: liftSeen.version, shownHash: liftSeen.hash })) as { data: { signatureId: string } };
    const text = await pdfText(await call());
    expect(text).toContain("Aucune anomalie liée : levée sur le jugement de l'approbateur.");
    expect(text).not.toContain('Signature révoquée');
    await revoke({ projectKey: project.key, signatureId: lifted.data.signatureId, reason: 'Trop tôt', password: TEST_PASSWORD });
    expect(await pdfText(await call())).toContain('Signature révoquée le');
  });
});
