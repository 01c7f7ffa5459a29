import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor, Transaction } from '@/db/client';
import { campaignItems, campaigns, testCases } from '@/db/schema';
import { ActionError } from '@/lib/actions/result';
import { planImport, type ImportPlan, type PlanTestCase, type PlannedRun } from '@/lib/interop/import-plan';
import type { ResultsImportSummary, ResultsPreview } from '@/lib/interop/import-view';
import { readResultFiles, type ReadResults } from '@/lib/interop/read-results';
import { ResultFileError } from '@/lib/interop/result-file-error';
import type { ResultFile } from '@/lib/interop/result-files';
import type { Locale } from '@/lib/i18n/locales';
import { deriveExecutionStatus } from '@/lib/recette/execution-status';
import { measurementStatus } from '@/lib/recette/performance';
import { REF_PREFIXES, formatRef } from '@/lib/traceability/refs';
import { insertExecutions, markCampaignStarted, type NewRun } from './execution-writes';
import { reserveRefNumbers } from './refs';
import { recordVersions } from './versioned-items';

/**
 * Results files (JUnit XML, JMeter .jtl, k6 summaries, or zips of them) into one campaign: a preview that writes
 * nothing, then an import that writes everything in the caller's transaction or nothing. Callable without a form:
 * the campaign page's actions and the REST API both go through here.
 */

/** Rows of each list the preview sends to the browser; totals are always given. */
export const PREVIEW_ROWS = 200;

/** Parses the upload, turning a refused file into the typed failure every caller answers with. */
function readOrRefuse(files: readonly ResultFile[]): ReadResults {
  try {
    if (files.length === 0) throw new ResultFileError('empty', '');
    return readResultFiles(files);
  } catch (error) {
    if (error instanceof ResultFileError) {
      throw new ActionError('invalid', `resultsImport.${error.reason}`, undefined, { file: error.fileName, detail: error.detail.slice(0, 300) });
    }
    throw error;
  }
}

async function findCampaign(db: Executor, projectId: string, campaignId: string) {
  const [row] = await db
    .select({ id: campaigns.id, number: campaigns.number, name: campaigns.name, status: campaigns.status, revision: campaigns.revision, build: campaigns.build, environment: campaigns.environment })
    .from(campaigns)
    .where(and(eq(campaigns.id, campaignId), eq(campaigns.projectId, projectId)));
  if (!row) throw new ActionError('not_found');
  return row;
}

/** Every test case of the project with what matching and the runs need, and its place in this campaign: one query. */
async function planTestCases(db: Executor, projectId: string, campaignId: string): Promise<PlanTestCase[]> {
  return db
    .select({
      id: testCases.id,
      number: testCases.number,
      title: testCases.title,
      automationKey: testCases.automationKey,
      version: testCases.version,
      steps: testCases.steps,
      criteria: testCases.criteria,
      inScope: sql<boolean>`${campaignItems.id} is not null`,
      notRun: sql<boolean>`${campaignItems.notRunReason} is not null`,
    })
    .from(testCases)
    .leftJoin(campaignItems, and(eq(campaignItems.testCaseId, testCases.id), eq(campaignItems.campaignId, campaignId)))
    .where(eq(testCases.projectId, projectId));
}

function previewOf(plan: ImportPlan, read: ReadResults, testCaseList: readonly PlanTestCase[], campaign: { build: string; environment: string }): ResultsPreview {
  const byId = new Map(testCaseList.map((tc) => [tc.id, tc]));
  const existing = plan.runs.filter((r) => r.testCaseId !== null);
  const matched = existing.map((run) => {
    const tc = byId.get(run.testCaseId!)!;
    return { ref: formatRef('testCase', tc.number), title: tc.title, result: run.source === 'performance_report' ? ('measured' as const) : run.status!, inScope: tc.inScope };
  });
  const performance = existing
    .filter((run) => run.source === 'performance_report')
    .map((run) => {
      const tc = byId.get(run.testCaseId!)!;
      return {
        ref: formatRef('testCase', tc.number),
        title: tc.title,
        measurements: tc.criteria.map((c, i) => {
          const value = run.measurements[i]?.value ?? null;
          return { metric: c.metric, unit: c.unit, threshold: c.threshold, direction: c.direction, value, status: measurementStatus(c, value) };
        }),
      };
    });
  return {
    campaign,
    files: plan.files,
    ignored: read.ignored.slice(0, PREVIEW_ROWS),
    executions: {
      total: plan.runs.length,
      passed: plan.runs.filter((r) => r.status === 'passed').length,
      failed: plan.runs.filter((r) => r.status === 'failed').length,
      measured: plan.runs.filter((r) => r.source === 'performance_report').length,
    },
    matched: matched.slice(0, PREVIEW_ROWS),
    matchedTotal: matched.length,
    proposed: plan.proposed.slice(0, PREVIEW_ROWS),
    proposedTotal: plan.proposed.length,
    unmatched: plan.unmatched.slice(0, PREVIEW_ROWS),
    unmatchedTotal: plan.unmatched.length,
    skipped: plan.skipped.slice(0, PREVIEW_ROWS),
    skippedTotal: plan.skipped.length,
    notRun: plan.notRun.slice(0, PREVIEW_ROWS),
    performance: performance.slice(0, PREVIEW_ROWS),
    unusedSamples: plan.unusedSamples.slice(0, PREVIEW_ROWS),
    unusedSamplesTotal: plan.unusedSamples.length,
  };
}

export interface ResultsImportTarget {
  projectId: string;
  campaignId: string;
  files: readonly ResultFile[];
}

/** What an import would do, written nowhere. A closed campaign is refused here already. */
export async function previewResultsImport(db: Executor, target: ResultsImportTarget): Promise<ResultsPreview> {
  const campaign = await findCampaign(db, target.projectId, target.campaignId);
  if (campaign.status === 'closed') throw new ActionError('conflict', 'campaignClosed');
  const read = readOrRefuse(target.files);
  const list = await planTestCases(db, target.projectId, campaign.id);
  return previewOf(planImport(read, list), read, list, { build: campaign.build, environment: campaign.environment });
}

export interface ResultsImportOptions extends ResultsImportTarget {
  actorId: string;
  build: string;
  environment: string;
  /** Create the proposed automated test cases (and record their runs); otherwise their cases are left out. */
  createProposed: boolean;
  locale: Locale;
}

const REASON: Record<Locale, (files: string[]) => string> = {
  fr: (files) => `Résultat importé de ${files.join(', ')}`,
  en: (files) => `Result imported from ${files.join(', ')}`,
};

/** The journal entry of an import, for the caller to write with its own audit mechanism (action or API). */
export interface ResultsImportJournal {
  entity: 'campaign';
  entityId: string;
  action: 'results_import';
  after: Record<string, unknown>;
}

/**
 * Writes an import in `tx`: the campaign locked (a closed one refused), the proposed test cases created if asked
 * (numbers reserved at once, first versions recorded), every test case run added to the campaign's scope when it
 * was not, then one execution per matched test case through the one execution-creating mechanism. Throws before
 * writing anything when a file is refused; any later failure rolls the whole transaction back.
 */
/** What an import did, with the journal entry the caller writes. */
export interface ResultsImportOutcome extends ResultsImportSummary {
  journal: ResultsImportJournal;
}

export async function importResults(tx: Transaction, options: ResultsImportOptions): Promise<ResultsImportOutcome> {
  const campaignRow = await findCampaign(tx, options.projectId, options.campaignId);
  const [locked] = await tx.select({ status: campaigns.status }).from(campaigns).where(eq(campaigns.id, campaignRow.id)).for('update');
  if (!locked || locked.status === 'closed') throw new ActionError('conflict', 'campaignClosed');
  const read = readOrRefuse(options.files);
  const list = await planTestCases(tx, options.projectId, campaignRow.id);
  const plan = planImport(read, list);

  const runs = plan.runs.filter((run) => run.testCaseId !== null || options.createProposed);
  const created = options.createProposed ? await createProposedTestCases(tx, options, plan) : new Map<string, PlanTestCase>();
  const byId = new Map(list.map((tc) => [tc.id, tc]));
  const testCaseOf = (run: PlannedRun) => (run.testCaseId ? byId.get(run.testCaseId)! : created.get(run.automationKey!)!);

  const needed = [...new Set(runs.map((run) => testCaseOf(run).id))];
  const addedToScope = await addMissingItems(tx, options.projectId, campaignRow.id, needed, options.actorId);
  const items = needed.length
    ? await tx
        .select({ id: campaignItems.id, testCaseId: campaignItems.testCaseId })
        .from(campaignItems)
        .where(and(eq(campaignItems.campaignId, campaignRow.id), inArray(campaignItems.testCaseId, needed)))
    : [];
  const itemOf = new Map(items.map((i) => [i.testCaseId, i.id]));

  const finishedAt = new Date();
  const newRuns: NewRun[] = runs.map((run) => {
    const tc = testCaseOf(run);
    return {
      campaignItemId: itemOf.get(tc.id)!,
      testCase: { id: tc.id, version: tc.version, steps: tc.steps, criteria: tc.criteria },
      stepResults: run.stepResults,
      measurements: run.measurements,
      status: run.status,
      overrideReason: REASON[options.locale](run.files),
      comment: run.evidence,
      durationMs: run.durationMs,
      finishedAt,
    };
  });
  const context = { projectId: options.projectId, actorId: options.actorId, campaign: { ...campaignRow, build: options.build, environment: options.environment } };
  const junitRuns = newRuns.filter((_, i) => runs[i]!.source === 'junit');
  const performanceRuns = newRuns.filter((_, i) => runs[i]!.source === 'performance_report');
  // A performance run whose thresholds are not all measured stays open, for the tester to fill in what is missing.
  const performanceWithState = performanceRuns.map((run) =>
    deriveExecutionStatus(run.stepResults, run.testCase.criteria, run.measurements) === 'in_progress' ? { ...run, finishedAt: undefined, durationMs: null } : run,
  );
  const inserted = [
    ...(await insertExecutions(tx, { ...context, source: 'junit' }, junitRuns)),
    ...(await insertExecutions(tx, { ...context, source: 'performance_report' }, performanceWithState)),
  ];
  const campaignStarted = inserted.length > 0 && (await markCampaignStarted(tx, campaignRow));

  const counts = {
    executions: inserted.length,
    passed: inserted.filter((e) => e.status === 'passed').length,
    failed: inserted.filter((e) => e.status === 'failed').length,
    open: inserted.filter((e) => e.status === 'in_progress').length,
  };
  return {
    ...counts,
    createdTestCases: created.size,
    addedToScope,
    campaignStarted,
    journal: {
      entity: 'campaign',
      entityId: campaignRow.id,
      action: 'results_import',
      after: {
        campaign: campaignRow.number,
        files: plan.files.map((f) => f.name),
        build: options.build,
        environment: options.environment,
        ...counts,
        createdTestCases: [...created.values()].map((tc) => formatRef('testCase', tc.number)),
        addedToScope,
        skipped: plan.skipped.length,
        notRun: plan.notRun.length,
        unmatched: plan.unmatched.length,
        ...(campaignStarted && { status: { before: 'planned', after: 'in_progress' } }),
      },
    },
  };
}

/** The proposed automated test cases, created in one statement each for rows and history; keyed by automation key. */
async function createProposedTestCases(tx: Transaction, options: ResultsImportOptions, plan: ImportPlan): Promise<Map<string, PlanTestCase>> {
  const out = new Map<string, PlanTestCase>();
  if (plan.proposed.length === 0) return out;
  const first = await reserveRefNumbers(tx, options.projectId, REF_PREFIXES.testCase, plan.proposed.length);
  const fields = plan.proposed.map((p) => ({
    title: p.title,
    objective: '',
    preconditions: '',
    testData: '',
    steps: [],
    type: 'functional' as const,
    priority: 'medium' as const,
    folder: p.folder,
    tags: [] as string[],
    automated: true,
    automationKey: p.automationKey,
    criteria: [],
  }));
  const result = await tx.execute(sql`
    insert into test_cases (project_id, number, title, objective, preconditions, test_data, steps, type, priority, folder, tags,
      automated, automation_key, criteria, created_by, updated_by)
    select ${options.projectId}::uuid, ${first - 1} + r.n, r.title, '', '', '', '[]'::jsonb, 'functional', 'medium', r.folder, '{}',
      true, r.automation_key, '[]'::jsonb, ${options.actorId}::uuid, ${options.actorId}::uuid
    from jsonb_to_recordset(${JSON.stringify(fields.map((f, i) => ({ n: i + 1, title: f.title, folder: f.folder, automation_key: f.automationKey })))}::jsonb)
      as r(n int, title text, folder text, automation_key text)
    returning id, number, automation_key as "automationKey", title`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { id: string; number: number; automationKey: string; title: string }[];
  const fieldsByKey = new Map(fields.map((f) => [f.automationKey, f]));
  await recordVersions(
    tx,
    'testCase',
    rows.map((r) => ({ itemId: r.id, version: 1, snapshot: fieldsByKey.get(r.automationKey)! })),
    options.actorId,
  );
  for (const r of rows) out.set(r.automationKey, { ...r, version: 1, steps: [], criteria: [], inScope: false, notRun: false });
  return out;
}

/** Test cases run by the import that the campaign did not plan join its scope, after its items, at their version. */
async function addMissingItems(tx: Transaction, projectId: string, campaignId: string, testCaseIds: string[], actorId: string): Promise<number> {
  if (testCaseIds.length === 0) return 0;
  const result = (await tx.execute(sql`
    insert into campaign_items (project_id, campaign_id, test_case_id, planned_version, position, added_by)
    select tc.project_id, ${campaignId}, tc.id, tc.version,
           (select coalesce(max(ci.position), 0) from campaign_items ci where ci.campaign_id = ${campaignId})
             + row_number() over (order by tc.folder, tc.number),
           ${actorId}
    from test_cases tc
    where tc.project_id = ${projectId}
      and tc.id = any(${`{${testCaseIds.join(',')}}`}::uuid[])
      and not exists (select 1 from campaign_items ci where ci.campaign_id = ${campaignId} and ci.test_case_id = tc.id)
    on conflict (campaign_id, test_case_id) do nothing
    returning id
  `)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows).length;
}
