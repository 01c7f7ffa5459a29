/**
 * What a browser request would carry, controlled by the tests: the Auth.js session (a JWT in real life) and the
 * cookie jar. The mocks of `@/auth` and `next/headers` read from here.
 */
export interface TestSession {
  user: { id: string };
  sessionVersion: number;
  /** The recorded session (table `sessions`); empty for a token that names none. */
  sessionId: string;
  expires: string;
}

export const requestState: { session: TestSession | null; cookies: Map<string, string>; address: string } = {
  session: null,
  cookies: new Map(),
  address: '203.0.113.10',
};

export function sessionFor(userId: string, sessionVersion: number, sessionId = '', expires = new Date(Date.now() + 12 * 3600_000)): TestSession {
  return { user: { id: userId }, sessionVersion, sessionId, expires: expires.toISOString() };
}

/** Switches "the browser" to this session (or to none). */
export function switchSession(session: TestSession | null): void {
  requestState.session = session;
}

export function resetRequestState(): void {
  requestState.session = null;
  requestState.cookies.clear();
  requestState.address = '203.0.113.10';
}

const mocks = new Map<string, unknown>();

/**
 * One instance of each request mock per module graph (tests/setup/request-mocks.ts). The integration project shares
 * its module graph between files (isolate: false): the setup file runs again for every file while the app modules an
 * earlier file imported keep the mocks they got then, so a second instance would be one the app never calls. Kept in
 * this module, not on globalThis, so a file with a module graph of its own gets mocks of its own.
 */
export function mockOnce<T>(key: string, make: () => T): T {
  if (!mocks.has(key)) mocks.set(key, make());
  return mocks.get(key) as T;
}
