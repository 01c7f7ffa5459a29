import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/**
 * Each test file stores attachment bytes in its own temporary directory (the local driver), never in the
 * worktree's `.data/`; a file that tests the S3 driver points the variables at its own server instead.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-attachments-'));
process.env.PASSERELLE_ATTACHMENTS_DIR = dir;
delete process.env.PASSERELLE_S3_BUCKET;

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});
