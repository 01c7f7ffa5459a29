import { NextResponse, type NextRequest } from 'next/server';
import { CLIENT_ADDRESS_HEADERS, trustedProxyCount } from '@/lib/http/client-address';
import { contentSecurityPolicy } from '@/lib/http/content-security-policy';

const PUBLIC_PATHS = ['/login', '/set-password', '/api/auth'];

/** Auth.js's session cookie (`__Secure-` in production, split into `.0`, `.1`… when large). */
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

/**
 * Per-request CSP nonce, and a redirect to the sign-in page for visitors without a session cookie. A convenience
 * only: every page and action checks the session against the database itself.
 *
 * The proxy deliberately does not go through Auth.js's `auth()` wrapper: that wrapper re-issues the session cookie
 * on every response, so a request still in flight when the person signs out (a link prefetch, say) put the deleted
 * cookie back and left them signed in.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isPublic = PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  const hasSession = request.cookies.getAll().some((cookie) => SESSION_COOKIE.test(cookie.name));
  if (!hasSession && !isPublic) {
    const login = new URL('/login', request.nextUrl);
    if (pathname !== '/') login.searchParams.set('callbackUrl', `${pathname}${search}`);
    return NextResponse.redirect(login);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV !== 'production');
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  // With no trusted proxy in front, an X-Forwarded-For here was written by the client: drop it, and Next's server
  // fills it with the socket's peer address (lib/http/client-address.ts).
  if (trustedProxyCount() === 0) for (const name of CLIENT_ADDRESS_HEADERS) headers.delete(name);
  headers.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  // Auth.js's endpoints too: its credentials callback reads the client address.
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)', '/api/auth/:path*'],
};
