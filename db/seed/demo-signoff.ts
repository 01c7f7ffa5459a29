import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { freezeBaselineItems } from '@/db/baseline-freeze';
import { readCampaignReport } from '@/db/campaign-report-freeze';
import { anomalies, approvalComments, approvalRequests, baselineItems, baselines, campaigns, raciAssignments, raciSettings, reservationAnomalies, reservations, signatures, specifications, users } from '@/db/schema';
import { baselineApprovalContent } from '@/lib/signoff/baseline';
import { canonicalJson, contentHash } from '@/lib/signoff/canonical';
import { APPROVAL_NUMBER_SERIES, BASELINE_NUMBER_SERIES, RESERVATION_NUMBER_SERIES, type DeliverableKind, type RaciRole, type SignatureMeaning } from '@/lib/signoff/model';
import { coverRefNumbers } from './demo-campaigns';

type People = Record<'owner' | 'amoe' | 'amoa' | 'moa' | 'viewer', string>;

const DAY = 24 * 3600 * 1000;

/**
 * The demo's sign-off (issue 9): a RACI per deliverable, a first baseline frozen before the specification revised by
 * the recette data (approved with one reservation on an open anomaly, signed by the MOA), a second one at today's
 * versions with its request pending in the MOA's inbox, and the closed VABF campaign's report pending there too.
 */
export async function seedDemoSignoff(tx: Transaction, projectId: string, people: People, now: Date) {
  const raci: Record<DeliverableKind, [keyof People, RaciRole][]> = {
    baseline: [['amoe', 'responsible'], ['moa', 'approver'], ['amoa', 'consulted'], ['viewer', 'informed']],
    campaign_report: [['amoe', 'responsible'], ['moa', 'approver'], ['amoa', 'consulted']],
    go_no_go: [['owner', 'responsible'], ['moa', 'approver'], ['amoe', 'consulted'], ['amoa', 'consulted'], ['viewer', 'informed']],
    reservation_lifting: [['amoe', 'responsible'], ['moa', 'approver']],
  };
  for (const [deliverable, rows] of Object.entries(raci) as [DeliverableKind, [keyof People, RaciRole][]][]) {
    await tx.insert(raciAssignments).values(rows.map(([who, raciRole]) => ({ projectId, deliverable, userId: people[who], raciRole })));
    await tx.insert(raciSettings).values({ projectId, deliverable, quorum: null });
  }

  const chosen = await tx
    .select({ id: specifications.id })
    .from(specifications)
    .where(and(eq(specifications.projectId, projectId), ne(specifications.status, 'superseded')))
    .orderBy(asc(specifications.number));
  const ids = chosen.map((s) => s.id);

  // The first baseline holds each specification's first version (before the recette's revision), as frozen then.
  const [first] = await tx
    .insert(baselines)
    .values({ projectId, number: 1, name: 'Spécifications lot 1 — socle', createdBy: people.amoe, createdAt: new Date(now.getTime() - 20 * DAY) })
    .returning();
  await freezeBaselineItems(tx, { baselineId: first!.id, projectId, specificationIds: ids, firstVersions: true });
  const [second] = await tx
    .insert(baselines)
    .values({ projectId, number: 2, name: 'Spécifications lot 1 — après recette VABF', createdBy: people.amoe, createdAt: new Date(now.getTime() - 2 * DAY) })
    .returning();
  await freezeBaselineItems(tx, { baselineId: second!.id, projectId, specificationIds: ids });
  await coverRefNumbers(tx, projectId, BASELINE_NUMBER_SERIES, 2);

  const [request1] = await tx
    .insert(approvalRequests)
    .values({
      projectId,
      number: 1,
      deliverable: 'baseline',
      baselineId: first!.id,
      message: 'Bonjour, voici la ligne de base du socle pour validation avant la recette VABF.',
      status: 'approved_with_reservations',
      requestedBy: people.amoe,
      requestedAt: new Date(now.getTime() - 19 * DAY),
      decidedAt: new Date(now.getTime() - 18 * DAY),
    })
    .returning();
  const [request2] = await tx
    .insert(approvalRequests)
    .values({
      projectId,
      number: 2,
      deliverable: 'baseline',
      baselineId: second!.id,
      message: 'La spécification revue pendant la recette est intégrée : merci de relire les modifications et de signer.',
      requestedBy: people.amoe,
      requestedAt: new Date(now.getTime() - 1 * DAY),
    })
    .returning();
  // The closed VABF's report, frozen as the request action freezes it, waits in the MOA's inbox beside request 2.
  const [closed] = await tx
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.projectId, projectId), eq(campaigns.status, 'closed')))
    .orderBy(asc(campaigns.number))
    .limit(1);
  await tx.insert(approvalRequests).values({
    projectId,
    number: 3,
    deliverable: 'campaign_report',
    campaignId: closed!.id,
    snapshot: (await readCampaignReport(tx, projectId, closed!.id))!,
    message: 'La VABF du lot 0 est clôturée : merci de relire ses résultats et de signer le PV de recette.',
    requestedBy: people.amoe,
    requestedAt: new Date(now.getTime() - 3 * 3600 * 1000),
  });
  await coverRefNumbers(tx, projectId, APPROVAL_NUMBER_SERIES, 3);
  await tx.insert(approvalComments).values({
    requestId: request2!.id,
    body: 'Côté AMOA, les exigences rattachées sont à jour.',
    authorId: people.amoa,
    createdAt: new Date(now.getTime() - 1 * DAY + 3600 * 1000),
  });

  await signSeededRequest(tx, { projectId, request: request1!, baseline: first!, signerId: people.moa, signerRole: 'moa', signedAt: new Date(now.getTime() - 18 * DAY), meaning: 'approved_with_reservations', reason: 'Validé, sous réserve de corriger l’anomalie ouverte sur le calcul avant la mise en production.' });

  const [open] = await tx
    .select({ id: anomalies.id })
    .from(anomalies)
    .where(and(eq(anomalies.projectId, projectId), inArray(anomalies.status, ['new', 'analysis', 'fixing', 'reopened'])))
    .orderBy(asc(anomalies.number))
    .limit(1);
  const [reservation] = await tx
    .insert(reservations)
    .values({
      projectId,
      number: 1,
      requestId: request1!.id,
      text: 'Corriger l’anomalie ouverte et la faire retester avant la mise en production.',
      ownerId: people.amoe,
      dueDate: new Date(now.getTime() + 10 * DAY).toISOString().slice(0, 10),
    })
    .returning();
  if (open) await tx.insert(reservationAnomalies).values({ reservationId: reservation!.id, anomalyId: open.id });
  await coverRefNumbers(tx, projectId, RESERVATION_NUMBER_SERIES, 1);
  return { baselines: 2, approvalRequests: 3, signatures: 1, reservations: 1 };
}

/**
 * An approver's signature of a seeded baseline request, as the signing action records it (the content signed, in
 * full, and its hash); the seeds cannot go through the action, which asks for the password.
 */
export async function signSeededRequest(
  tx: Transaction,
  input: {
    projectId: string;
    request: { id: string; number: number; deliverable: string; message: string };
    baseline: { id: string; number: number; name: string; createdAt: Date };
    signerId: string;
    signerRole: string;
    signedAt: Date;
    meaning: SignatureMeaning;
    reason: string;
  },
) {
  const frozen = await tx
    .select({ kind: baselineItems.kind, itemId: baselineItems.itemId, number: baselineItems.number, version: baselineItems.version, snapshot: baselineItems.snapshot })
    .from(baselineItems)
    .where(eq(baselineItems.baselineId, input.baseline.id));
  const items = frozen.map((i) => ({ ...i, snapshot: i.snapshot as Record<string, unknown> }));
  const subject = { kind: 'approval_request', id: input.request.id, version: 1, content: baselineApprovalContent(input.request, input.baseline, items) };
  const [signer] = await tx.select({ name: users.name }).from(users).where(eq(users.id, input.signerId));
  await tx.insert(signatures).values({
    projectId: input.projectId,
    signerId: input.signerId,
    signerName: signer!.name,
    signerRole: input.signerRole,
    signedAt: input.signedAt,
    meaning: input.meaning,
    reason: input.reason,
    subjectKind: subject.kind,
    subjectId: subject.id,
    subjectVersion: subject.version,
    content: sql`${canonicalJson(subject.content)}::jsonb`,
    contentHash: contentHash(subject.content),
  });
}
