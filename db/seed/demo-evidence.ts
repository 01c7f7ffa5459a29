import { createHash, randomUUID } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { attachments, auditEvents, executions, projects } from '@/db/schema';
import { attachmentKey, type ObjectStorage } from '@/lib/storage/storage';
import { DEMO_PROJECT } from './demo-accounts';

const WIDTH = 200;
const HEIGHT = 120;

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A 200×120 PNG that looks like a screenshot of a form showing a wrong value: a title bar, grey field labels, and
 * one field framed in red. Drawn pixel by pixel and encoded with zlib, so the demo needs no image file in the repo.
 */
export function demoScreenshotPng(): Uint8Array {
  const rgb = (x: number, y: number): [number, number, number] => {
    if (y < 16) return x > 184 && y > 4 && y < 12 ? [220, 80, 80] : [40, 70, 140]; // title bar and close button
    const inBox = (x0: number, y0: number, w: number, h: number) => x >= x0 && x < x0 + w && y >= y0 && y < y0 + h;
    for (const row of [30, 56, 82]) {
      if (inBox(12, row + 3, 50, 4)) return [150, 150, 150]; // label
      const field = inBox(80, row, 104, 14);
      const edge = field && !inBox(81, row + 1, 102, 12);
      const wrong = row === 56;
      if (edge) return wrong ? [210, 30, 30] : [170, 170, 170];
      if (field) return wrong && inBox(86, row + 5, 40, 4) ? [210, 30, 30] : inBox(86, row + 5, 60, 4) ? [60, 60, 60] : [255, 255, 255];
    }
    if (inBox(124, 102, 60, 12)) return [40, 110, 200]; // button
    return [245, 246, 248];
  };
  const raw = Buffer.alloc(HEIGHT * (1 + WIDTH * 3));
  for (let y = 0; y < HEIGHT; y += 1) {
    const line = y * (1 + WIDTH * 3);
    raw[line] = 0; // filter: none
    for (let x = 0; x < WIDTH; x += 1) raw.set(rgb(x, y), line + 1 + x * 3);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, deflate, no filter choice, no interlace
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return new Uint8Array(png);
}

/**
 * Attaches the demo screenshot to the demo project's first failed execution, if there is one (the demo's
 * executions come from another seed: without a failed one this does nothing). Bytes first, then the row in a
 * transaction; if that fails the bytes are removed again. Returns how many attachments it added.
 */
export async function seedDemoEvidence(db: Database, storage: ObjectStorage): Promise<number> {
  const [failed] = await db
    .select({ id: executions.id, projectId: executions.projectId, executedBy: executions.executedBy, steps: executions.steps, stepResults: executions.stepResults })
    .from(executions)
    .innerJoin(projects, eq(projects.id, executions.projectId))
    .where(and(eq(projects.key, DEMO_PROJECT.key), eq(executions.status, 'failed')))
    .orderBy(asc(executions.startedAt), asc(executions.id))
    .limit(1);
  if (!failed) return 0;

  const bytes = demoScreenshotPng();
  const id = randomUUID();
  const storageKey = attachmentKey(failed.projectId, id);
  // The failed step, when the results say which one, so the screenshot sits where the tester would have put it.
  const failedStep = failed.stepResults.findIndex((r) => r.status === 'failed');
  const described = {
    executionId: failed.id,
    stepIndex: failedStep >= 0 && failedStep < failed.steps.length ? failedStep : null,
    anomalyId: null,
    fileName: 'capture-net-a-payer.png',
    contentType: 'image/png',
    byteSize: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
  await storage.put(storageKey, bytes, described.contentType);
  try {
    await db.transaction(async (tx) => {
      await tx.insert(attachments).values({ id, projectId: failed.projectId, storageKey, uploadedBy: failed.executedBy, ...described });
      await tx.insert(auditEvents).values({
        actorId: null,
        projectId: failed.projectId,
        entity: 'attachment',
        entityId: id,
        action: 'seed',
        after: described,
      });
    });
  } catch (error) {
    await storage.delete(storageKey);
    throw error;
  }
  return 1;
}
