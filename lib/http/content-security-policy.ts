/**
 * Strict CSP: scripts only with this response's nonce (Next applies it to its own scripts), no framing, no
 * plugins, no `<base>` (an injected one would re-point every relative URL), forms only to this origin.
 * Development adds 'unsafe-eval' for React's dev tooling.
 */
export function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    // Inline style attributes come from React components (e.g. Radix positioning).
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
