/**
 * The client's address, for throttling only, never for trust. X-Forwarded-For is read from the right: each trusted
 * reverse proxy appends the address it saw, so the entry `PASSERELLE_TRUSTED_PROXIES` hops from the end (1 by
 * default: one proxy in front) is the first one a client cannot forge. Without any proxy, Next passes a client's
 * own header through, so per-address throttling is best-effort there; per-account throttling does not depend on it.
 */
export function clientAddress(headers: Headers, trustedProxies = trustedProxyCount()): string {
  const hops = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  const index = Math.max(hops.length - Math.max(trustedProxies, 1), 0);
  return hops[index] || headers.get('x-real-ip')?.trim() || 'unknown';
}

function trustedProxyCount(): number {
  const value = Number(process.env.PASSERELLE_TRUSTED_PROXIES ?? 1);
  return Number.isInteger(value) && value >= 1 ? value : 1;
}
