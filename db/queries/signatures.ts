import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor, Transaction } from '@/db/client';
import type { ProjectMembership } from '@/db/queries/memberships';
import { confirmPassword } from '@/db/queries/sign-in';
import type { SessionUser } from '@/db/queries/users';
import { signatures } from '@/db/schema';
import type { AuditEntry } from '@/lib/actions/define-action';
import { ActionError, RecordedRefusal } from '@/lib/actions/result';
import { canonicalJson, contentHash } from '@/lib/signoff/canonical';
import type { SignatureMeaning } from '@/lib/signoff/model';
import type { ShownSignature } from '@/lib/signoff/views';

/** What is signed: a subject at one version, and its content as the server computes it now. */
export interface SignatureSubject {
  kind: string;
  id: string;
  version: number;
  content: unknown;
}

export interface SignRequest {
  actor: SessionUser;
  membership: ProjectMembership;
  /** Re-entered at every signature (21 CFR 11.200): checked under the sign-in throttle. */
  password: string;
  /** The client's address, for the throttle. */
  address: string;
  meaning: Exclude<SignatureMeaning, 'revoked'>;
  reason: string;
  subject: SignatureSubject;
  /** The version and hash the signer was shown: a different content now is a conflict, never a signature. */
  seen: { version: number; hash: string };
  audit: (entry: AuditEntry) => Promise<void>;
}

export type SignatureRow = typeof signatures.$inferSelect;

/** The hash and version a page shows next to what it asks to sign, so the request can carry them back. */
export function signable(subject: SignatureSubject) {
  return { version: subject.version, hash: contentHash(subject.content) };
}

async function checkPassword(
  tx: Transaction,
  request: Pick<SignRequest, 'actor' | 'password' | 'address' | 'audit' | 'membership'>,
  subject: { kind: string; id: string },
) {
  const outcome = await confirmPassword(tx, request.actor.id, request.password, request.address);
  if (outcome === 'ok') return;
  // The refusal is journaled and the throttle's counters kept: the transaction commits them, nothing else.
  await request.audit({
    entity: 'signature',
    entityId: `${subject.kind}:${subject.id}`,
    action: outcome === 'throttled' ? 'signature_throttled' : 'signature_password_failed',
    after: { address: request.address },
  });
  if (outcome === 'throttled') throw new RecordedRefusal('rate_limited', 'signatureThrottled');
  throw new RecordedRefusal('invalid', 'signaturePassword', { password: ['signature.wrongPassword'] });
}

/**
 * The one way to sign (issue 9), in the action's transaction, before the action writes anything else:
 * password re-entered (throttled like sign-in), then the content the signer saw compared with the content now
 * (another version or hash: conflict), then one append-only row with the signer's printed name and project role
 * of this moment, the server's time, the meaning, the reason and the canonical content with its SHA-256.
 * A second submission of the same signature returns the first (`created: false`) and writes nothing.
 */
export async function sign(tx: Transaction, request: SignRequest): Promise<{ signature: SignatureRow; created: boolean }> {
  const { subject } = request;
  await checkPassword(tx, request, subject);
  const hash = contentHash(subject.content);
  if (request.seen.version !== subject.version || request.seen.hash !== hash) {
    throw new ActionError('conflict', 'signatureStale');
  }
  const values = {
    projectId: request.membership.projectId,
    signerId: request.actor.id,
    signerName: request.actor.name,
    signerRole: request.membership.role,
    meaning: request.meaning,
    reason: request.reason,
    subjectKind: subject.kind,
    subjectId: subject.id,
    subjectVersion: subject.version,
    content: sql`${canonicalJson(subject.content)}::jsonb`,
    contentHash: hash,
  };
  const [inserted] = await tx.insert(signatures).values(values).onConflictDoNothing().returning();
  if (inserted) {
    await request.audit({
      entity: 'signature',
      entityId: inserted.id,
      action: 'sign',
      after: { meaning: inserted.meaning, subject: `${subject.kind}:${subject.id}`, version: subject.version, hash },
    });
    return { signature: inserted, created: true };
  }
  const [existing] = await tx
    .select()
    .from(signatures)
    .where(
      and(
        eq(signatures.subjectKind, subject.kind),
        eq(signatures.subjectId, subject.id),
        eq(signatures.subjectVersion, subject.version),
        eq(signatures.signerId, request.actor.id),
        sql`${signatures.revokesId} is null`,
      ),
    );
  if (!existing) throw new Error('sign: the signature that blocked the insert is gone');
  // Signed and then revoked: that version cannot be signed by the same person again.
  if (await isRevoked(tx, existing.id)) throw new ActionError('conflict', 'signatureAlreadyRevoked');
  return { signature: existing, created: false };
}

async function isRevoked(db: Executor, id: string): Promise<boolean> {
  const [row] = await db.select({ id: signatures.id }).from(signatures).where(eq(signatures.revokesId, id));
  return !!row;
}

/** The signer's standing (not revoked) signature on a subject, if any: a repeated submission finds it. */
export async function standingSignatureOf(db: Executor, kind: string, subjectId: string, signerId: string) {
  const [row] = await db
    .select({ id: signatures.id, meaning: signatures.meaning })
    .from(signatures)
    .where(
      and(
        eq(signatures.subjectKind, kind),
        eq(signatures.subjectId, subjectId),
        eq(signatures.signerId, signerId),
        sql`${signatures.meaning} <> 'revoked'`,
        sql`not exists (select 1 from ${signatures} r where r.revokes_id = ${signatures.id})`,
      ),
    );
  return row ?? null;
}

/**
 * Revokes one's own signature (DESIGN.md §3): a new row, meaning `revoked`, with the reason and the password
 * re-entered. Another person's signature, or one already revoked, is not found (a trigger also refuses the former).
 */
export async function revoke(
  tx: Transaction,
  request: Pick<SignRequest, 'actor' | 'membership' | 'password' | 'address' | 'audit'> & { signatureId: string; reason: string },
): Promise<SignatureRow> {
  const [original] = await tx
    .select()
    .from(signatures)
    .where(
      and(
        eq(signatures.id, request.signatureId),
        eq(signatures.projectId, request.membership.projectId),
        eq(signatures.signerId, request.actor.id),
        sql`${signatures.meaning} <> 'revoked'`,
        sql`not exists (select 1 from ${signatures} r where r.revokes_id = ${signatures.id})`,
      ),
    )
    .for('update');
  if (!original) throw new ActionError('not_found');
  await checkPassword(tx, request, { kind: original.subjectKind, id: original.subjectId });
  const content = { revokes: original.id, hash: original.contentHash, reason: request.reason };
  const [row] = await tx
    .insert(signatures)
    .values({
      projectId: original.projectId,
      signerId: request.actor.id,
      signerName: request.actor.name,
      signerRole: request.membership.role,
      meaning: 'revoked',
      reason: request.reason,
      subjectKind: original.subjectKind,
      subjectId: original.subjectId,
      subjectVersion: original.subjectVersion,
      content: sql`${canonicalJson(content)}::jsonb`,
      contentHash: contentHash(content),
      revokesId: original.id,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new ActionError('conflict', 'signatureAlreadyRevoked');
  await request.audit({ entity: 'signature', entityId: row.id, action: 'revoke', after: { revokes: original.id } });
  return original;
}


/** The signatures of subjects of one project (revocations folded into the signature they revoke), oldest first. */
export async function listSignatures(db: Executor, projectId: string, kind: string, subjectIds: string[]): Promise<ShownSignature[]> {
  if (subjectIds.length === 0) return [];
  const rows = await db
    .select()
    .from(signatures)
    .where(and(eq(signatures.projectId, projectId), eq(signatures.subjectKind, kind), inArray(signatures.subjectId, subjectIds)))
    .orderBy(asc(signatures.signedAt), asc(signatures.id));
  const revocations = new Map(rows.filter((r) => r.revokesId !== null).map((r) => [r.revokesId!, r]));
  return rows
    .filter((r) => r.meaning !== 'revoked')
    .map((r) => {
      const revocation = revocations.get(r.id);
      return {
        id: r.id,
        subjectId: r.subjectId,
        signerId: r.signerId,
        signerName: r.signerName,
        signerRole: r.signerRole,
        signedAt: r.signedAt,
        meaning: r.meaning,
        reason: r.reason,
        subjectVersion: r.subjectVersion,
        contentHash: r.contentHash,
        intact: contentHash(r.content) === r.contentHash,
        revokedAt: revocation?.signedAt ?? null,
        revocationReason: revocation?.reason ?? null,
        imported: r.importId !== null,
      };
    });
}
