import { expect, type Page } from '@playwright/test';
import axe from 'axe-core';

/** The WCAG 2.1 A and AA rules (RGAA 4 follows WCAG 2.1 AA). Every rule of those tags runs, colour contrast included. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe-core's WCAG 2.1 A and AA rules on the page as it stands and returns one line per violation and element:
 * `rule [impact]: selector`, with the colours and ratio for a contrast failure so the line says what to fix.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // Next.js streams a dynamic page's <title> after its body: a check right after the navigation can run before it
  // arrives. Wait for it a moment; a page that truly has none still fails below (document-title).
  await page.waitForFunction(() => document.title !== '', undefined, { timeout: 5_000 }).catch(() => {});
  await page.addScriptTag({ content: axe.source });
  return page.evaluate(async (tags) => {
    type Node = { target: string[]; any: { data?: { fgColor?: string; bgColor?: string; contrastRatio?: number } }[] };
    type Result = { violations: { id: string; impact: string; nodes: Node[] }[] };
    // A colour transition still running (a button hovered by the last click) is checked at its end colours, the ones
    // a person reads, not at a frame halfway between two states.
    for (const animation of document.getAnimations()) {
      try {
        animation.finish();
      } catch {
        // An endless animation (a spinner) cannot finish: it is left as it is.
      }
    }
    const run = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<Result> } }).axe;
    const result = await run.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.flatMap((v) =>
      v.nodes.map((n) => {
        const data = n.any[0]?.data;
        const colours = data?.contrastRatio ? ` (${data.fgColor} on ${data.bgColor}: ${data.contrastRatio})` : '';
        return `${v.id} [${v.impact}]: ${n.target.join(' ')}${colours}`;
      }),
    );
  }, WCAG_TAGS);
}

/** Fails with the page's WCAG 2.1 A/AA violations, whatever their impact (so serious and critical ones above all). */
export async function expectAccessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}
