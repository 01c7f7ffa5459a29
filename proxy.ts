import NextAuth from 'next-auth';
import { NextResponse } from 'next/server';
import { authConfig } from '@/auth.config';
import { contentSecurityPolicy } from '@/lib/http/content-security-policy';

const { auth } = NextAuth(authConfig);

const PUBLIC_PATHS = ['/login', '/set-password'];

/**
 * Per-request CSP nonce, and a redirect to the sign-in page for anonymous visitors. A convenience only:
 * every page and action checks the session against the database itself.
 */
export const proxy = auth((request) => {
  const { pathname, search } = request.nextUrl;
  const isPublic = PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  if (!request.auth && !isPublic) {
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
});

export const config = {
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico|robots.txt).*)'],
};
