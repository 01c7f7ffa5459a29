import { parseOrdered, type OrderedNode } from './xml';

/**
 * ReqIF XHTML (the subset of XHTML 1.1 that ReqIF allows) → GitHub-flavoured Markdown, over the parsed tree rather
 * than with regexes: paragraphs, headings, lists (nested, ordered), tables (GFM, first row as header), code, quotes,
 * emphasis, links. Anything else keeps its text. A fragment that is not well-formed is kept as escaped plain text.
 */
export function xhtmlToMarkdown(fragment: string): string {
  const nodes = parseOrdered(fragment);
  if (nodes === null) return escapeText(collapse(fragment.replace(/<[^>]*>/g, ' '))).trim();
  return tidy(blocks(nodes));
}

type Attrs = Record<string, string>;

function tagOf(node: OrderedNode): string | null {
  for (const key of Object.keys(node)) if (key !== ':@' && key !== '#text') return key;
  return null;
}
function childrenOf(node: OrderedNode, tag: string): OrderedNode[] {
  const value = node[tag];
  return Array.isArray(value) ? value : [];
}
function attrsOf(node: OrderedNode): Attrs {
  return (node[':@'] as Attrs | undefined) ?? {};
}

const BLOCK = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'table', 'pre', 'blockquote', 'hr', 'dl', 'dt', 'dd',
  'address', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'colgroup', 'col',
]);

function collapse(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ');
}

/**
 * Markdown's own characters in plain text, so text never turns into formatting or HTML. `_` and `~` are escaped only
 * where they could open or close emphasis (not inside a word such as `snake_case`); `|` only inside table cells.
 */
function escapeText(text: string): string {
  return text
    .replace(/([\\`*[\]])/g, '\\$1')
    .replace(/<(?=[A-Za-z/!?])/g, '\\<')
    .replace(/(^|[^\p{L}\p{N}])_|_(?=[^\p{L}\p{N}]|$)/gu, (m) => m.replace('_', '\\_'))
    .replace(/~~/g, '\\~\\~');
}

/** A line that would start a heading, list, quote or rule is escaped at its start. */
function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)([#>+-]|\d+[.)])(?=\s|$)/, (_m, space: string, mark: string) =>
    /^\d/.test(mark) ? `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}` : `${space}\\${mark}`,
  );
}

function tidy(markdown: string): string {
  return markdown
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Inline content of a node list: text, emphasis, links, line breaks. Blocks met inside are flattened to text. */
function inline(nodes: OrderedNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (typeof node['#text'] === 'string') {
      out += escapeText(collapse(node['#text']));
      continue;
    }
    const tag = tagOf(node);
    if (!tag) continue;
    const kids = childrenOf(node, tag);
    out += inlineElement(tag, kids, attrsOf(node));
  }
  return out;
}

function wrap(mark: string, text: string): string {
  const inner = text.trim();
  if (!inner) return text;
  const lead = text.startsWith(' ') ? ' ' : '';
  const trail = text.endsWith(' ') ? ' ' : '';
  return `${lead}${mark}${inner}${mark}${trail}`;
}

function safeHref(href: string | undefined): string | null {
  if (!href) return null;
  return /^(https?:|mailto:)/i.test(href.trim()) ? href.trim().replace(/[()\s]/g, encodeURIComponent) : null;
}

function inlineElement(tag: string, kids: OrderedNode[], attrs: Attrs): string {
  switch (tag) {
    case 'strong':
    case 'b':
      return wrap('**', inline(kids));
    case 'em':
    case 'i':
    case 'cite':
    case 'dfn':
    case 'var':
      return wrap('*', inline(kids));
    case 'del':
    case 's':
    case 'strike':
      return wrap('~~', inline(kids));
    case 'code':
    case 'tt':
    case 'kbd':
    case 'samp': {
      const text = collapse(plain(kids));
      const ticks = text.includes('`') ? '``' : '`';
      return text.trim() ? `${ticks}${text}${ticks}` : text;
    }
    case 'br':
      return '\\\n';
    case 'a': {
      const text = inline(kids);
      const href = safeHref(attrs.href);
      return href && text.trim() ? `[${text.trim()}](${href})` : text;
    }
    case 'img':
    case 'object': {
      const label = attrs.alt ?? attrs.name ?? attrs.title ?? plain(kids);
      return label ? escapeText(collapse(label)) : '';
    }
    case 'q':
      return `« ${inline(kids).trim()} »`;
    default:
      // span, sub, sup, small, big, abbr, acronym, ins, u, and blocks met inside a line.
      return BLOCK.has(tag) ? ` ${inline(kids)} ` : inline(kids);
  }
}

/** Every bit of text under the nodes, unformatted (code, captions, alternative text). */
function plain(nodes: OrderedNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (typeof node['#text'] === 'string') out += node['#text'];
    else {
      const tag = tagOf(node);
      if (tag) out += tag === 'br' ? '\n' : plain(childrenOf(node, tag));
    }
  }
  return out;
}

function paragraph(text: string): string {
  const lines = text.trim().split('\n').map((l) => escapeLineStart(l.trim()));
  const body = lines.join('\n').trim();
  return body ? `${body}\n\n` : '';
}

/** A block container: runs of inline content become paragraphs, block children render as blocks. */
function blocks(nodes: OrderedNode[]): string {
  let out = '';
  let run: OrderedNode[] = [];
  const flush = () => {
    if (run.length) out += paragraph(inline(run));
    run = [];
  };
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag && BLOCK.has(tag)) {
      flush();
      out += block(tag, childrenOf(node, tag), attrsOf(node));
    } else run.push(node);
  }
  flush();
  return out;
}

function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((line) => (line ? by + line : line))
    .join('\n');
}

function list(kids: OrderedNode[], ordered: boolean, attrs: Attrs): string {
  let n = Number.parseInt(attrs.start ?? '1', 10) || 1;
  let out = '';
  for (const item of kids) {
    const tag = tagOf(item);
    if (tag !== 'li') {
      if (tag || item['#text']?.trim()) out += blocks([item]);
      continue;
    }
    const marker = ordered ? `${n++}. ` : '- ';
    // A nested list follows its item's text directly, so the list stays tight.
    const body = tidy(blocks(childrenOf(item, 'li'))).replace(/\n\n(?=(?:- |\d+\. ))/g, '\n');
    const [first = '', ...rest] = body.split('\n');
    out += `${marker}${first}\n${rest.length ? indent(rest.join('\n'), ' '.repeat(marker.length)) + '\n' : ''}`;
  }
  return `${out}\n`;
}

function cellText(nodes: OrderedNode[]): string {
  return inline(nodes).replace(/\\\n/g, ' ').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
}

function table(kids: OrderedNode[]): string {
  const rows: { cells: string[]; header: boolean }[] = [];
  let caption = '';
  const visit = (nodes: OrderedNode[], inHead: boolean) => {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (!tag) continue;
      if (tag === 'caption') caption = collapse(plain(childrenOf(node, tag))).trim();
      else if (tag === 'thead') visit(childrenOf(node, tag), true);
      else if (tag === 'tbody' || tag === 'tfoot') visit(childrenOf(node, tag), false);
      else if (tag === 'tr') {
        const cells: string[] = [];
        let header = inHead;
        for (const cell of childrenOf(node, tag)) {
          const cellTag = tagOf(cell);
          if (cellTag !== 'td' && cellTag !== 'th') continue;
          if (cellTag === 'th') header = true;
          const span = Math.max(1, Math.min(50, Number.parseInt(attrsOf(cell).colspan ?? '1', 10) || 1));
          cells.push(cellText(childrenOf(cell, cellTag)));
          for (let i = 1; i < span; i += 1) cells.push('');
        }
        rows.push({ cells, header });
      }
    }
  };
  visit(kids, false);
  if (rows.length === 0) return caption ? paragraph(escapeText(caption)) : '';
  const width = Math.max(...rows.map((r) => r.cells.length), 1);
  const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
  const headIndex = rows.findIndex((r) => r.header);
  const head = headIndex === 0 ? rows[0]! : { cells: [], header: true };
  const body = headIndex === 0 ? rows.slice(1) : rows;
  const out = [line(head.cells), `| ${Array.from({ length: width }, () => '---').join(' | ')} |`, ...body.map((r) => line(r.cells))];
  return `${caption ? paragraph(`**${escapeText(caption)}**`) : ''}${out.join('\n')}\n\n`;
}

function block(tag: string, kids: OrderedNode[], attrs: Attrs): string {
  switch (tag) {
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6': {
      const text = inline(kids).replace(/\\\n/g, ' ').trim();
      return text ? `${'#'.repeat(Number(tag[1]))} ${text}\n\n` : '';
    }
    case 'ul':
      return list(kids, false, attrs);
    case 'ol':
      return list(kids, true, attrs);
    case 'table':
      return table(kids);
    case 'pre': {
      const code = plain(kids).replace(/^\n/, '').replace(/\s+$/, '');
      const fence = code.includes('```') ? '~~~~' : '```';
      return `${fence}\n${code}\n${fence}\n\n`;
    }
    case 'blockquote': {
      const inner = tidy(blocks(kids));
      return inner ? `${inner.split('\n').map((l) => (l ? `> ${l}` : '>')).join('\n')}\n\n` : '';
    }
    case 'hr':
      return '---\n\n';
    case 'dl':
      return blocks(kids);
    case 'dt':
      return paragraph(wrap('**', inline(kids)));
    case 'dd': {
      const inner = tidy(blocks(kids));
      return inner ? `${indent(inner, '  ')}\n\n` : '';
    }
    case 'li':
      return list([{ li: kids } as OrderedNode], false, {});
    case 'tr':
    case 'thead':
    case 'tbody':
    case 'tfoot':
      return table([{ [tag]: kids } as OrderedNode]);
    case 'td':
    case 'th':
    case 'caption':
      return paragraph(inline(kids));
    case 'colgroup':
    case 'col':
      return '';
    default:
      // p, div, address: a container of paragraphs.
      return `${blocks(kids)}\n`;
  }
}

/** The text of an XHTML fragment on one line (titles written as XHTML, e.g. DOORS's ReqIF.Name). */
export function xhtmlToText(fragment: string): string {
  const nodes = parseOrdered(fragment);
  return collapse(nodes === null ? fragment.replace(/<[^>]*>/g, ' ') : plain(nodes)).trim();
}
