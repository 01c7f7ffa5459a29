import { afterEach, vi } from 'vitest';
import { mockOnce, requestState, resetRequestState, sessionFor } from './request-state';

/**
 * Only the session source and Next's request-bound helpers are replaced; the action wrapper, zod, the database,
 * the membership check and the audit insert all run for real.
 *
 * `signIn('credentials', …)` behaves like Auth.js's Credentials provider: it runs the real `authenticateWithPassword`,
 * throws `CredentialsSignin` on failure, otherwise stores the session and redirects unless `redirect: false`.
 */
vi.mock('@/auth', () => mockOnce('AuthMock', async () => {
  const { CredentialsSignin } = await import('next-auth');
  const { redirect } = await import('next/navigation');
  const { authenticateWithPassword } = await import('@/db/queries/sign-in');
  return {
    currentSession: vi.fn(async () => requestState.session),
    signIn: vi.fn(async (provider: string, options: { email?: string; password?: string; redirect?: boolean; redirectTo?: string } = {}) => {
      if (provider !== 'credentials') throw new Error(`unexpected provider ${provider}`);
      const user = await authenticateWithPassword({
        email: options.email ?? '',
        password: options.password ?? '',
        address: requestState.address,
      });
      if (!user) throw new CredentialsSignin();
      requestState.session = sessionFor(user.id, user.sessionVersion, user.sessionId, user.sessionExpiresAt);
      if (options.redirect !== false) redirect(options.redirectTo ?? '/');
      return undefined;
    }),
    signOut: vi.fn(async (options: { redirect?: boolean; redirectTo?: string } = {}) => {
      requestState.session = null;
      if (options.redirect !== false) redirect(options.redirectTo ?? '/');
      return undefined;
    }),
    handlers: { GET: vi.fn(), POST: vi.fn() },
  };
}));

vi.mock('next/cache', () =>
  mockOnce('NextCacheMock', () => ({
    revalidatePath: vi.fn(),
    revalidateTag: vi.fn(),
    updateTag: vi.fn(),
    refresh: vi.fn(),
  })),
);

vi.mock('next/headers', () => mockOnce('NextHeadersMock', () => {
  const cookieStore = {
    get: (name: string) => (requestState.cookies.has(name) ? { name, value: requestState.cookies.get(name)! } : undefined),
    getAll: () => [...requestState.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => requestState.cookies.has(name),
    set: (nameOrCookie: string | { name: string; value: string }, value?: string) => {
      if (typeof nameOrCookie === 'string') requestState.cookies.set(nameOrCookie, value ?? '');
      else requestState.cookies.set(nameOrCookie.name, nameOrCookie.value);
      return cookieStore;
    },
    delete: (name: string) => {
      requestState.cookies.delete(name);
      return cookieStore;
    },
  };
  return {
    cookies: vi.fn(async () => cookieStore),
    headers: vi.fn(async () => new Headers({ 'x-forwarded-for': requestState.address })),
  };
}));

afterEach(() => {
  resetRequestState();
  vi.clearAllMocks();
  // Spies a test installed (e.g. on console.error) end with it, even when the test failed half-way.
  vi.restoreAllMocks();
});
