import path from 'node:path';

/**
 * Where the real-world corpus (ReqIF, JUnit files written by other tools) lives: `../shared/fixtures` beside the
 * clone in CI, or wherever PASSERELLE_FIXTURES says (a git worktree is not beside it).
 */
export function fixturesDir(...parts: string[]): string {
  return path.join(process.env.PASSERELLE_FIXTURES ?? path.resolve(process.cwd(), '../shared/fixtures'), ...parts);
}
