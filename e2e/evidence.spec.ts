import { expect, test } from '@playwright/test';
import { DEMO_PROJECT, DEMO_USERS, fr, signedInContext } from './helpers';

/**
 * Evidence through the real server (proxy, body size limit, route handlers, storage on disk). The runner page that
 * mounts the evidence panel is built separately; until it lands, these checks go through the HTTP API with a
 * signed-in browser context, as the panel's uploads do.
 */

const ATTACHMENTS = `/api/projects/${DEMO_PROJECT.key}/attachments`;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

function png(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  return bytes;
}

test('signed out, an upload is refused as unauthenticated', async ({ request }) => {
  const response = await request.post(ATTACHMENTS, {
    multipart: { file: { name: 'a.png', mimeType: 'image/png', buffer: png(64) }, executionId: UNKNOWN },
  });
  expect(response.status()).toBe(401);
  expect(response.headers()['cache-control']).toMatch(/no-store/);
});

test('a viewer may not upload; a tester uploading to an unknown execution is told it does not exist', async ({ browser }) => {
  const viewer = await signedInContext(browser, DEMO_USERS.viewer.email);
  const refused = await viewer.context.request.post(ATTACHMENTS, {
    multipart: { file: { name: 'a.png', mimeType: 'image/png', buffer: png(64) }, executionId: UNKNOWN },
  });
  expect(refused.status()).toBe(403);
  await viewer.context.close();

  const tester = await signedInContext(browser, DEMO_USERS.moa.email);
  const missing = await tester.context.request.post(ATTACHMENTS, {
    multipart: { file: { name: 'a.png', mimeType: 'image/png', buffer: png(64) }, executionId: UNKNOWN },
  });
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toEqual({ code: 'not_found', message: fr.errors.not_found });
  const download = await tester.context.request.get(`${ATTACHMENTS}/${UNKNOWN}`);
  expect(download.status()).toBe(404);
  await tester.context.close();
});

test('a file just under 10 MB reaches the route whole; one over is refused with the size message', async ({ browser }) => {
  const { context } = await signedInContext(browser, DEMO_USERS.amoe.email);
  // Whole: the route parsed the form and got as far as looking up the (unknown) execution.
  const whole = await context.request.post(ATTACHMENTS, {
    multipart: { file: { name: 'grande.png', mimeType: 'image/png', buffer: png(10 * 1024 * 1024 - 1024) }, executionId: UNKNOWN },
  });
  expect(whole.status(), await whole.text()).toBe(404);

  const tooBig = await context.request.post(ATTACHMENTS, {
    multipart: { file: { name: 'trop.png', mimeType: 'image/png', buffer: png(10 * 1024 * 1024 + 1) }, executionId: UNKNOWN },
  });
  expect(tooBig.status()).toBe(400);
  expect((await tooBig.json()).message).toBe(fr.errors.evidenceTooBig);
  await context.close();
});
