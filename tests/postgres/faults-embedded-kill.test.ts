import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

/**
 * The embedded server killed with SIGKILL in the middle of its writes (an OOM kill, `kill -9`, a power cut of the
 * process): a process opening the data folder as the server does (its lock, PGlite, the migrations) commits one
 * account + journal row per transaction and acknowledges each commit; it is killed after some acknowledgements,
 * while writing. Restarted on the same folder — the stale lock of a dead process does not block it — every
 * acknowledged write is there, and the folder still takes writes. Lives with the PostgreSQL faults (run by
 * .ci/run), although it needs no server: each start of a fresh folder costs PGlite tens of seconds on a loaded
 * machine, too slow for `npm test`.
 */

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-kill-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const script = 'tests/postgres/processes/embedded-writer.mts';
const env = { ...process.env, PASSERELLE_DATA_DIR: dataDir, DATABASE_URL: '', PASSERELLE_SEED_DEMO: 'false' };

/** Starts the writer, waits for `count` acknowledgements, kills it with SIGKILL; the numbers acknowledged. */
function writeThenKill(prefix: string, count: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    // One process (tsx as a loader, not its launcher), so SIGKILL reaches the very process that holds the folder.
    const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=react-server', script, 'write', prefix], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: number[] = [];
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        const match = /^ack (\d+)$/.exec(line);
        if (match) acked.push(Number(match[1]));
      }
      // Killed while it writes the next one.
      if (acked.length >= count && !child.killed) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the writer was not killed (${code ?? signal}): ${stderr}`));
      else if (acked.length < count) reject(new Error(`the writer stopped early (${code ?? signal}): ${stderr}`));
      else resolve(acked);
    });
  });
}

function check(prefix: string): string[] {
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=react-server', script, 'check', prefix], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.status, run.stderr).toBe(0);
  return (JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { emails: string[] }).emails;
}

describe('the embedded database killed with SIGKILL during writes', () => {
  test('every acknowledged write survives the restart, and the folder still takes writes', async () => {
    const acked = await writeThenKill('kill', 30);
    // The killed writer's lock file names a dead process: the restart opens the folder anyway.
    expect(fs.readFileSync(path.join(dataDir, 'LOCK.pid'), 'utf8')).not.toBe('');
    const found = new Set(check('kill'));
    const lost = acked.filter((n) => !found.has(`kill-${n}@example.test`));
    expect(lost, 'acknowledged but lost after kill -9').toEqual([]);
    // The kill is sent on the 30th acknowledgement; one more may already be on its way (the same chunk of output, or
    // a commit finished before the signal lands).
    expect(acked.length).toBeGreaterThanOrEqual(30);
  }, 150_000);
});
