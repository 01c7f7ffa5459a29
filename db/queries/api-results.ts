import 'server-only';
import type { Transaction } from '@/db/client';
import type { ApiCaller, ApiFile } from '@/lib/actions/define-api-route';
import type { AuditEntry } from '@/lib/actions/define-action';
import { ActionError } from '@/lib/actions/result';
import type { Locale } from '@/lib/i18n/locales';
import { importResults } from './results-import';

/**
 * A CI job's results pushed into a campaign through the API: the campaign page's import (results-import.ts) in the
 * route's transaction, the runs recorded in the name of the owner who created the token, journaled naming the token.
 * Both results routes (by campaign number, and by campaign name and build) go through here.
 */
export async function pushApiResults(
  tx: Transaction,
  audit: (entry: AuditEntry) => Promise<void>,
  options: {
    caller: ApiCaller;
    campaign: { id: string; number: number; build: string; environment: string };
    query: { build?: string; environment?: string; createProposed: boolean };
    files: ApiFile[];
    locale: Locale;
  },
) {
  const { caller, campaign, query } = options;
  // Runs are recorded in a person's name; a token whose creator's account is gone records none.
  if (!caller.createdBy) throw new ActionError('forbidden');
  const { journal, ...summary } = await importResults(tx, {
    projectId: caller.projectId,
    campaignId: campaign.id,
    files: options.files,
    actorId: caller.createdBy,
    build: query.build ?? campaign.build,
    environment: query.environment ?? campaign.environment,
    createProposed: query.createProposed,
    locale: options.locale,
  });
  await audit(journal);
  return { campaign: campaign.number, ...summary };
}
