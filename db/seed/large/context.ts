import type { Transaction } from '@/db/client';
import type { LargeProjectPlan, PlannedPerson } from '@/lib/large-project/plan';
import type { Random } from '@/lib/large-project/random';

/** What every generator module receives: the transaction, the plan drawn up front and the project rows made. */
export interface GeneratorContext {
  tx: Transaction;
  random: Random;
  plan: LargeProjectPlan;
  largeProjectId: string;
  smallProjectId: string;
  /** The first account of each role (the ones printed), by role. */
  accounts: Record<PlannedPerson['role'], PlannedPerson>;
}

/**
 * One module per capability (accounts, traceability, later test cases, campaigns, executions, anomalies…): each
 * writes its own rows in bulk and returns what it wrote, for the summary.
 */
export interface Generator {
  name: string;
  run(context: GeneratorContext): Promise<Record<string, number>>;
}
