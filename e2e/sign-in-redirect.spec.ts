import { expect, test } from '@playwright/test';
import { DEMO_USERS, signIn } from './helpers';

/**
 * A link to the sign-in page carrying a hostile callbackUrl must not send the person elsewhere once signed in.
 * Each variant once parsed by a browser points to another host (tab and newline are dropped, a backslash is a
 * slash, dot segments collapse); each must land on the app's own projects page.
 */
const HOSTILE = [
  '/\t/evil.example/',
  '/\n/evil.example/',
  '/\\evil.example/',
  '\\/evil.example/',
  '//evil.example/',
  '/x/..//evil.example/',
  'https://evil.example/',
  'javascript:alert(1)',
];

test('a hostile callbackUrl on the sign-in link leaves the person on the app', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  for (const callbackUrl of HOSTILE) {
    await page.context().clearCookies();
    await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await signIn(page, DEMO_USERS.viewer.email, undefined, { onCurrentPage: true, expectUrl: /\/projects$/ });
    expect(new URL(page.url()).origin, JSON.stringify(callbackUrl)).toBe(origin);
  }
});

test('a callbackUrl on the app itself is still followed, query and fragment included', async ({ page }) => {
  await page.goto(`/login?callbackUrl=${encodeURIComponent('/projects/PAIE/requirements?q=paie#liste')}`);
  await signIn(page, DEMO_USERS.viewer.email, undefined, {
    onCurrentPage: true,
    expectUrl: /\/projects\/PAIE\/requirements\?q=paie#liste$/,
  });
});
