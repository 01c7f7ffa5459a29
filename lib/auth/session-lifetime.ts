/**
 * A session lasts at most this long after sign-in, whatever happens in between: its end (the absolute expiry) is
 * fixed at sign-in, recorded with the session and carried in the token, and no refresh moves it.
 */
export const SESSION_LIFETIME_SECONDS = 12 * 60 * 60;

/** What a session token carries besides Auth.js's own claims; every field is checked on every request. */
export interface SessionClaims {
  /** The account. */
  uid: string;
  /** The account's session version at sign-in (sign-out everywhere, password change and deactivation bump it). */
  sv: number;
  /** The recorded session (table `sessions`), revoked by signing out. */
  sid: string;
  /** Absolute expiry, in seconds since the epoch. */
  abs: number;
}

export function sessionClaimsOf(token: Record<string, unknown> | null | undefined): SessionClaims | null {
  if (!token) return null;
  const { uid, sv, sid, abs } = token;
  if (typeof uid !== 'string' || typeof sv !== 'number' || typeof sid !== 'string' || typeof abs !== 'number') return null;
  return { uid, sv, sid, abs };
}

/** Seconds a (re-)issued token may live from `nowSeconds`: never past the absolute expiry, 0 once it has passed. */
export function remainingLifetime(absoluteExpiry: number, nowSeconds: number, maxAge = SESSION_LIFETIME_SECONDS): number {
  return Math.max(0, Math.min(maxAge, Math.floor(absoluteExpiry - nowSeconds)));
}

export function nowInSeconds(now = Date.now()): number {
  return Math.floor(now / 1000);
}
