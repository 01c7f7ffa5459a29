/**
 * Which transactions queued e-mail, so the action wrapper sends after their commit and only then (never inside the
 * transaction: a slow or failing mail server must not hold locks nor undo the person's change).
 */
const queued = new WeakSet<object>();

export function markMailQueued(tx: object): void {
  queued.add(tx);
}

export function mailQueuedIn(tx: object): boolean {
  return queued.has(tx);
}

/** E-mail is on when the instance has a mail server; the embedded default sends nothing and needs no setup. */
export function mailEnabled(): boolean {
  return Boolean(process.env.SMTP_URL);
}
