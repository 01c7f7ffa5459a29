import { expect, test } from '@playwright/test';
import { DEMO_PROJECT, DEMO_USERS, expectNotFound, signIn } from './helpers';

/** A malformed percent-encoding in a URL is a page or a resource that does not exist, never a server error. */
test('malformed percent-encoding in project URLs gives the not-found page, and JSON 404 from the API', async ({ page }) => {
  await signIn(page, DEMO_USERS.viewer.email);
  for (const path of ['/projects/%ZZ', '/projects/%E9t%C3', `/projects/${DEMO_PROJECT.key}/specifications/%ZZ`, `/projects/%ZZ/requirements`]) {
    const response = await page.goto(path);
    expect(response!.status(), path).toBe(404);
    await expectNotFound(page);
  }
  for (const path of ['/api/projects/%ZZ/trace-items?type=requirement&q=', '/api/projects/%ZZ/traceability/export?what=matrix']) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'not_found' });
  }
});
