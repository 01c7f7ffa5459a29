import { eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import * as approvals from '@/app/(app)/projects/[projectKey]/approvals/actions';
import { getDb } from '@/db/client';
import { approvalSubject, findApprovalRequest, listReservations } from '@/db/queries/approvals';
import { bellCounts } from '@/db/queries/notifications';
import { overdueReservationsFor } from '@/db/queries/reservation-overdue';
import { signable } from '@/db/queries/signatures';
import { reservations } from '@/db/schema';
import { isOverdue, parisToday } from '@/lib/signoff/reservations';
import { TEST_PASSWORD, actAs, createProjectWithMembers } from '../setup/actors';
import { loose } from '../setup/server-actions';
import { createApprovalRequestRow, createBaselineRow, createReservationRow } from '../setup/signoff-rows';
import { createSpecificationRow } from '../setup/trace-items';

const decide = loose(approvals.decideApproval);

describe('overdue reservations in the feed', () => {
  test('the owner and the approvers of the request see it from the day after its due date in Paris, until it is lifted', async () => {
    const { project, members } = await createProjectWithMembers();
    const spec = await createSpecificationRow(project, { status: 'approved' });
    const baseline = await createBaselineRow(project, [spec.id]);
    const created = await createApprovalRequestRow(project, baseline, { requestedBy: members.amoe.id });
    const request = (await findApprovalRequest(getDb(), project.id, { id: created.id }))!;
    const seen = signable(await approvalSubject(getDb(), project.id, request));
    await actAs(members.moa);
    const reservation = { text: 'Livrer le correctif', ownerId: members.amoe.id, dueDate: '2026-04-30', anomalyIds: [] };
    expect(await decide({ projectKey: project.key, requestId: request.id, decision: 'approved_with_reservations', password: TEST_PASSWORD, shownVersion: seen.version, shownHash: seen.hash, reason: 'r', reservations: [reservation] })).toMatchObject({ ok: true });
    // Another reservation, due later, of the same owner: never in the feed on these days.
    await createReservationRow(project, request, { ownerId: members.amoe.id, dueDate: '2026-05-31' });
    const [shown] = (await listReservations(getDb(), project.id, request.id)).filter((r) => r.dueDate === '2026-04-30');

    // A fixed clock: 23:59 in Paris on the due date, then midnight (22:00 UTC, summer time).
    const lastMinute = parisToday(new Date('2026-04-30T21:59:00Z'));
    const midnight = parisToday(new Date('2026-04-30T22:00:00Z'));
    expect([lastMinute, midnight]).toEqual(['2026-04-30', '2026-05-01']);
    const feed = async (userId: string, today: string) => (await overdueReservationsFor(getDb(), userId, today)).map((r) => r.number);

    expect(await feed(members.amoe.id, lastMinute)).toEqual([]);
    expect((await bellCounts(getDb(), members.amoe.id, lastMinute)).overdue).toBe(0);
    // From midnight: the owner, and the MOA who approved the request; not the viewer, nor another project's member.
    expect(await feed(members.amoe.id, midnight)).toEqual([shown!.number]);
    expect(await feed(members.moa.id, midnight)).toEqual([shown!.number]);
    expect(await feed(members.viewer.id, midnight)).toEqual([]);
    const stranger = await createProjectWithMembers();
    expect(await feed(stranger.members.owner.id, midnight)).toEqual([]);
    expect((await bellCounts(getDb(), members.amoe.id, midnight)).overdue).toBe(1);
    const [entry] = await overdueReservationsFor(getDb(), members.moa.id, midnight);
    expect(entry).toMatchObject({ projectKey: project.key, requestNumber: request.number, text: 'Livrer le correctif', dueDate: '2026-04-30', ownerName: members.amoe.name });
    // The SQL states the pure rule: the same rows as isOverdue over the project's list.
    expect((await listReservations(getDb(), project.id)).filter((r) => isOverdue(r.status, r.dueDate, midnight)).map((r) => r.number)).toEqual([shown!.number]);

    // Lifted, it leaves the feed; nothing was stored to take away.
    await getDb().update(reservations).set({ status: 'lifted', liftedAt: new Date() }).where(eq(reservations.id, shown!.id));
    expect(await feed(members.amoe.id, midnight)).toEqual([]);
    expect((await bellCounts(getDb(), members.moa.id, midnight)).overdue).toBe(0);
  });
});
