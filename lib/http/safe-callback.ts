/** Where the app sends a person after signing in when the link did not say (or said something unsafe). */
export const DEFAULT_AFTER_SIGN_IN = '/projects';

/**
 * The path to go to after signing in, from a `callbackUrl` anyone can put in a link: only a path on this app's
 * origin, as the browser will read it. The text is resolved with the WHATWG URL parser — the browser's own —
 * against the app's origin, so what a raw-text check misses (tabs and newlines dropped, `\` read as `/`, dot
 * segments collapsed into `//host`) is seen as the other host it points to. The result is a path, never a URL:
 * `pathname + search + hash`, and never one starting with `//`, which a browser would take for another host.
 */
export function safeCallbackPath(raw: unknown, origin: string, fallback = DEFAULT_AFTER_SIGN_IN): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2048) return fallback;
  let base: URL;
  let target: URL;
  try {
    base = new URL(origin);
    target = new URL(raw, base);
  } catch {
    return fallback;
  }
  if (target.origin !== base.origin) return fallback;
  const path = `${target.pathname}${target.search}${target.hash}`;
  return path.startsWith('/') && !path.startsWith('//') ? path : fallback;
}
