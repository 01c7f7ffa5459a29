import type { Nodes, Parents, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

/**
 * Markdown (as requirements are written here) → the XHTML ReqIF carries in its XHTML attributes, prefixed `xhtml:`
 * and limited to elements the ReqIF XHTML schema allows. Raw HTML in the Markdown is written as text, never as markup.
 */
export function markdownToXhtml(markdown: string): string {
  const tree: Root = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  return `<xhtml:div>${children(tree)}</xhtml:div>`;
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

function children(node: Parents): string {
  return node.children.map((child) => render(child as Nodes)).join('');
}

const el = (tag: string, content: string, attrs = '') => `<xhtml:${tag}${attrs}>${content}</xhtml:${tag}>`;

function safeHref(url: string): string | null {
  return /^(https?:|mailto:)/i.test(url) ? url : null;
}

function render(node: Nodes): string {
  switch (node.type) {
    case 'root':
      return children(node);
    case 'paragraph':
      return el('p', children(node));
    case 'heading':
      return el(`h${node.depth}`, children(node));
    case 'list': {
      const start = node.ordered && node.start != null && node.start !== 1 ? ` start="${node.start}"` : '';
      return el(node.ordered ? 'ol' : 'ul', children(node), start);
    }
    case 'listItem':
      return el('li', children(node));
    case 'table': {
      const [head, ...rows] = node.children;
      const row = (r: (typeof node.children)[number], cell: 'th' | 'td') => el('tr', r.children.map((c) => el(cell, children(c))).join(''));
      return el('table', [head ? row(head, 'th') : '', ...rows.map((r) => row(r, 'td'))].join(''));
    }
    case 'code':
      return el('pre', escapeXml(node.value));
    case 'blockquote':
      return el('blockquote', children(node));
    case 'thematicBreak':
      return '<xhtml:hr/>';
    case 'break':
      return '<xhtml:br/>';
    case 'emphasis':
      return el('em', children(node));
    case 'strong':
      return el('strong', children(node));
    case 'delete':
      return el('del', children(node));
    case 'inlineCode':
      return el('code', escapeXml(node.value));
    case 'link': {
      const href = safeHref(node.url);
      return href ? el('a', children(node), ` href="${escapeXml(href)}"`) : children(node);
    }
    case 'image':
      return escapeXml(node.alt ?? '');
    case 'text':
    case 'html':
      return escapeXml(node.value);
    default:
      return 'children' in node ? children(node as Parents) : 'value' in node ? escapeXml(String(node.value)) : '';
  }
}
