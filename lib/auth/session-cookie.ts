/** Auth.js's session cookie (`__Secure-` in production, split into `.0`, `.1`… when large). */
export const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

/**
 * The session cookies of a request as one `Cookie` header, in a stable order: what Auth.js's getToken reads, and
 * the key under which its decoding is remembered (the other cookies change nothing in it).
 */
export function sessionCookieHeader(cookies: readonly { name: string; value: string }[]): string {
  return cookies
    .filter(({ name }) => SESSION_COOKIE.test(name))
    .map(({ name, value }) => `${name}=${value}`)
    .sort()
    .join('; ');
}
