import { expect, test } from '@playwright/test';
import frSpecifications from '../messages/fr.specifications.json';
import { DEMO_USERS, createProject, hydrated, signIn } from './helpers';

const spec = frSpecifications.specifications;

/**
 * Diagram payloads known to have slipped through Mermaid's strict mode (CVE-2025-54880: architecture icon text;
 * CVE-2025-54881: sequence labels with KaTeX delimiters; state classDef HTML), plus the classics: HTML and
 * scripts in labels, `javascript:` and callback clicks. Each one, if it ran, would set `window.__pwned`.
 */
const DIAGRAMS = [
  'graph TD\n  A["<img src=/pwned-1 onerror=window.__pwned=1>"] --> B["<script>window.__pwned=2</script>"]\n' +
    '  B --> C["<iframe src=javascript:window.__pwned=3></iframe>"]\n' +
    '  click A "javascript:window.__pwned=4"\n  click B call alert(5)\n  click C href "javascript:window.__pwned=6"',
  'sequenceDiagram\n  participant A as Alice<img src=/pwned-7 onerror=window.__pwned=7>$$\\text{Alice}$$\n' +
    '  A->>B: Bonjour $$x^2$$ <img src=/pwned-8 onerror=window.__pwned=8>',
  'graph LR\n  K["$$<img src=/pwned-9 onerror=window.__pwned=9>$$"] --> L["$$\\frac{1}{2}$$"]',
  'architecture-beta\n  group api(cloud)[API]\n  service db("<img src=/pwned-10 onerror=window.__pwned=10>")[Base] in api',
  'architecture-beta\n  group api(cloud)[<img src=/pwned-11 onerror=window.__pwned=11>]\n' +
    '  service db(database)["<svg onload=window.__pwned=12>"] in api\n  service web(server)[Web] in api\n  db:L -- R:web',
  'stateDiagram-v2\n  classDef bad fill:#f00</style><img src=/pwned-13 onerror=window.__pwned=13>\n  [*] --> S1\n  class S1 bad',
  'graph LR\n  A[Texte <b>gras</b>] --> B{Décision ?}\n  B -->|oui| C[(Base de paie)]',
];
const BODY = DIAGRAMS.map((diagram) => `\`\`\`mermaid\n${diagram}\n\`\`\``).join('\n\n');

test('diagram payloads in a specification draw, but add no element or attribute of their own and run nothing', async ({
  browser,
}) => {
  // The page's CSP would block inline handlers anyway: bypass it, so this proves the sanitizing, not the CSP.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const payloadRequests: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/pwned')) payloadRequests.push(request.url());
  });
  // From the first byte of every page: any element or attribute that could run code or fetch a URL, anywhere in
  // the document, even if it is removed again a moment later (Mermaid measures labels in the live page). The app's
  // own scripts are Next's. React parks a `javascript:` URL that only throws in
  // the `action` of server-action forms, the one such URL the app writes.
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __forbidden: string[] }).__forbidden = seen;
    const reactFormAction = /^javascript:throw new Error\('React form unexpectedly submitted\.'\)$/;
    const check = (root: Element) => {
      for (const element of [root, ...root.querySelectorAll('*')]) {
        const tag = element.localName.toLowerCase();
        if (['img', 'image', 'iframe', 'object', 'embed'].includes(tag)) seen.push(`<${tag}>`);
        // Next's scripts carry the page's nonce or come from its own bundle; anything else was injected.
        const src = element.getAttribute('src') ?? '';
        if (tag === 'script' && !element.hasAttribute('nonce') && !src.startsWith('/_next/')) seen.push(`<script src=${src}>`);
        for (const attribute of element.attributes) {
          if (/^on/i.test(attribute.name)) seen.push(`${tag}@${attribute.name}`);
          if (/^\s*javascript:/i.test(attribute.value) && !reactFormAction.test(attribute.value)) seen.push(`${tag}@${attribute.name}=${attribute.value.slice(0, 90)}`);
        }
      }
    };
    new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'attributes' && record.target instanceof Element) check(record.target);
        for (const node of record.addedNodes) if (node instanceof Element) check(node);
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });

  await signIn(page, DEMO_USERS.owner.email);
  const project = await createProject(page);
  await page.goto(`/projects/${project.key}/specifications/new`);
  await hydrated(page);
  await page.getByLabel(spec.editor.title, { exact: true }).fill('Diagrammes hostiles');
  await page.getByLabel(spec.editor.category, { exact: true }).selectOption('security');
  await page.getByLabel(spec.editor.body, { exact: true }).fill(BODY);
  await page.getByRole('button', { name: spec.editor.create }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${project.key}/specifications/STD-1$`));
  // Rendered on this page load (not only in the editor's preview), and reloaded to start from a clean page.
  await page.reload();

  const markdown = page.getByTestId('markdown');
  const drawn = markdown.getByTestId('mermaid-diagram');
  const refused = markdown.getByTestId('mermaid-error');
  // Every block ends as a diagram or as Mermaid's refusal (syntax a release no longer accepts), never half-way.
  await expect.poll(async () => (await drawn.count()) + (await refused.count())).toBe(DIAGRAMS.length);
  // The harmless diagram really is drawn, labels included: the checks below do not pass on an empty page.
  await expect(drawn.locator('svg').filter({ hasText: 'Décision ?' })).toBeVisible();
  expect(await drawn.count()).toBeGreaterThanOrEqual(5);

  // Let late image errors and handlers fire before judging; every check is reported, not only the first failing.
  await page.waitForTimeout(1_000);
  const inDiagrams = await drawn.evaluateAll((diagrams) =>
    diagrams.flatMap((diagram) =>
      [...diagram.querySelectorAll('*')].flatMap((element) => [
        ...(['img', 'image', 'script', 'iframe', 'object', 'embed', 'use', 'a'].includes(element.localName) ? [element.localName] : []),
        ...[...element.attributes]
          .filter((a) => /^on/i.test(a.name) || /javascript:/i.test(a.value) || /^(xlink:)?href$|^src$/i.test(a.name))
          .map((a) => `${element.localName}@${a.name}`),
      ]),
    ),
  );
  expect.soft(inDiagrams).toEqual([]);
  expect.soft(await page.evaluate(() => (window as unknown as { __forbidden: string[] }).__forbidden)).toEqual([]);
  expect.soft(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect.soft(dialogs).toEqual([]);
  expect.soft(payloadRequests).toEqual([]);
  await context.close();
});
