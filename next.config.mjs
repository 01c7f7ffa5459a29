import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_SERVER } from 'next/constants.js';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** Headers that do not depend on the request; the CSP needs a per-request nonce and is set in proxy.ts. */
const staticSecurityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

/**
 * Production is served over HTTPS (cookies are `Secure`): browsers must never try plain HTTP again. Browsers ignore
 * the header on plain-HTTP responses, so a production build tried on http://localhost is unaffected.
 */
const strictTransportSecurity = { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' };

/** API answers are per person (session or token): no browser or shared cache may keep them. */
const apiHeaders = [{ key: 'Cache-Control', value: 'private, no-store' }];

/** @type {(phase: string) => import('next').NextConfig} */
const nextConfig = (phase) => ({
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tsc --noEmit, the same tsconfig files) before it builds, and says so
  // with PASSERELLE_TYPES_CHECKED=1: checking them again in the build cost ~28 s of CI. A plain `next build` checks.
  typescript: { ignoreBuildErrors: process.env.PASSERELLE_TYPES_CHECKED === '1' },
  // postgres unbundled: db/driver-guard.ts recognises the driver's fault by its frames in node_modules/postgres.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres'],
  experimental: {
    // proxy.ts runs on every request, and Next buffers at most this much of a request body for it (10 MB by default),
    // cutting off the rest: an evidence upload (10 MB plus framing) and a results import (50 MB of JUnit files or a
    // zip, plus framing, posted to a server action) must reach their handler whole.
    proxyClientMaxBodySize: '51mb',
    // Server actions refuse bodies over 1 MB by default; a results import takes up to 50 MB (lib/interop/result-files.ts).
    serverActions: { bodySizeLimit: '51mb' },
    // CI builds a clean clone once: writing Turbopack's build cache there cost ~11 s for nothing. Kept elsewhere,
    // where it makes the next build faster.
    turbopackFileSystemCacheForBuild: !process.env.CI,
  },
  async headers() {
    const production = phase !== PHASE_DEVELOPMENT_SERVER;
    return [
      { source: '/:path*', headers: production ? [...staticSecurityHeaders, strictTransportSecurity] : staticSecurityHeaders },
      { source: '/api/:path*', headers: apiHeaders },
    ];
  },
});

export default function config(phase) {
  // Production on PostgreSQL signs sessions with the operator's secret: refuse to start without one.
  if (phase === PHASE_PRODUCTION_SERVER && process.env.DATABASE_URL && !process.env.AUTH_SECRET) {
    throw new Error('AUTH_SECRET est obligatoire en production (openssl rand -base64 32). / AUTH_SECRET is required in production.');
  }
  return withNextIntl(nextConfig(phase));
}
