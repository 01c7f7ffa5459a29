import DOMPurify, { type Config } from 'dompurify';

/**
 * Mermaid's own label sanitizer, narrowed: labels are text with a little emphasis, never media, links, forms or
 * styles. Mermaid measures labels by inserting them into the live page before it draws, so an `<img src=…>` left
 * in a label would be fetched (a tracking pixel) even if the final SVG were cleaned.
 */
export const MERMAID_LABEL_PURIFY: Config = {
  FORBID_TAGS: [
    ...['a', 'audio', 'button', 'embed', 'form', 'iframe', 'image', 'img', 'input', 'link', 'object', 'picture'],
    ...['select', 'source', 'style', 'svg', 'textarea', 'track', 'use', 'video'],
  ],
  FORBID_ATTR: ['action', 'background', 'formaction', 'href', 'poster', 'src', 'srcset', 'xlink:href'],
};

/**
 * Mermaid's SVG as the page may insert it: SVG and MathML (KaTeX formulas) elements only, plus the few HTML
 * elements Mermaid writes inside `<foreignObject>` for its labels. DOMPurify drops everything else — scripts,
 * `on*` handlers, `javascript:` URLs, `<img>`, `<iframe>`, links — whatever a Mermaid release lets through.
 */
const SVG_PURIFY: Config = {
  USE_PROFILES: { svg: true, svgFilters: true, mathMl: true },
  ADD_TAGS: ['foreignObject', 'div', 'span', 'p', 'br', 'b', 'strong', 'i', 'em'],
  ADD_ATTR: ['role'],
  // Strict mode disables Mermaid's click links; a link left in a diagram can only be someone else's.
  FORBID_TAGS: ['a'],
  HTML_INTEGRATION_POINTS: { foreignobject: true },
};

export function sanitizeDiagramSvg(svg: string): string {
  return DOMPurify.sanitize(svg, SVG_PURIFY);
}
