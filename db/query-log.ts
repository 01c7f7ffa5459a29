import type { Logger } from 'drizzle-orm/logger';

/**
 * The benchmark's SQL counter (`npm run bench:pages`): with PASSERELLE_COUNT_QUERIES=1 every statement Drizzle sends
 * is written to stderr as one `[passerelle:sql]` line, which the benchmark counts per page. Unset (always, outside
 * the benchmark), no logger is installed at all: nothing runs per query and nothing is reachable over HTTP.
 */
export const QUERY_LOG_PREFIX = '[passerelle:sql]';

const countingLogger: Logger = {
  logQuery(query) {
    process.stderr.write(`${QUERY_LOG_PREFIX} ${query.replace(/\s+/g, ' ').slice(0, 160)}\n`);
  },
};

export function queryLogger(env: NodeJS.ProcessEnv = process.env): Logger | undefined {
  return env.PASSERELLE_COUNT_QUERIES === '1' ? countingLogger : undefined;
}
