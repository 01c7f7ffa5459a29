import { NextResponse, type NextRequest } from 'next/server';
import { CLIENT_ADDRESS_HEADERS, trustedProxyCount } from '@/lib/http/client-address';
import { contentSecurityPolicy } from '@/lib/http/content-security-policy';
import { hasMalformedSegment } from '@/lib/http/url-segment';
import { SESSION_COOKIE } from '@/lib/auth/session-cookie';
import { LOCALE_COOKIE, toLocale } from '@/lib/i18n/locales';
import { errorMessage } from '@/lib/actions/messages';
import { PROBLEM_CONTENT_TYPE, problemDetails } from '@/lib/api/problem';

const PUBLIC_PATHS = ['/login', '/set-password', '/api/auth'];

/** Methods that change nothing, so another site may start them (links, images). */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

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
  const isApi = pathname.startsWith('/api/');
  // Next's router answers a malformed percent-encoding (`/projects/%ZZ`) with a bare 500 before any route runs.
  if (isApi && hasMalformedSegment(pathname)) return apiNotFound(request);
  // Route handlers check the session themselves and answer in JSON (401, 404): no sign-in redirect for them.
  if (isApi && !pathname.startsWith('/api/auth/')) return NextResponse.next();
  const malformed = hasMalformedSegment(pathname);
  const isPublic = PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  const hasSession = request.cookies.getAll().some((cookie) => SESSION_COOKIE.test(cookie.name));
  if (!hasSession && !isPublic && !malformed) {
    const login = new URL('/login', request.nextUrl);
    if (pathname !== '/') login.searchParams.set('callbackUrl', `${pathname}${search}`);
    return NextResponse.redirect(login);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV !== 'production');
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', csp);
  // With no trusted proxy in front, an X-Forwarded-For here was written by the client: drop it, and Next's server
  // fills it with the socket's peer address (lib/http/client-address.ts).
  if (trustedProxyCount() === 0) for (const name of CLIENT_ADDRESS_HEADERS) headers.delete(name);
  const response = malformed
    ? NextResponse.rewrite(new URL('/_not-found', request.url), { status: 404, request: { headers } })
    : NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

function apiNotFound(request: NextRequest) {
  const locale = toLocale(request.cookies.get(LOCALE_COOKIE)?.value);
  // The REST API answers every refusal as a problem document, this one too.
  if (request.nextUrl.pathname.startsWith('/api/v1/')) {
    return new NextResponse(JSON.stringify(problemDetails('not_found')), {
      status: 404,
      headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, 'Cache-Control': 'no-store' },
    });
  }
  return NextResponse.json(
    { code: 'not_found', message: errorMessage(locale, 'not_found') },
    { status: 404, headers: { 'Cache-Control': 'no-store' } },
  );
}

export const config = {
  // API routes too: Auth.js's credentials callback reads the client address, and every route's URL may be malformed.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)'],
};
