import { PHASE_PRODUCTION_SERVER } from 'next/constants.js';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** Headers that do not depend on the request; the CSP needs a per-request nonce and is set in proxy.ts. */
const staticSecurityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2'],
  async headers() {
    return [{ source: '/:path*', headers: staticSecurityHeaders }];
  },
};

export default function config(phase) {
  // Production on PostgreSQL signs sessions with the operator's secret: refuse to start without one.
  if (phase === PHASE_PRODUCTION_SERVER && process.env.DATABASE_URL && !process.env.AUTH_SECRET) {
    throw new Error('AUTH_SECRET est obligatoire en production (openssl rand -base64 32). / AUTH_SECRET is required in production.');
  }
  return withNextIntl(nextConfig);
}
