import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite allows one process per data folder: a second writer silently drifts apart and corrupts the folder.
 * The holder writes its pid in `<dir>/LOCK.pid`; anyone else refuses to open the folder while that pid lives.
 */
export class EmbeddedDatabaseLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `La base embarquée ${dir} est déjà ouverte par le processus ${pid} (serveur en cours ?). ` +
        `Arrêtez-le avant de lancer cette commande. / The embedded database is held by process ${pid}: stop it first.`,
    );
    this.name = 'EmbeddedDatabaseLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireEmbeddedLock(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const lockFile = path.join(dir, 'LOCK.pid');
  try {
    const holder = Number(fs.readFileSync(lockFile, 'utf8').trim());
    if (holder && holder !== process.pid && isAlive(holder)) throw new EmbeddedDatabaseLockedError(dir, holder);
  } catch (error) {
    if (error instanceof EmbeddedDatabaseLockedError) throw error;
  }
  fs.writeFileSync(lockFile, String(process.pid));
  process.once('exit', () => {
    try {
      if (fs.readFileSync(lockFile, 'utf8').trim() === String(process.pid)) fs.unlinkSync(lockFile);
    } catch {
      // Already gone: nothing to release.
    }
  });
}
