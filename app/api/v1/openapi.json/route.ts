import { z } from 'zod';
import { publicRoute } from '@/lib/actions/define-route';
import { openApiDocument } from '@/lib/api/openapi';

/** The OpenAPI 3.1 document of /api/v1: public (it describes, it holds no project data). */
export const GET = publicRoute({
  name: 'openApiDocument',
  query: z.object({}),
  handler: async () => openApiDocument(),
});
