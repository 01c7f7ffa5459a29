import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import * as approvals from '@/app/(app)/projects/[projectKey]/approvals/actions';
import { getDb } from '@/db/client';
import { emailOutbox, users } from '@/db/schema';
import { deliverPendingMail, deliverSoon } from '@/db/mail-delivery';
import { actAs, createProjectWithMembers } from '../setup/actors';
import { loose } from '../setup/server-actions';
import { createBaselineRow } from '../setup/signoff-rows';
import { createSpecificationRow } from '../setup/trace-items';

const requestApproval = loose(approvals.requestBaselineApproval);
const setRaci = loose(approvals.setRaci);

/** An SMTP server in this process: what it received, raw, per recipient. */
const received: { to: string[]; raw: string }[] = [];
let server: SMTPServer;
let port: number;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (raw += chunk));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

let project: Awaited<ReturnType<typeof createProjectWithMembers>>['project'];
let members: Awaited<ReturnType<typeof createProjectWithMembers>>['members'];

beforeEach(async () => {
  received.length = 0;
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  ({ project, members } = await createProjectWithMembers());
  await actAs(members.owner);
  const assignments = [
    { userId: members.amoe.id, raciRole: 'responsible' },
    { userId: members.moa.id, raciRole: 'approver' },
    { userId: members.amoa.id, raciRole: 'consulted' },
    { userId: members.viewer.id, raciRole: 'informed' },
  ];
  expect(await setRaci({ projectKey: project.key, deliverable: 'baseline', revision: 0, assignments })).toMatchObject({ ok: true });
});

async function request() {
  const baseline = await createBaselineRow(project, [(await createSpecificationRow(project)).id], { name: 'Lot paie' });
  await actAs(members.amoe);
  const result = await requestApproval({ projectKey: project.key, baselineId: baseline.id, message: 'Merci' });
  expect(result).toMatchObject({ ok: true });
  return baseline;
}

/** The text part of a received message, quoted-printable decoded (nodemailer encodes the accents that way). */
function bodyOf(raw: string): string {
  const body = raw.slice(raw.indexOf('\r\n\r\n') + 4).replace(/=\r\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '=' && /^[0-9A-F]{2}$/.test(body.slice(i + 1, i + 3))) {
      bytes.push(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(body[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

const outboxOf = (address: string) => getDb().select().from(emailOutbox).where(eq(emailOutbox.toAddress, address));

describe('e-mail of notifications (SMTP_URL set)', () => {
  test('queued in the transaction, sent after the commit, in each reader’s language; an opted-out person gets none', async () => {
    await getDb().update(users).set({ locale: 'en' }).where(eq(users.id, members.moa.id));
    await getDb().update(users).set({ emailNotifications: false }).where(eq(users.id, members.viewer.id));
    await request();
    // The action started a delivery run after its commit; wait for it (and for anything left).
    await deliverSoon();

    const byRecipient = Object.fromEntries(received.map((m) => [m.to[0], bodyOf(m.raw)]));
    expect(Object.keys(byRecipient).sort()).toEqual([members.amoa.email, members.moa.email].sort());
    expect(byRecipient[members.moa.email]).toContain('Approval requested: LDB-1 Lot paie (#1)');
    expect(byRecipient[members.moa.email]).toContain(`/projects/${project.key}/approvals/1`);
    // French unless the reader chose English, accents intact.
    expect(byRecipient[members.amoa.email]).toContain('Dans le projet Projet de test :');
    expect(byRecipient[members.amoa.email]).toContain('Approbation demandée : LDB-1 Lot paie (#1)');
    const [row] = await outboxOf(members.amoa.email);
    expect(row).toMatchObject({ locale: 'fr', attempts: 1, lastError: null });
    expect(row!.subject).toContain('Approbation demandée');
    expect(row!.sentAt).toBeInstanceOf(Date);
    expect(await outboxOf(members.viewer.email)).toEqual([]);
  });

  test('a mail server that refuses leaves the rows for a retry and never fails the action', async () => {
    process.env.SMTP_URL = 'smtp://127.0.0.1:1';
    await request();
    await deliverSoon();
    const [failed] = await outboxOf(members.moa.email);
    expect(failed).toMatchObject({ sentAt: null, attempts: 1 });
    expect(failed!.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(received).toEqual([]);

    // Its retry time come, the next run sends it.
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    await getDb().update(emailOutbox).set({ claimedUntil: sql`now() - interval '1 second'` }).where(eq(emailOutbox.id, failed!.id));
    expect((await deliverPendingMail()).failed).toBe(0);
    const [retried] = await outboxOf(members.moa.email);
    expect(retried).toMatchObject({ attempts: 2, lastError: null });
    expect(retried!.sentAt).toBeInstanceOf(Date);
    expect(received.map((m) => m.to[0])).toContain(members.moa.email);
  });
});
