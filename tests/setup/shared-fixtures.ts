import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * A file of the shared real-world corpus (../shared/fixtures beside the repository in CI; PASSERELLE_FIXTURES
 * elsewhere, e.g. in a git worktree).
 */
export function sharedFixture(...segments: string[]): string {
  return path.join(process.env.PASSERELLE_FIXTURES ?? path.resolve(repoRoot, '../shared/fixtures'), ...segments);
}
