import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { RESERVATION_SUBJECT } from '@/db/queries/approvals';
import { projects, reservations, signatures } from '@/db/schema';

/**
 * The lifting a reservation's PV de levée is drawn from: the standing (not revoked) lifting signature of the
 * reservation, else its latest revoked one (the PV then says it was revoked); null when it was never lifted.
 * One statement: the signature row carries the content it signed, and the revocation is joined.
 */
export async function findLifting(db: Executor, projectId: string, number: number) {
  const revocation = sql`(select r.signed_at from ${signatures} r where r.revokes_id = ${signatures.id})`;
  const [row] = await db
    .select({
      reservationNumber: reservations.number,
      signerName: signatures.signerName,
      signerRole: signatures.signerRole,
      signedAt: signatures.signedAt,
      meaning: signatures.meaning,
      reason: signatures.reason,
      content: signatures.content,
      contentHash: signatures.contentHash,
      revokedAt: sql<Date | string | null>`${revocation}`,
      project: { key: projects.key, name: projects.name, client: projects.client },
    })
    .from(reservations)
    .innerJoin(projects, eq(projects.id, reservations.projectId))
    .innerJoin(
      signatures,
      and(
        eq(signatures.projectId, reservations.projectId),
        eq(signatures.subjectKind, RESERVATION_SUBJECT),
        eq(signatures.subjectId, sql`${reservations.id}::text`),
        eq(signatures.meaning, 'reservation_lifted'),
      ),
    )
    .where(and(eq(reservations.projectId, projectId), eq(reservations.number, number)))
    .orderBy(sql`${revocation} is not null`, desc(signatures.signedAt), desc(signatures.id))
    .limit(1);
  if (!row) return null;
  return { ...row, revokedAt: row.revokedAt === null ? null : new Date(row.revokedAt) };
}
