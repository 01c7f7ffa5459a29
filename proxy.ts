import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy } from '@/lib/http/content-security-policy';

const PUBLIC_PATHS = ['/login', '/set-password'];

/** Methods that change nothing, so another site may start them (links, images). */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

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
  // Next refuses server action calls whose Origin names another host, but lets through those that carry none. The
  // browser's Sec-Fetch-Site says who started the request either way: a change started by another site, a sibling
  // subdomain included, is refused before it reaches a page or an action.
  const fetchSite = request.headers.get('sec-fetch-site');
  if (!SAFE_METHODS.has(request.method) && (fetchSite === 'cross-site' || fetchSite === 'same-site')) {
    return new NextResponse(null, { status: 403 });
  }

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
  headers.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)'],
};
