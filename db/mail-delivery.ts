import 'server-only';
import { eq, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { getDb, type Executor } from '@/db/client';
import { emailOutbox } from '@/db/schema';
import { MAIL_MAX_ATTEMPTS } from '@/lib/notifications/model';

/**
 * Sends the outbox after the commit of the change that filled it (lib/actions/define-action.ts). Each row is claimed
 * for a while by one statement (skip locked: two servers never take the same row), sent outside any transaction,
 * then marked sent; a failure keeps the row with its error and a later retry time, and never reaches the person
 * whose action queued it.
 */
const CLAIM_SECONDS = 120;
const BATCH = 20;

let transporter: { url: string; transport: Transporter } | null = null;

function transport(url: string): Transporter {
  if (transporter?.url !== url) transporter = { url, transport: nodemailer.createTransport(url) };
  return transporter.transport;
}

export function mailFrom(): string {
  return process.env.PASSERELLE_MAIL_FROM || 'Passerelle <no-reply@passerelle.invalid>';
}

interface Claimed {
  id: string;
  to_address: string;
  subject: string;
  body: string;
  attempts: number;
}

async function claim(db: Executor): Promise<Claimed[]> {
  const result = await db.execute(sql`
    update ${emailOutbox} set claimed_until = now() + make_interval(secs => ${CLAIM_SECONDS}), attempts = attempts + 1
    where id in (
      select id from ${emailOutbox}
      where sent_at is null and attempts < ${MAIL_MAX_ATTEMPTS} and (claimed_until is null or claimed_until < now())
      order by created_at limit ${BATCH} for update skip locked
    )
    returning id, to_address, subject, body, attempts`);
  // PGlite answers `{ rows }`, postgres.js an array.
  return (Array.isArray(result) ? result : (result as { rows: Claimed[] }).rows) as Claimed[];
}

/** Sends what is due, batch after batch; returns how many were sent and how many failed this time. */
export async function deliverPendingMail(db: Executor = getDb()): Promise<{ sent: number; failed: number }> {
  const url = process.env.SMTP_URL;
  if (!url) return { sent: 0, failed: 0 };
  let sent = 0;
  let failed = 0;
  for (;;) {
    const rows = await claim(db);
    if (rows.length === 0) break;
    for (const row of rows) {
      try {
        await transport(url).sendMail({ from: mailFrom(), to: row.to_address, subject: row.subject, text: row.body });
        await db.update(emailOutbox).set({ sentAt: sql`now()`, lastError: null }).where(eq(emailOutbox.id, row.id));
        sent += 1;
      } catch (error) {
        failed += 1;
        // Tried again after a wait that grows with the attempts (1, 4, 9… minutes).
        await db
          .update(emailOutbox)
          .set({ lastError: String((error as Error)?.message ?? error).slice(0, 500), claimedUntil: sql`now() + make_interval(mins => ${row.attempts * row.attempts})` })
          .where(eq(emailOutbox.id, row.id));
      }
    }
    if (rows.length < BATCH) break;
  }
  return { sent, failed };
}

let running: Promise<unknown> | null = null;
let again = false;

/** Starts a delivery run unless one is going (then that one runs once more): called after a commit, not awaited. */
export function deliverSoon(): Promise<unknown> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      await deliverPendingMail().catch((error) => console.error('[mail] delivery', error));
    } while (again);
  })().finally(() => {
    running = null;
  });
  return running;
}
