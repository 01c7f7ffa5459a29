/**
 * The client's address, for sign-in throttling only, never for trust.
 *
 * Next.js gives route handlers and server actions no socket address. What it does give: when a request arrives
 * without `X-Forwarded-For`, its server fills that header with the socket's peer address (`??=`); a header the client
 * sent itself is passed through untouched. So:
 * - `PASSERELLE_TRUSTED_PROXIES=0` (the default: nothing in front of Next): proxy.ts deletes any `X-Forwarded-For`
 *   and `X-Real-IP` the client sent, Next then writes the peer address, and that single hop is the address.
 * - `N ≥ 1` reverse proxies in front, each appending the address it saw: the entry N hops from the end is the first
 *   one a client cannot forge (`X-Real-IP` set by the proxy is the fallback).
 */
export function clientAddress(headers: Headers, trustedProxies = trustedProxyCount()): string {
  const hops = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  const index = hops.length - Math.max(trustedProxies, 1);
  const fromProxy = trustedProxies > 0 ? headers.get('x-real-ip')?.trim() : undefined;
  return hops[Math.max(index, 0)] || fromProxy || 'unknown';
}

/** `PASSERELLE_TRUSTED_PROXIES`: how many reverse proxies in front append to `X-Forwarded-For`; 0 when unset or invalid. */
export function trustedProxyCount(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.PASSERELLE_TRUSTED_PROXIES ?? 0);
  return Number.isInteger(value) && value >= 0 ? value : 0;
}

/** Request headers the client wrote itself that would otherwise pass for the address: dropped when no proxy is trusted. */
export const CLIENT_ADDRESS_HEADERS = ['x-forwarded-for', 'x-real-ip'] as const;
