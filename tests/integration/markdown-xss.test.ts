import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import * as requirementActions from '@/app/(app)/projects/[projectKey]/requirements/actions';
import * as specificationActions from '@/app/(app)/projects/[projectKey]/specifications/actions';
import { MarkdownView } from '@/components/markdown/markdown-view';
import { Redline } from '@/components/versioning/redline';
import { diffFields } from '@/lib/versioning/diff';
import { actAs, createProjectWithMembers } from '../setup/actors';
import { loose } from '../setup/server-actions';
import { requirementById, specificationById } from '../setup/trace-items';

const createRequirement = loose(requirementActions.createRequirement);
const updateRequirement = loose(requirementActions.updateRequirement);
const createSpecification = loose(specificationActions.createSpecification);

/**
 * XSS payloads typed into any Markdown field are stored as typed (input is never lost) and rendered inert: no script
 * element, no event handler attribute, no javascript: URL, whatever the field. Rendered with react-dom/server, the
 * way the server sends the first HTML (the Mermaid component renders its source as text until the browser draws it).
 */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '<a href="javascript:alert(1)">clic</a>',
  '[y](JaVaScRiPt:alert(1))',
  '![z](javascript:alert(1))',
  '<svg onload=alert(1)></svg>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '[ref][r]\n\n[r]: javascript:alert(1)',
  '<details open ontoggle=alert(1)>',
];
/** Shown as its (escaped) source until the browser draws it: the payload's words appear as text, never as markup. */
const MERMAID_PAYLOAD = '```mermaid\ngraph TD; A["<img src=x onerror=alert(1)>"] --> B\n```';
const ALL = [...PAYLOADS, MERMAID_PAYLOAD].join('\n\n');

function render(source: string): string {
  return renderToStaticMarkup(createElement(MarkdownView, { source }));
}

/** No element or attribute that runs code. Escaped text (`&lt;img onerror…`) is fine: it is not markup. */
function expectInert(html: string) {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<iframe/i);
  expect(html).not.toMatch(/<svg/i);
  const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  for (const tag of tags) {
    expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
    expect(tag).not.toMatch(/javascript:/i);
  }
}

/** Stricter, for sources without a code block: not even the words survive. */
function expectNoTrace(html: string) {
  expectInert(html);
  expect(html).not.toMatch(/onerror/i);
  expect(html).not.toMatch(/javascript:/i);
}

describe('the renderer itself', () => {
  test('renders Markdown (so an empty output could not pass the XSS checks by accident)', () => {
    const html = render('# Titre\n\n**gras** et [lien](https://example.com/doc)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```ts\nconst x = 1;\n```');
    expect(html).toContain('<h1');
    expect(html).toContain('<strong>gras</strong>');
    expect(html).toMatch(/<a href="https:\/\/example\.com\/doc"[^>]*rel="noopener noreferrer nofollow"/);
    expect(html).toContain('<table>');
    expect(html).toContain('const x = 1;');
  });

  test.each(PAYLOADS)('%j renders inert', (payload) => {
    expectNoTrace(render(payload));
  });

  test('all payloads in one document render inert', () => {
    expectNoTrace(render(PAYLOADS.join('\n\n')));
  });

  test('a mermaid block is shown as its source text, escaped, until the browser draws it', () => {
    const html = render(MERMAID_PAYLOAD);
    expectInert(html);
    expect(html).toContain('graph TD;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  test('the checks catch markup that would run (they are not vacuous)', () => {
    expect(() => expectInert('<p><img src="x" onerror="alert(1)"></p>')).toThrow();
    expect(() => expectInert('<p><a href="javascript:alert(1)">x</a></p>')).toThrow();
    expect(() => expectInert('<div><script>alert(1)</script></div>')).toThrow();
  });
});

describe('payloads stored through the actions', () => {
  test('requirement fields: stored verbatim, rendered inert, redline escaped', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.amoa);
    const input = {
      projectKey: project.key,
      title: '<script>alert(1)</script> Titre',
      statement: ALL,
      rationale: '<img src=x onerror=alert(1)>',
      acceptanceCriteria: '[x](javascript:alert(1))',
      source: '<a href="javascript:alert(1)">CCTP</a>',
      priority: 'must',
    };
    const created = (await createRequirement(input)) as { ok: boolean; data: { id: string } };
    expect(created.ok).toBe(true);
    const row = await requirementById(created.data.id);
    expect(row).toMatchObject({
      title: input.title,
      statement: input.statement,
      rationale: input.rationale,
      acceptanceCriteria: input.acceptanceCriteria,
      source: input.source,
    });
    for (const field of ['title', 'rationale', 'acceptanceCriteria', 'source'] as const) expectNoTrace(render(row![field]));
    expectInert(render(row!.statement));

    // The history diff shows the payload as text, never as markup.
    const updated = await updateRequirement({ ...input, id: row!.id, revision: 1, statement: `${ALL}\n\n<script>alert(2)</script>` });
    expect(updated).toMatchObject({ ok: true });
    const html = renderToStaticMarkup(
      createElement(Redline, { diffs: diffFields({ ...row }, { ...(await requirementById(row!.id)) }, ['title', 'statement']), labels: {}, sides: { before: 'v1', after: 'v2' } }),
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
  });

  test('specification fields: stored verbatim, rendered inert', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.amoe);
    const input = { projectKey: project.key, title: '<img src=x onerror=alert(1)>', body: ALL, category: 'security' };
    const created = (await createSpecification(input)) as { ok: boolean; data: { id: string } };
    expect(created.ok).toBe(true);
    const row = await specificationById(created.data.id);
    expect(row).toMatchObject({ title: input.title, body: input.body });
    expectInert(render(row!.body));
    expectNoTrace(render(row!.title));
  });
});
