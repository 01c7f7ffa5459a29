import { NextResponse, type NextRequest } from 'next/server';
import { handlers } from '@/auth';
import { SESSION_COOKIE } from '@/lib/auth/session-cookie';
import { getCurrentUser } from '@/lib/session/current-user';

/**
 * Auth.js's session endpoint knows only the JWT: it would answer (and re-issue the cookie) for a session that was
 * signed out or revoked. It answers only for a session the database still holds; for any other, no session and the
 * cookie is cleared.
 */
async function guardSession(request: NextRequest, handler: (request: NextRequest) => Promise<Response>) {
  if (!request.nextUrl.pathname.endsWith('/session') || (await getCurrentUser())) return handler(request);
  const response = NextResponse.json(null, { headers: { 'Cache-Control': 'private, no-cache, no-store' } });
  for (const { name } of request.cookies.getAll()) {
    if (SESSION_COOKIE.test(name)) {
      response.cookies.set({ name, value: '', path: '/', maxAge: 0, httpOnly: true, sameSite: 'lax', secure: name.startsWith('__Secure-') });
    }
  }
  return response;
}

// Auth.js's own endpoints (session, CSRF token, sign-out). They are the session source the action wrapper relies
// on, so they cannot go through it; sign-in itself goes through the `signInWithPassword` action.
export const GET = (request: NextRequest) => guardSession(request, handlers.GET);
export const POST = (request: NextRequest) => guardSession(request, handlers.POST);
