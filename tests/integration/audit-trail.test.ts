import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { updateProject } from '@/app/(app)/projects/[projectKey]/settings/actions';
import { createProject as createProjectAction } from '@/app/(app)/projects/actions';
import { getDb, type Transaction } from '@/db/client';
import { projects } from '@/db/schema';
import { projectAction, userAction } from '@/lib/actions/define-action';
import { errorMessage } from '@/lib/actions/messages';
import { ActionError } from '@/lib/actions/result';
import { z } from 'zod';
import { actAs, createProjectWithMembers, createUser, uniqueProjectKey } from '../setup/actors';
import { countRows, maxAuditId, queryRows, snapshotTables } from '../setup/db-state';

/** The database's own error text, wherever the driver wraps it. */
function errorText(error: unknown): string {
  const parts: string[] = [];
  for (let e = error as { message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) parts.push(String(e.message));
  return parts.join(' / ');
}

async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    return errorText(error);
  }
  throw new Error('the statement was accepted');
}

describe('audit_events is append-only, enforced by the database', () => {
  let auditBefore: Record<string, string>;

  beforeEach(async () => {
    const owner = await createUser({ isAdmin: true });
    await actAs(owner);
    const result = await createProjectAction({ key: uniqueProjectKey('AUD'), name: 'Audité', client: 'Client' });
    expect(result.ok).toBe(true);
    expect(await countRows('audit_events')).toBeGreaterThan(0);
    auditBefore = await snapshotTables(['audit_events']);
  });

  afterEach(async () => {
    expect(await snapshotTables(['audit_events'])).toEqual(auditBefore);
  });

  test('UPDATE is refused', async () => {
    expect(await refusal(() => queryRows(sql`update audit_events set action = 'tampered'`))).toMatch(/append-only: UPDATE refused/);
  });

  test('UPDATE of a single row is refused too', async () => {
    const id = await maxAuditId();
    expect(await refusal(() => queryRows(sql`update audit_events set after = null where id = ${id}`))).toMatch(/append-only/);
  });

  test('DELETE is refused', async () => {
    expect(await refusal(() => queryRows(sql`delete from audit_events`))).toMatch(/append-only: DELETE refused/);
  });

  test('TRUNCATE is refused', async () => {
    expect(await refusal(() => queryRows(sql`truncate audit_events`))).toMatch(/append-only: TRUNCATE refused/);
  });

  test('an audited project cannot be deleted from under its history', async () => {
    const [project] = await getDb().select({ id: projects.id }).from(projects).limit(1);
    expect(await refusal(() => getDb().delete(projects).where(eq(projects.id, project!.id)))).toMatch(/foreign key/);
  });

  test('appending still works', async () => {
    await queryRows(sql`insert into audit_events (entity, entity_id, action) values ('test', 'x', 'append')`);
    expect(await countRows('audit_events', sql`action = 'append'`)).toBe(1);
    auditBefore = await snapshotTables(['audit_events']);
  });
});

describe('every mutation writes its audit row in the same transaction', () => {
  const input = z.object({ key: z.string() });

  async function signedIn() {
    const actor = await createUser();
    await actAs(actor);
    return actor;
  }

  function insertProject(tx: Transaction, key: string, actorId: string) {
    return tx.insert(projects).values({ key, name: 'Test', client: 'Test', createdBy: actorId }).returning({ id: projects.id });
  }

  test('a successful action commits the change and its audit row together', async () => {
    const actor = await signedIn();
    const action = userAction({
      name: 'testCommit',
      input,
      async handler({ tx, actor: who, input: { key }, audit }) {
        const [row] = await insertProject(tx, key, who.id);
        await audit({ projectId: row!.id, entity: 'project', entityId: row!.id, action: 'create', after: { key } });
        return row!.id;
      },
    });
    const since = await maxAuditId();
    const result = await action({ key: 'COMMIT' });
    expect(result.ok).toBe(true);
    const rows = await queryRows<{ actor_id: string; project_id: string; entity: string; action: string; after: unknown }>(
      sql`select actor_id, project_id, entity, action, after from audit_events where id > ${since}`,
    );
    expect(rows).toEqual([
      { actor_id: actor.id, project_id: result.ok ? result.data : '', entity: 'project', action: 'create', after: { key: 'COMMIT' } },
    ]);
  });

  test('a handler failing after its audit row rolls back both the change and the audit row', async () => {
    await signedIn();
    const action = userAction({
      name: 'testRollback',
      input,
      async handler({ tx, actor, input: { key }, audit }) {
        const [row] = await insertProject(tx, key, actor.id);
        await audit({ projectId: row!.id, entity: 'project', entityId: row!.id, action: 'create' });
        throw new ActionError('conflict', 'staleVersion');
      },
    });
    const before = await snapshotTables();
    const result = await action({ key: 'ROLLBACK' });
    expect(result).toMatchObject({ ok: false, code: 'conflict', message: errorMessage('fr', 'staleVersion') });
    expect(await snapshotTables()).toEqual(before);
  });

  test('a database error rolls everything back and reaches the user as a plain message, never raw', async () => {
    await signedIn();
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const action = userAction({
      name: 'testDatabaseError',
      input,
      async handler({ tx, actor, input: { key }, audit }) {
        const [row] = await insertProject(tx, key, actor.id);
        await audit({ projectId: row!.id, entity: 'project', entityId: row!.id, action: 'create' });
        await tx.execute(sql`select 1 / 0`);
        return null;
      },
    });
    const before = await snapshotTables();
    const result = await action({ key: 'DBERR' });
    expect(result).toEqual({ ok: false, code: 'server_error', message: errorMessage('fr', 'server_error') });
    expect(JSON.stringify(result)).not.toMatch(/division|select|zero/i);
    expect(consoleError).toHaveBeenCalled();
    expect(await snapshotTables()).toEqual(before);
    consoleError.mockRestore();
  });

  test('a handler that forgets its audit row fails and its change is rolled back', async () => {
    await signedIn();
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const action = userAction({
      name: 'testUnaudited',
      input,
      async handler({ tx, actor, input: { key } }) {
        await insertProject(tx, key, actor.id);
        return null;
      },
    });
    const before = await snapshotTables();
    const result = await action({ key: 'SILENT' });
    expect(result).toMatchObject({ ok: false, code: 'server_error' });
    expect(await snapshotTables()).toEqual(before);
    expect(consoleError.mock.calls.flat().join(' ')).toMatch(/testUnaudited: a mutation must write its audit row/);
    consoleError.mockRestore();
  });

  test("a project action's audit row carries the project by default", async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.owner);
    const since = await maxAuditId();
    const result = await updateProject({
      projectKey: project.key,
      name: 'Nom audité',
      client: 'Client',
      description: '',
      version: project.version,
    });
    expect(result.ok).toBe(true);
    const rows = await queryRows<{ actor_id: string; project_id: string; entity: string; action: string; before: { name: string }; after: { name: string } }>(
      sql`select actor_id, project_id, entity, action, before, after from audit_events where id > ${since}`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor_id: members.owner.id,
      project_id: project.id,
      entity: 'project',
      action: 'update',
      before: { name: 'Projet de test' },
      after: { name: 'Nom audité' },
    });
  });

  test('the project scope check runs inside the transaction too: a refused project action leaves nothing', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.viewer);
    const action = projectAction({
      name: 'testRefused',
      permission: 'project.manage',
      input: z.object({ projectKey: z.string() }),
      async handler({ audit }) {
        await audit({ entity: 'project', entityId: 'x', action: 'never' });
        return null;
      },
    });
    const before = await snapshotTables();
    expect(await action({ projectKey: project.key })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await snapshotTables()).toEqual(before);
  });
});
