import { eq, sql } from 'drizzle-orm';
import { getDb, type Executor } from '@/db/client';
import { startSession } from '@/db/queries/sessions';
import { instanceSettings, passwordTokens, projectMembers, projects, users } from '@/db/schema';
import { DEFAULT_INSTANCE_POLICY, type InstancePolicy } from '@/lib/auth/instance-policy';
import { hashPassword } from '@/lib/auth/password-hash';
import { PROJECT_ROLES, type ProjectRole } from '@/lib/auth/roles';
import { SETUP_LINK_TTL_MS } from '@/lib/auth/setup-link';
import { newOneTimeToken } from '@/lib/auth/tokens';
import { sessionFor, switchSession, type TestSession } from './request-state';

/** The password of every account these helpers create, unless told otherwise. */
export const TEST_PASSWORD = 'correct horse battery staple';

// argon2 costs ~50 ms a hash: hash the shared test password once per file.
let sharedHash: Promise<string> | undefined;
export function testPasswordHash(): Promise<string> {
  sharedHash ??= hashPassword(TEST_PASSWORD);
  return sharedHash;
}

function passwordHashFor(password: string | null): Promise<string | null> {
  if (password === null) return Promise.resolve(null);
  return password === TEST_PASSWORD ? testPasswordHash() : hashPassword(password);
}

let counter = 0;
/** Unique within a test file (each file has its own database). */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}${counter}`;
}

/** A project key that satisfies PROJECT_KEY_PATTERN and is unique within the file. */
export function uniqueProjectKey(prefix = 'P'): string {
  counter += 1;
  return `${prefix}${counter.toString(36).toUpperCase()}`.slice(0, 10);
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
}

export async function createUser(
  options: { email?: string; name?: string; isAdmin?: boolean; isActive?: boolean; password?: string | null; locale?: 'fr' | 'en' } = {},
  db: Executor = getDb(),
): Promise<TestUser> {
  const email = options.email ?? `${unique('user')}@example.test`;
  const [row] = await db
    .insert(users)
    .values({
      email,
      name: options.name ?? `Personne ${email.split('@')[0]}`,
      isAdmin: options.isAdmin ?? false,
      isActive: options.isActive ?? true,
      locale: options.locale ?? 'fr',
      passwordHash: await passwordHashFor(options.password === undefined ? TEST_PASSWORD : options.password),
    })
    .returning({ id: users.id, email: users.email, name: users.name });
  return row!;
}

/** The session a browser holds right after signing in as this user now (recorded like a sign-in); null signs out. */
export async function actAs(user: { id: string } | string | null): Promise<TestSession | null> {
  if (user === null) {
    switchSession(null);
    return null;
  }
  const id = typeof user === 'string' ? user : user.id;
  const [row] = await getDb().select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, id));
  if (!row) throw new Error(`actAs: no user ${id}`);
  const recorded = await startSession(getDb(), id);
  const session = sessionFor(id, row.sessionVersion, recorded.id, recorded.expiresAt);
  switchSession(session);
  return session;
}

/**
 * actAs for loops that switch between a few actors: each one's session is recorded once and reused until `forget()`,
 * which the loop calls once anything was written (a write may have revoked sessions). Recording a session is itself a
 * write, so a fresh one per iteration would make every iteration look like a change to the database.
 */
export function sessionPool() {
  const sessions = new Map<string, TestSession | null>();
  return {
    async actAs(user: { id: string } | null): Promise<void> {
      const key = user?.id ?? '';
      const known = sessions.get(key);
      if (known !== undefined) switchSession(known);
      else sessions.set(key, await actAs(user));
    },
    forget(): void {
      sessions.clear();
    },
  };
}

export interface TestProject {
  id: string;
  key: string;
  version: number;
}

export async function createProject(
  owner: { id: string },
  options: { key?: string; name?: string; client?: string } = {},
  db: Executor = getDb(),
): Promise<TestProject> {
  const [project] = await db
    .insert(projects)
    .values({
      key: options.key ?? uniqueProjectKey(),
      name: options.name ?? 'Projet de test',
      client: options.client ?? 'Client de test',
      createdBy: owner.id,
    })
    .returning({ id: projects.id, key: projects.key, version: projects.version });
  await db.insert(projectMembers).values({ projectId: project!.id, userId: owner.id, role: 'owner', addedBy: owner.id });
  return project!;
}

export async function addMembership(project: { id: string }, user: { id: string }, role: ProjectRole, db: Executor = getDb()) {
  await db.insert(projectMembers).values({ projectId: project.id, userId: user.id, role });
}

/** A project with one fresh account per role (the owner created it). */
export async function createProjectWithMembers(options: { key?: string } = {}) {
  const members = {} as Record<ProjectRole, TestUser>;
  for (const role of PROJECT_ROLES) members[role] = await createUser({ name: `Membre ${role}` });
  const project = await createProject(members.owner, options);
  for (const role of PROJECT_ROLES) if (role !== 'owner') await addMembership(project, members[role], role);
  return { project, members };
}

/** A one-time password link for this user, as an admin or owner would hand it over. */
export async function issueTestToken(user: { id: string }, options: { expiresAt?: Date } = {}): Promise<string> {
  const { token, tokenHash } = newOneTimeToken();
  await getDb()
    .insert(passwordTokens)
    .values({ userId: user.id, tokenHash, expiresAt: options.expiresAt ?? new Date(Date.now() + SETUP_LINK_TTL_MS) });
  return token;
}

export async function userRow(id: string) {
  const [row] = await getDb().select().from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function membershipRole(projectId: string, userId: string): Promise<ProjectRole | null> {
  const [row] = await getDb()
    .select({ role: projectMembers.role })
    .from(projectMembers)
    .where(sql`${projectMembers.projectId} = ${projectId} and ${projectMembers.userId} = ${userId}`);
  return row?.role ?? null;
}

/** Sets the instance policy directly (the action is tested in instance-policy.test.ts); no argument: the defaults. */
export async function setInstancePolicy(policy: Partial<InstancePolicy> = DEFAULT_INSTANCE_POLICY) {
  await getDb().update(instanceSettings).set(policy).where(eq(instanceSettings.id, 1));
}
