/**
 * Where the end-to-end suite's Chromium is. Shared by `scripts/ensure-chromium.mjs` (which provisions one when this
 * finds none) and `playwright.config.ts` (which launches it), so both always agree.
 *
 * Order: CHROMIUM_PATH, then the system's /usr/bin/chromium, then Playwright's own downloaded browser.
 */
'use strict';
// CommonJS so that both the ESM script and Playwright's (transpiled) config can load it: require() is the point.
/* eslint-disable @typescript-eslint/no-require-imports */
const fs = require('node:fs');

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Playwright's own browser, if it has been downloaded; null otherwise (or if playwright-core is not installed). */
function playwrightBrowser() {
  try {
    const { chromium } = require('playwright-core');
    const file = chromium.executablePath();
    return file && isExecutable(file) ? file : null;
  } catch {
    return null;
  }
}

/**
 * The Chromium to use, or null when there is none. `CHROMIUM_PATH`, when set, is the only candidate looked at: a
 * wrong value is reported rather than silently replaced by another browser.
 */
function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) {
    return isExecutable(env.CHROMIUM_PATH) ? { path: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' } : null;
  }
  if (isExecutable(SYSTEM_CHROMIUM)) return { path: SYSTEM_CHROMIUM, source: 'system' };
  const bundled = playwrightBrowser();
  if (bundled) return { path: bundled, source: 'playwright' };
  return null;
}

module.exports = { SYSTEM_CHROMIUM, findChromium };
