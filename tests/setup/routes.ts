import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const API_DIR = 'app/api';
/** Auth.js's own endpoints: covered by the sign-in tests, not by the project route matrix. */
const EXCLUDED = ['app/api/auth/'];

/** Repository-relative paths of every route handler under app/api, except Auth.js's. Found on disk, so a new one is never missed. */
export function discoverApiRoutes(): string[] {
  const abs = path.join(ROOT, API_DIR);
  if (!fs.existsSync(abs)) return [];
  return (fs.readdirSync(abs, { recursive: true }) as string[])
    .filter((rel) => /(^|[\\/])route\.(ts|tsx|js|mjs)$/.test(rel))
    .map((rel) => path.posix.join(API_DIR, rel.split(path.sep).join('/')))
    .filter((file) => !EXCLUDED.some((prefix) => file.startsWith(prefix)))
    .sort();
}

export type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** The HTTP method handlers a route module exports (GET, POST, …). */
export async function loadRouteModule(file: string): Promise<Record<string, RouteHandler>> {
  const exports = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(exports).filter(([name, value]) => /^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$/.test(name) && typeof value === 'function'),
  ) as Record<string, RouteHandler>;
}
