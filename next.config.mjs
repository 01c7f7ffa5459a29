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
  // postgres unbundled: db/driver-guard.ts recognises the driver's fault by its frames in node_modules/postgres.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres'],
  experimental: {
    // proxy.ts runs on /api too, and Next buffers at most this much of a request body for it (10 MB by default):
    // an evidence upload (10 MB of file plus the multipart framing) must reach the route whole.
    proxyClientMaxBodySize: '11mb',
    // A spreadsheet import sends its rows to a server action (at most 10 MB, checked in the browser first).
    serverActions: { bodySizeLimit: '11mb' },
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
