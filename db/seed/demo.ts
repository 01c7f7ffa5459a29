import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auditEvents, projectMembers, projects, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password-hash';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_PROJECT } from './demo-accounts';
import { getStorage } from '@/lib/storage/select-storage';
import { seedDemoCampaigns } from './demo-campaigns';
import { seedDemoEvidence } from './demo-evidence';
import { seedDemoGoLive, seedDemoReadiness } from './demo-readiness';
import { seedDemoRecette } from './demo-recette';
import { seedDemoRunner } from './demo-runner';
import { seedDemoSignoff } from './demo-signoff';
import { seedDemoTraceability } from './demo-traceability';

/**
 * Seeds the demo project and one account per role, only into an empty database (no user at all), so a restart
 * or a database someone already uses is never touched. Returns whether it seeded.
 */
export async function seedDemoIfEmpty(db: Database): Promise<boolean> {
  const hashes = await Promise.all(DEMO_ACCOUNTS.map(() => hashPassword(DEMO_PASSWORD)));
  const seeded = await db.transaction(async (tx) => {
    // Serializes two processes starting together on the same PostgreSQL.
    await tx.execute(sql`select pg_advisory_xact_lock(7310442902)`);
    const [{ n } = { n: 0 }] = await tx.select({ n: sql<number>`count(*)::int` }).from(users);
    if (n > 0) return false;

    const created = await tx
      .insert(users)
      .values(DEMO_ACCOUNTS.map((a, i) => ({ email: a.email, name: a.name, isAdmin: a.isAdmin, passwordHash: hashes[i] })))
      .returning({ id: users.id, email: users.email });
    const idOf = new Map(created.map((u) => [u.email, u.id]));
    const ownerId = idOf.get(DEMO_ACCOUNTS[0]!.email)!;

    const [project] = await tx
      .insert(projects)
      .values({ ...DEMO_PROJECT, createdBy: ownerId })
      .returning({ id: projects.id });
    await tx.insert(projectMembers).values(
      DEMO_ACCOUNTS.map((a) => ({ projectId: project!.id, userId: idOf.get(a.email)!, role: a.role, addedBy: ownerId })),
    );
    const amoe = idOf.get(DEMO_ACCOUNTS.find((a) => a.role === 'amoe')!.email)!;
    const traceability = await seedDemoTraceability(tx, project!.id, {
      amoa: idOf.get(DEMO_ACCOUNTS.find((a) => a.role === 'amoa')!.email)!,
      amoe,
    });
    const roleId = (role: 'owner' | 'amoe' | 'amoa' | 'moa' | 'viewer') => idOf.get(DEMO_ACCOUNTS.find((a) => a.role === role)!.email)!;
    const recette = {
      ...(await seedDemoRecette(tx, project!.id, amoe)),
      ...(await seedDemoRunner(tx, project!.id, amoe)),
      ...(await seedDemoCampaigns(tx, project!.id, { amoe, amoa: roleId('amoa'), moa: roleId('moa') })),
    };
    const readiness = await seedDemoReadiness(tx, project!.id, { amoe, amoa: roleId('amoa'), moa: roleId('moa') });
    const signoff = await seedDemoSignoff(
      tx,
      project!.id,
      { owner: ownerId, amoe, amoa: roleId('amoa'), moa: roleId('moa'), viewer: roleId('viewer') },
      new Date(),
    );
    const goLive = await seedDemoGoLive(tx, project!.id, { owner: ownerId, amoe, amoa: roleId('amoa'), moa: roleId('moa') });
    await tx.insert(auditEvents).values([
      { actorId: null, projectId: null, entity: 'instance', entityId: 'demo', action: 'seed', after: { accounts: DEMO_ACCOUNTS.length } },
      { actorId: ownerId, projectId: project!.id, entity: 'project', entityId: project!.id, action: 'create', after: DEMO_PROJECT },
      { actorId: null, projectId: project!.id, entity: 'project', entityId: project!.id, action: 'seed', after: { ...traceability, ...recette, ...signoff, ...readiness, ...goLive } },
      ...DEMO_ACCOUNTS.map((a) => ({
        actorId: ownerId,
        projectId: project!.id,
        entity: 'member',
        entityId: idOf.get(a.email)!,
        action: 'add',
        after: { userId: idOf.get(a.email)!, role: a.role },
      })),
    ]);
    return true;
  });
  // The evidence's bytes go to the storage, outside the database: attached after the project is committed.
  if (seeded) await seedDemoEvidence(db, getStorage());
  return seeded;
}
