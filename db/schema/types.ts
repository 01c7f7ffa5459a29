import { customType } from 'drizzle-orm/pg-core';

/** Full-text search vector; filled by a generated column, never written by the app. */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
