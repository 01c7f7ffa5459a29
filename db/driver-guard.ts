/**
 * postgres.js 3.4.9 (the newest) crashes when a connection is closed by the server in the middle of a transaction
 * (porsager/postgres#1208): `begin` rejects as soon as the socket closes, the transaction body then fails and
 * sends its ROLLBACK on that connection, whose socket is already null; the write, deferred to a setImmediate,
 * throws `TypeError: Cannot read properties of null (reading 'write')` from `nextWrite`, outside any promise. In a
 * plain Node process that is an uncaught exception (the process dies); `next start` logs it and goes on, but the
 * connection object keeps a stale write timer and never sends anything again (every later query on it hangs).
 *
 * The guard recognises exactly that error (its message and the driver's `nextWrite` frame in
 * postgres/src/connection.js; next.config.mjs keeps the driver unbundled so its frames keep their names), logs it,
 * and hands the pool to `onCrash`, which replaces it. Any other uncaught exception is left alone: when this is the
 * process's only listener it ends the process as Node would have.
 */

const DRIVER_FRAME = /\bnextWrite\b[^\n]*postgres[\\/](cjs[\\/])?src[\\/]connection\.js/;

export function isClosedConnectionWrite(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    /Cannot read properties of null \(reading 'write'\)/.test(error.message) &&
    DRIVER_FRAME.test(error.stack ?? '')
  );
}

type CrashHandler = () => void;
const store = globalThis as unknown as { __passerelleDriverGuard?: { handlers: Set<CrashHandler> } };

/**
 * Calls `onCrash` when the driver fault happens (each pool registers one; the returned function unregisters it).
 * The process listener is installed once, whatever the number of pools.
 */
export function guardDriverCrash(onCrash: CrashHandler): () => void {
  if (!store.__passerelleDriverGuard) {
    const guard = { handlers: new Set<CrashHandler>() };
    store.__passerelleDriverGuard = guard;
    process.on('uncaughtException', (error) => {
      if (isClosedConnectionWrite(error)) {
        console.warn('[db] a PostgreSQL connection was closed mid-transaction (porsager/postgres#1208): pool replaced', error.message);
        for (const handler of guard.handlers) handler();
        return;
      }
      // Someone else (Next.js's server, the test runner) handles the others; alone, behave as Node's default.
      if (process.listenerCount('uncaughtException') === 1) {
        console.error(error);
        process.exit(1);
      }
    });
  }
  store.__passerelleDriverGuard.handlers.add(onCrash);
  return () => store.__passerelleDriverGuard?.handlers.delete(onCrash);
}
