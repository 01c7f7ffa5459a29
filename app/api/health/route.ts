import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';

/**
 * Readiness probe for load balancers and the page benchmark's physical floor: one `select 1`, anonymous.
 * 200 when the database answers, 503 otherwise, and nothing else in either answer (no version, no error text).
 * It does not go through `projectRoute` (lib/actions/define-route.ts): that wrapper exists to check a session and a
 * project membership before reading project data, and this route has neither a caller to check nor data to guard.
 */
export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };

export async function GET(): Promise<Response> {
  try {
    await getDb().execute(sql`select 1`);
    return Response.json({ status: 'ok' }, { headers: NO_STORE });
  } catch (error) {
    console.error('[health] database unavailable:', error instanceof Error ? error.message : error);
    return Response.json({ status: 'unavailable' }, { status: 503, headers: NO_STORE });
  }
}
