/** Runs once per server process before it serves a request. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { formatAbortReasonStacksEagerly } = await import('./lib/http/abort-reason-stacks');
  formatAbortReasonStacksEagerly();
  const [{ resolveAuthSecret }, { embeddedDataDir }, { bootstrapDatabase }] = await Promise.all([
    import('./lib/auth/secret'),
    import('./db/config'),
    import('./db/bootstrap'),
  ]);
  // Fail at start, not at the first sign-in, when production lacks its secret.
  resolveAuthSecret({ env: process.env, dataDir: embeddedDataDir() });
  await bootstrapDatabase();
}
