import 'next-auth';

declare module 'next-auth' {
  interface Session {
    user: { id: string };
    sessionVersion: number;
    /** Empty when the token carries none (then there is no session). */
    sessionId: string;
  }
  interface User {
    sessionVersion?: number;
    sessionId?: string;
    /** Absolute expiry of the session, in seconds since the epoch. */
    sessionExpiresAt?: number;
  }
}
