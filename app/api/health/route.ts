import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { publicRoute } from '@/lib/actions/define-route';

/**
 * Readiness probe for load balancers and the page benchmark's physical floor: one `select 1`, anonymous.
 * 200 when the database answers, 503 otherwise, and nothing else in either answer (no version, no error text).
 */
export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };

export const GET = publicRoute({
  name: 'health',
  query: z.object({}),
  async handler({ db }) {
    try {
      await db.execute(sql`select 1`);
      return Response.json({ status: 'ok' }, { headers: NO_STORE });
    } catch (error) {
      console.error('[health] database unavailable:', error instanceof Error ? error.message : error);
      return Response.json({ status: 'unavailable' }, { status: 503, headers: NO_STORE });
    }
  },
});
