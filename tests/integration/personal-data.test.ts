import { sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { createUser as createAccount, issuePasswordLink, pseudonymizeUser, setUserActive } from '@/app/(app)/admin/users/actions';
import { updateProfile } from '@/app/(app)/profile/actions';
import { addMember, changeMemberRole, removeMember } from '@/app/(app)/projects/[projectKey]/settings/actions';
import { getDb } from '@/db/client';
import { listAuditEvents } from '@/db/queries/audit';
import { authenticateWithPassword } from '@/db/queries/sign-in';
import { getCurrentUser } from '@/lib/session/current-user';
import { TEST_PASSWORD, actAs, createProjectWithMembers, createUser, setInstancePolicy, unique, userRow } from '../setup/actors';
import { countRows, queryRows, snapshotTables } from '../setup/db-state';
import { switchSession } from '../setup/request-state';

/** Every audit row whose text (entity id and both payloads) contains `needle`, case-insensitively. */
async function auditRowsMentioning(needle: string) {
  return queryRows<{ id: number; action: string }>(
    sql`select id, action from audit_events
        where position(lower(${needle}) in lower(entity_id || ' ' || coalesce(before::text, '') || ' ' || coalesce(after::text, ''))) > 0`,
  );
}

describe('the journal names people by id, and an account can be pseudonymized (RGPD)', () => {
  test('after pseudonymization no audit row holds the old e-mail or name, and the journal shows the pseudonym', async () => {
    const admin = await createUser({ isAdmin: true });
    const { project, members } = await createProjectWithMembers();
    const email = `${unique('josiane.tartempion')}@example.test`;
    const name = `Josiane Tartempion ${unique('')}`;

    // A life in the journal: created by an administrator, signs in, renames herself, joins, changes role, leaves,
    // is invited to another project by e-mail.
    await actAs(admin);
    const created = await createAccount({ name, email, isAdmin: false });
    expect(created).toMatchObject({ ok: true });
    const personId = (created as { data: { userId: string } }).data.userId;
    await queryRows(sql`update users set password_hash = (select password_hash from users where id = ${admin.id}) where id = ${personId}`);
    expect(await authenticateWithPassword({ email, password: TEST_PASSWORD, address: '198.51.100.7' })).toMatchObject({ id: personId });
    expect(await authenticateWithPassword({ email, password: 'pas le bon', address: '198.51.100.7' })).toBeNull();
    const session = await actAs(personId);
    const renamed = `${name} épouse Dupont`;
    expect(await updateProfile({ name: renamed, locale: 'fr', version: (await userRow(personId))!.version })).toMatchObject({ ok: true });

    await actAs(members.owner);
    expect(await addMember({ projectKey: project.key, email, role: 'amoa' })).toMatchObject({ ok: true });
    expect(await changeMemberRole({ projectKey: project.key, userId: personId, role: 'moa' })).toMatchObject({ ok: true });
    expect(await removeMember({ projectKey: project.key, userId: personId })).toMatchObject({ ok: true });
    expect(await addMember({ projectKey: project.key, email: email.toUpperCase(), role: 'viewer' })).toMatchObject({ ok: true });
    await setInstancePolicy({ ownersMayCreateAccounts: true });
    const invited = `${unique('invitee')}@example.test`;
    expect(await addMember({ projectKey: project.key, email: invited, name: 'Invitée Quelconque', role: 'amoe' })).toMatchObject({ ok: true });
    await setInstancePolicy();

    // The journal already names nobody by e-mail or name.
    for (const needle of [email, name, renamed, invited, 'Invitée Quelconque']) expect(await auditRowsMentioning(needle)).toEqual([]);
    const auditCount = await countRows('audit_events');

    await actAs(admin);
    expect(await pseudonymizeUser({ userId: personId })).toMatchObject({ ok: true });

    // Name and e-mail are gone from the account; it is deactivated and its sessions are over.
    const row = (await userRow(personId))!;
    expect(row.name).not.toContain('Tartempion');
    expect(row.email).not.toContain('tartempion');
    expect(row).toMatchObject({ isActive: false, passwordHash: null, isAdmin: false, pseudonymizedAt: expect.any(Date) });
    expect(await countRows('login_throttles', sql`key like ${`%${email}%`}`)).toBe(0);
    switchSession(session);
    expect(await getCurrentUser()).toBeNull();
    // Signing in with the old e-mail fails like any unknown account, and the journal does not record what was typed.
    expect(await authenticateWithPassword({ email, password: TEST_PASSWORD, address: '198.51.100.8' })).toBeNull();

    // No audit row was updated or deleted: the pseudonymization and the failed sign-in were appended, and no row
    // holds the old identity.
    expect(await countRows('audit_events')).toBe(auditCount + 2);
    const [appended] = await queryRows<{ action: string; entity_id: string; before: unknown; after: unknown }>(
      sql`select action, entity_id, before, after from audit_events where action = 'pseudonymize'`,
    );
    expect(appended).toEqual({
      action: 'pseudonymize',
      entity_id: personId,
      before: { active: true, admin: false, projectCreator: false },
      after: { active: false, admin: false, projectCreator: false, pseudonymized: true },
    });
    for (const needle of [email, name, renamed, 'Tartempion']) expect(await auditRowsMentioning(needle)).toEqual([]);

    // The journal page joins the current names: the pseudonym, wherever she acted or was acted upon.
    const page = await listAuditEvents(getDb(), project.id, {});
    const aboutHer = page.events.filter((e) => e.entity === 'member' && e.entityId === personId);
    expect(aboutHer.map((e) => e.action)).toEqual(['add', 'remove', 'change_role', 'add']);
    expect(new Set(aboutHer.map((e) => e.subjectName))).toEqual(new Set([row.name]));
    expect(JSON.stringify(page.events)).not.toContain('Tartempion');
  });

  test('a pseudonymized account cannot be reactivated nor given a password link; an administrator cannot pseudonymize themself', async () => {
    const admin = await createUser({ isAdmin: true });
    const person = await createUser();
    await actAs(admin);
    expect(await pseudonymizeUser({ userId: person.id })).toMatchObject({ ok: true });
    const before = await snapshotTables();
    expect(await setUserActive({ userId: person.id, active: true })).toMatchObject({ ok: false, code: 'conflict' });
    expect(await issuePasswordLink({ userId: person.id })).toMatchObject({ ok: false, code: 'conflict' });
    expect(await pseudonymizeUser({ userId: person.id })).toMatchObject({ ok: false, code: 'conflict' });
    expect(await pseudonymizeUser({ userId: admin.id })).toMatchObject({ ok: false, code: 'conflict' });
    expect(await snapshotTables()).toEqual(before);
  });
});
