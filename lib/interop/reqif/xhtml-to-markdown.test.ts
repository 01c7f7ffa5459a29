import { describe, expect, test } from 'vitest';
import { xhtmlToMarkdown, xhtmlToText } from './xhtml-to-markdown';

const x = (body: string) => `<xhtml:div xmlns:xhtml="http://www.w3.org/1999/xhtml">${body}</xhtml:div>`;

describe('XHTML → Markdown', () => {
  test.each([
    ['paragraphs', '<xhtml:p>Un.</xhtml:p><xhtml:p>Deux.</xhtml:p>', 'Un.\n\nDeux.'],
    ['emphasis, code, strike, line break', '<xhtml:p><xhtml:b>gras</xhtml:b> <xhtml:i>it</xhtml:i> <xhtml:code>a()</xhtml:code> <xhtml:del>x</xhtml:del><xhtml:br/>suite</xhtml:p>', '**gras** *it* `a()` ~~x~~\\\nsuite'],
    ['headings', '<xhtml:h2>Titre</xhtml:h2><xhtml:p>Texte</xhtml:p>', '## Titre\n\nTexte'],
    ['nested lists, ordered from 3', '<xhtml:ol start="3"><xhtml:li>un<xhtml:ul><xhtml:li>a</xhtml:li><xhtml:li>b</xhtml:li></xhtml:ul></xhtml:li><xhtml:li>deux</xhtml:li></xhtml:ol>', '3. un\n   - a\n   - b\n4. deux'],
    [
      'a table: header row, cells, a pipe escaped, colspan kept as empty cells',
      '<xhtml:table><xhtml:thead><xhtml:tr><xhtml:th>Élément</xhtml:th><xhtml:th>Taux</xhtml:th><xhtml:th>Note</xhtml:th></xhtml:tr></xhtml:thead><xhtml:tbody><xhtml:tr><xhtml:td>CSG | CRDS</xhtml:td><xhtml:td colspan="2">9,7 %</xhtml:td></xhtml:tr></xhtml:tbody></xhtml:table>',
      '| Élément | Taux | Note |\n| --- | --- | --- |\n| CSG \\| CRDS | 9,7 % |  |',
    ],
    ['a table without header cells gets an empty header', '<xhtml:table><xhtml:tr><xhtml:td>a</xhtml:td><xhtml:td>b</xhtml:td></xhtml:tr></xhtml:table>', '|  |  |\n| --- | --- |\n| a | b |'],
    ['pre as a fenced block', '<xhtml:pre>if (a &lt; b) {\n  go();\n}</xhtml:pre>', '```\nif (a < b) {\n  go();\n}\n```'],
    ['blockquote', '<xhtml:blockquote><xhtml:p>Cité</xhtml:p></xhtml:blockquote>', '> Cité'],
    ['safe links only', '<xhtml:p><xhtml:a href="https://ex.fr/a">site</xhtml:a> <xhtml:a href="javascript:alert(1)">piège</xhtml:a></xhtml:p>', '[site](https://ex.fr/a) piège'],
    ['Markdown characters in text stay text', '<xhtml:p>*pas gras* [pas lien] snake_case _x_ &lt;script&gt;</xhtml:p>', '\\*pas gras\\* \\[pas lien\\] snake_case \\_x\\_ \\<script>'],
    ['a line that would start a list or heading is escaped', '<xhtml:p>- pas une liste</xhtml:p><xhtml:p># pas un titre</xhtml:p><xhtml:p>1. pas numéroté</xhtml:p>', '\\- pas une liste\n\n\\# pas un titre\n\n1\\. pas numéroté'],
    ['entities and non-BMP characters', '<xhtml:p>&amp; &#233; &#x1F600; &nbsp;fin</xhtml:p>', '& é 😀 fin'],
  ])('%s', (_label, body, expected) => {
    expect(xhtmlToMarkdown(x(body))).toBe(expected);
  });

  test('markup that does not balance is kept as its text', () => {
    expect(xhtmlToMarkdown('<xhtml:p>ouvert <xhtml:b>jamais fermé</xhtml:p>')).toBe('ouvert jamais fermé');
  });

  test('titles written as XHTML read as one line of text', () => {
    expect(xhtmlToText(x('<xhtml:p>Exigence <xhtml:b>1</xhtml:b></xhtml:p>\n<xhtml:p>suite</xhtml:p>'))).toBe('Exigence 1 suite');
  });
});
