import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * AUTH_SECRET signs every session. Production on PostgreSQL must provide it; the embedded default generates one
 * into its data folder on first start so `npm run dev` and a local `npm start` need no configuration.
 */
export function resolveAuthSecret(options: {
  env: Record<string, string | undefined>;
  dataDir: string;
}): string | undefined {
  const { env, dataDir } = options;
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  // `next build` loads this module without serving anything: the secret is only needed at run time.
  if (env.NEXT_PHASE === 'phase-production-build') return undefined;
  if (env.DATABASE_URL && env.NODE_ENV === 'production') {
    throw new Error('AUTH_SECRET est obligatoire en production (openssl rand -base64 32). / AUTH_SECRET is required.');
  }
  const file = path.join(dataDir, 'auth-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString('base64');
    fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  }
}
