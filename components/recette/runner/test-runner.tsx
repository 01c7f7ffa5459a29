'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import { Link } from '@/components/ui/link';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState, useTransition } from 'react';
import { useHotkeys } from 'react-hotkeys-hook';
import { EvidencePanel } from '@/components/recette/evidence/evidence-panel';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { Action, ActionResult } from '@/lib/actions/result';
import { STEP_STATUSES, type ExecutionResult, type ExecutionStatus, type StepStatus } from '@/lib/recette/campaign-model';
import { deriveExecutionStatus } from '@/lib/recette/execution-status';
import type { ExecutionState, RetestView } from '@/lib/recette/execution-view';
import { measurementStatus } from '@/lib/recette/performance';
import { formatDuration, moveStep, RUNNER_SHORTCUTS, STEP_STATUS_KEYS, stepAfterAnswer } from '@/lib/recette/runner';
import { cn } from '@/lib/ui/cn';

const ShortcutsDialog = dynamic(() => import('./shortcuts-dialog').then((m) => m.ShortcutsDialog), { ssr: false });

interface RunnerActions {
  removeAttachment: Action<{ projectKey: string; attachmentId: string }, { id: string }>;
  startExecution: Action<{ projectKey: string; campaignItemId: string }, { id: string; revision: number }>;
  recordStep: Action<
    { projectKey: string; executionId: string; stepIndex: number; status: StepStatus | null; actual?: string; revision: number },
    { revision: number; derivedStatus: ExecutionStatus }
  >;
  recordMeasurements: Action<
    { projectKey: string; executionId: string; measurements: { metric: string; value: number | null }[]; revision: number },
    { revision: number; derivedStatus: ExecutionStatus }
  >;
  finishExecution: Action<
    { projectKey: string; executionId: string; status?: ExecutionResult; overrideReason?: string; comment: string; revision: number },
    { revision: number; status: ExecutionStatus; retests: RetestView[] }
  >;
  confirmRetest: Action<
    { projectKey: string; anomalyId: string; executionId: string; outcome: 'close' | 'reopen'; reason: string },
    { status: string; revision: number }
  >;
}

class RefusedError extends Error {}

function unwrap<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new RefusedError(result.message);
  return result.data;
}

async function fetchState(projectKey: string, executionId: string): Promise<ExecutionState> {
  const response = await fetch(`/api/projects/${encodeURIComponent(projectKey)}/executions?id=${executionId}`, {
    headers: { Accept: 'application/json' },
  });
  const body = (await response.json().catch(() => null)) as (ExecutionState & { message?: string }) | null;
  if (!response.ok || !body?.execution) throw new Error(body?.message ?? response.statusText);
  return body;
}

const STATUS_STYLE: Record<StepStatus, string> = {
  passed: 'border-green-700 bg-green-50 text-green-900',
  failed: 'border-red-700 bg-red-50 text-red-900',
  blocked: 'border-amber-700 bg-amber-50 text-amber-900',
  not_applicable: 'border-slate-500 bg-slate-50 text-slate-900',
};


/**
 * The test runner for one campaign item: the run's steps one by one with their expected result, a status and the
 * actual result per step, measurements, the verdict with its override, the comment, evidence and the retest
 * proposals. Keyboard-first: every control has a shortcut (listed in the "?" dialog), none fires while typing.
 * Step statuses show at once (optimistic) and roll back with the reason when the server refuses.
 */
export function TestRunner({
  projectKey,
  campaignItemId,
  testCaseRef,
  testCaseTitle,
  notRunReason,
  initialState,
  canExecute,
  historyHref,
  nextHref,
  actions,
}: {
  projectKey: string;
  campaignItemId: string;
  testCaseRef: string;
  testCaseTitle: string;
  notRunReason: string | null;
  initialState: ExecutionState | null;
  canExecute: boolean;
  historyHref: string;
  nextHref: string | null;
  actions: RunnerActions;
}) {
  const t = useTranslations('runner');
  const format = useFormatter();
  const router = useRouter();
  const pathname = usePathname();
  // After a start or a finish the page reloads on this item (the default item would have moved on to the next test).
  const stayHere = () => router.replace(`${pathname}?item=${campaignItemId}`);
  const queryClient = useQueryClient();
  const executionId = initialState?.execution.id ?? null;
  const queryKey = ['execution', projectKey, executionId] as const;
  const { data } = useQuery({
    queryKey,
    queryFn: () => fetchState(projectKey, executionId!),
    enabled: executionId !== null,
    initialData: initialState ?? undefined,
  });
  const execution = data?.execution ?? null;
  const attachments = data?.attachments ?? [];
  const open = execution !== null && execution.finishedAt === null && canExecute;
  const [cursor, setCursor] = useState(() => Math.max(0, execution?.stepResults.findIndex((r) => r.status === null) ?? 0));
  const [notice, setNotice] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [starting, startTransition] = useTransition();
  const stepRefs = useRef<(HTMLLIElement | null)[]>([]);
  const evidenceRefs = useRef<(HTMLDivElement | null)[]>([]);
  const finishRef = useRef<HTMLFormElement | null>(null);

  const current = () => queryClient.getQueryData<ExecutionState>(queryKey);
  const setExecution = (update: (state: ExecutionState) => ExecutionState) =>
    queryClient.setQueryData<ExecutionState>(queryKey, (state) => (state ? update(state) : state));

  // Saves of one run go one after another, each with the revision the previous one left (no self-conflict).
  const stepMutation = useMutation({
    scope: { id: `execution-${executionId}` },
    mutationFn: async (vars: { stepIndex: number; status: StepStatus | null; actual?: string }) =>
      unwrap(await actions.recordStep({ projectKey, executionId: executionId!, ...vars, revision: current()!.execution.revision })),
    onMutate: async (vars) => {
      await queryClient.cancelQueries({ queryKey });
      const previous = current();
      setExecution((state) => {
        const stepResults = state.execution.stepResults.map((r, i) =>
          i === vars.stepIndex ? { status: vars.status, actual: vars.actual ?? r.actual } : r,
        );
        const derivedStatus = deriveExecutionStatus(stepResults, state.execution.criteria, state.execution.measurements);
        return { ...state, execution: { ...state.execution, stepResults, derivedStatus, status: derivedStatus } };
      });
      return { previous };
    },
    onSuccess: (result) => setExecution((state) => ({ ...state, execution: { ...state.execution, revision: result.revision, derivedStatus: result.derivedStatus } })),
    onError: (error, _vars, context) => {
      if (context?.previous) queryClient.setQueryData(queryKey, context.previous);
      setNotice({ kind: 'error', text: t('rolledBack', { message: error.message }) });
      void queryClient.invalidateQueries({ queryKey });
    },
  });

  const measurementMutation = useMutation({
    scope: { id: `execution-${executionId}` },
    mutationFn: async (measurements: { metric: string; value: number | null }[]) =>
      unwrap(await actions.recordMeasurements({ projectKey, executionId: executionId!, measurements, revision: current()!.execution.revision })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey }),
    onError: (error) => {
      setNotice({ kind: 'error', text: t('rolledBack', { message: error.message }) });
      void queryClient.invalidateQueries({ queryKey });
    },
  });

  const finishMutation = useMutation({
    scope: { id: `execution-${executionId}` },
    mutationFn: async (vars: { status?: ExecutionResult; overrideReason?: string; comment: string }) =>
      unwrap(await actions.finishExecution({ projectKey, executionId: executionId!, ...vars, revision: current()!.execution.revision })),
    onSuccess: async () => {
      setNotice(null);
      await queryClient.invalidateQueries({ queryKey });
      stayHere();
      router.refresh();
    },
    onError: (error) => setNotice({ kind: 'error', text: error.message }),
  });

  function answer(status: StepStatus) {
    if (!open || !execution || execution.steps.length === 0) return;
    setNotice(null);
    stepMutation.mutate({ stepIndex: cursor, status });
    const statuses = execution.stepResults.map((r, i) => (i === cursor ? status : r.status));
    go(stepAfterAnswer(statuses, cursor));
  }

  function go(index: number) {
    setCursor(index);
    stepRefs.current[index]?.scrollIntoView({ block: 'nearest' });
  }

  function start() {
    startTransition(async () => {
      const result = await actions.startExecution({ projectKey, campaignItemId });
      if (!result.ok) setNotice({ kind: 'error', text: result.message });
      else {
        stayHere();
        router.refresh();
      }
    });
  }

  const hotkeyOptions = { useKey: true, preventDefault: true } as const;
  useHotkeys(STEP_STATUS_KEYS.passed, () => answer('passed'), hotkeyOptions, [answer]);
  useHotkeys(STEP_STATUS_KEYS.failed, () => answer('failed'), hotkeyOptions, [answer]);
  useHotkeys(STEP_STATUS_KEYS.blocked, () => answer('blocked'), hotkeyOptions, [answer]);
  useHotkeys(STEP_STATUS_KEYS.not_applicable, () => answer('not_applicable'), hotkeyOptions, [answer]);
  useHotkeys([...RUNNER_SHORTCUTS.nextStep], () => go(moveStep(cursor, 1, execution?.steps.length ?? 0)), hotkeyOptions, [cursor, execution]);
  useHotkeys([...RUNNER_SHORTCUTS.previousStep], () => go(moveStep(cursor, -1, execution?.steps.length ?? 0)), hotkeyOptions, [cursor, execution]);
  useHotkeys([...RUNNER_SHORTCUTS.nextTest], () => nextHref && router.push(nextHref), hotkeyOptions, [nextHref]);
  useHotkeys(
    [...RUNNER_SHORTCUTS.attach],
    () => evidenceRefs.current[cursor]?.querySelector<HTMLInputElement>('input[type="file"]')?.focus(),
    hotkeyOptions,
    [cursor],
  );
  useHotkeys([...RUNNER_SHORTCUTS.finish], () => finishRef.current?.requestSubmit(), hotkeyOptions, []);
  useHotkeys([...RUNNER_SHORTCUTS.help], () => setHelpOpen(true), hotkeyOptions, []);

  const header = (
    <div className="flex flex-col gap-1">
      <h2 className="text-xl font-semibold">
        <span className="font-mono text-muted-foreground">{execution?.testCaseRef ?? testCaseRef}</span> {execution?.title ?? testCaseTitle}
      </h2>
      <div className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
        {execution && <span>{t('version', { version: execution.testCaseVersion })}</span>}
        {execution && <span>{t('environment', { environment: execution.environment || '—', build: execution.build || '—' })}</span>}
        <Link href={historyHref} className="underline">
          {t('history')}
        </Link>
        <HelpDialog open={helpOpen} onOpenChange={setHelpOpen} />
      </div>
    </div>
  );

  const noticeLine = notice && (
    <p role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="runner-notice" className={cn('text-sm', notice.kind === 'error' && 'text-destructive')}>
      {notice.text}
    </p>
  );

  const nextLink = nextHref ? (
    <Button asChild variant="outline">
      <Link href={nextHref}>{t('nextTest')} (Shift + N)</Link>
    </Button>
  ) : (
    <p className="text-sm text-muted-foreground">{t('noNextTest')}</p>
  );

  if (!execution) {
    return (
      <section className="flex flex-col gap-4" aria-label={t('title')}>
        {header}
        {noticeLine}
        <p className="text-sm">{notRunReason !== null ? t('itemNotRun', { reason: notRunReason }) : t('notStarted')}</p>
        <div className="flex flex-wrap gap-2">
          {canExecute && notRunReason === null && (
            <Button onClick={start} disabled={starting} autoFocus>
              {starting ? t('starting') : t('start')}
            </Button>
          )}
          {nextLink}
        </div>
      </section>
    );
  }

  return (
    <section className="flex flex-col gap-4" aria-label={t('title')}>
      {header}
      <dl className="grid gap-3 text-sm md:grid-cols-3">
        {(['objective', 'preconditions', 'testData'] as const).map((field) => (
          <div key={field} className="rounded-md border p-3">
            <dt className="font-semibold">{t(field)}</dt>
            <dd className="whitespace-pre-wrap">{execution[field] || <span className="italic text-muted-foreground">{t('none')}</span>}</dd>
          </div>
        ))}
      </dl>
      {noticeLine}

      <h3 className="text-lg font-semibold">{t('steps')}</h3>
      <ol className="flex flex-col gap-3" data-testid="runner-steps">
        {execution.steps.map((step, index) => {
          const result = execution.stepResults[index] ?? { status: null, actual: '' };
          const active = index === cursor;
          return (
            <li
              key={index}
              ref={(el) => {
                stepRefs.current[index] = el;
              }}
              aria-current={active ? 'step' : undefined}
              data-testid="runner-step"
              data-status={result.status ?? 'none'}
              className={cn('rounded-md border p-3', active && 'ring-2 ring-ring')}
              onClick={() => setCursor(index)}
            >
              <p className="text-xs text-muted-foreground">{t('step', { number: index + 1, total: execution.steps.length })}</p>
              <div className="grid gap-2 md:grid-cols-2">
                <div>
                  <p className="text-sm font-semibold">{t('stepAction')}</p>
                  <p className="whitespace-pre-wrap text-sm">{step.action}</p>
                </div>
                <div>
                  <p className="text-sm font-semibold">{t('stepExpected')}</p>
                  <p className="whitespace-pre-wrap text-sm">{step.expected}</p>
                </div>
              </div>
              <StepControls
                index={index}
                status={result.status}
                actual={result.actual}
                editable={open}
                onStatus={(status) => {
                  setCursor(index);
                  stepMutation.mutate({ stepIndex: index, status });
                }}
                onActual={(actual) => actual !== result.actual && stepMutation.mutate({ stepIndex: index, status: result.status, actual })}
              />
              {result.status === 'failed' && (
                <Link
                  href={`/projects/${projectKey}/anomalies/new?execution=${execution.id}&step=${index}`}
                  className="mt-2 inline-block text-sm font-medium text-destructive underline"
                  data-testid="raise-anomaly"
                >
                  {t('raiseAnomaly')}
                </Link>
              )}
              {active && (
                <div
                  className="mt-2"
                  ref={(el) => {
                    evidenceRefs.current[index] = el;
                  }}
                >
                  <EvidencePanel
                    projectKey={projectKey}
                    target={{ executionId: execution.id, stepIndex: index }}
                    attachments={attachments.filter((a) => a.stepIndex === index)}
                    canUpload={open}
                    remove={actions.removeAttachment}
                  />
                </div>
              )}
            </li>
          );
        })}
      </ol>

      {execution.criteria.length > 0 && (
        <Measurements
          execution={execution}
          editable={open}
          onSave={(measurements) => measurementMutation.mutate(measurements)}
        />
      )}

      <section className="flex flex-col gap-2 rounded-md border p-3" aria-labelledby="runner-execution-evidence">
        <h3 id="runner-execution-evidence" className="font-semibold">
          {t('evidence')}
        </h3>
        <EvidencePanel
          projectKey={projectKey}
          target={{ executionId: execution.id }}
          attachments={attachments.filter((a) => a.stepIndex === null)}
          canUpload={open}
          remove={actions.removeAttachment}
        />
      </section>

      {execution.finishedAt === null ? (
        open ? (
          <FinishForm
            formRef={finishRef}
            derived={execution.derivedStatus}
            startedAt={execution.startedAt}
            pending={finishMutation.isPending}
            onFinish={(vars) => finishMutation.mutate(vars)}
          />
        ) : (
          <p className="text-sm">{t('derived', { status: t(`statuses.${execution.derivedStatus}`) })}</p>
        )
      ) : (
        <div className="flex flex-col gap-2 rounded-md border p-3 text-sm" data-testid="runner-finished">
          <p role="status">
            {t('finished', {
              date: format.dateTime(new Date(execution.finishedAt), { dateStyle: 'long', timeStyle: 'short' }),
              name: execution.executedByName ?? '—',
              status: t(`statuses.${execution.status}`),
            })}
          </p>
          {execution.overrideReason && (
            <p>{t('overridden', { derived: t(`statuses.${execution.derivedStatus}`), reason: execution.overrideReason })}</p>
          )}
          {execution.durationMs !== null && <p>{t('duration', { duration: formatDuration(execution.durationMs) })}</p>}
          {execution.comment && <p className="whitespace-pre-wrap">{execution.comment}</p>}
          {canExecute && (
            <div>
              <Button variant="outline" onClick={start} disabled={starting}>
                {t('restart')}
              </Button>
            </div>
          )}
        </div>
      )}

      {execution.finishedAt !== null && canExecute && data!.retests.length > 0 && (
        <RetestProposals
          retests={data!.retests}
          onConfirm={async (retest, reason) => {
            const result = await actions.confirmRetest({
              projectKey,
              anomalyId: retest.anomalyId,
              executionId: execution.id,
              outcome: retest.proposal,
              reason,
            });
            if (!result.ok) return result.message;
            await queryClient.invalidateQueries({ queryKey });
            router.refresh();
            return null;
          }}
        />
      )}

      <div className="flex flex-wrap gap-2">{nextLink}</div>
    </section>
  );
}

function StepControls({
  index,
  status,
  actual,
  editable,
  onStatus,
  onActual,
}: {
  index: number;
  status: StepStatus | null;
  actual: string;
  editable: boolean;
  onStatus: (status: StepStatus) => void;
  onActual: (actual: string) => void;
}) {
  const t = useTranslations('runner');
  const actualId = useId();
  return (
    <div className="mt-2 flex flex-col gap-2">
      <div role="group" aria-label={t('stepStatus', { number: index + 1 })} className="flex flex-wrap items-center gap-2">
        {STEP_STATUSES.map((option) => (
          <button
            key={option}
            type="button"
            disabled={!editable}
            aria-pressed={status === option}
            onClick={(event) => {
              event.stopPropagation();
              onStatus(option);
            }}
            className={cn(
              'rounded-md border px-2 py-1 text-sm disabled:cursor-not-allowed',
              status === option ? STATUS_STYLE[option] : 'border-input bg-background',
            )}
          >
            {t(`stepStatuses.${option}`)} <kbd className="font-mono text-xs">{STEP_STATUS_KEYS[option].toUpperCase()}</kbd>
          </button>
        ))}
        <Badge variant="outline" data-testid="runner-step-status">
          {t(`stepStatuses.${status ?? 'none'}`)}
        </Badge>
      </div>
      <label htmlFor={actualId} className="text-sm font-semibold">
        {t('actual')}
      </label>
      <textarea
        id={actualId}
        defaultValue={actual}
        readOnly={!editable}
        rows={2}
        onKeyDown={(event) => event.key === 'Escape' && event.currentTarget.blur()}
        onBlur={(event) => editable && onActual(event.currentTarget.value.trim())}
        className="w-full rounded-md border border-input bg-background px-2 py-1 text-sm"
      />
    </div>
  );
}

function Measurements({
  execution,
  editable,
  onSave,
}: {
  execution: ExecutionState['execution'];
  editable: boolean;
  onSave: (measurements: { metric: string; value: number | null }[]) => void;
}) {
  const t = useTranslations('runner');
  const baseId = useId();
  return (
    <section className="flex flex-col gap-2 rounded-md border p-3" aria-labelledby={`${baseId}-title`}>
      <h3 id={`${baseId}-title`} className="font-semibold">
        {t('measurements')}
      </h3>
      {execution.criteria.map((criterion, i) => {
        const value = execution.measurements.find((m) => m.metric === criterion.metric)?.value ?? null;
        const id = `${baseId}-${i}`;
        return (
          <div key={criterion.metric} className="flex flex-wrap items-center gap-2 text-sm">
            <label htmlFor={id}>{t('measured', { metric: criterion.metric, unit: criterion.unit })}</label>
            <input
              id={id}
              type="number"
              step="any"
              defaultValue={value ?? ''}
              readOnly={!editable}
              onKeyDown={(event) => event.key === 'Escape' && event.currentTarget.blur()}
              onBlur={(event) => {
                const text = event.currentTarget.value.trim();
                const next = text === '' ? null : Number(text);
                if (editable && next !== value && (next === null || Number.isFinite(next))) onSave([{ metric: criterion.metric, value: next }]);
              }}
              className="w-32 rounded-md border border-input bg-background px-2 py-1"
            />
            <span className="text-muted-foreground">
              {t('threshold', { direction: t(`directions.${criterion.direction}`), threshold: criterion.threshold, unit: criterion.unit })}
            </span>
            <Badge variant="outline">{t(`measurementStatuses.${measurementStatus(criterion, value)}`)}</Badge>
          </div>
        );
      })}
    </section>
  );
}

function FinishForm({
  formRef,
  derived,
  startedAt,
  pending,
  onFinish,
}: {
  formRef: React.RefObject<HTMLFormElement | null>;
  derived: ExecutionStatus;
  startedAt: string;
  pending: boolean;
  onFinish: (vars: { status?: ExecutionResult; overrideReason?: string; comment: string }) => void;
}) {
  const t = useTranslations('runner');
  const id = useId();
  const [choice, setChoice] = useState<'derived' | ExecutionResult>('derived');
  // Measured in the browser only: a first value computed on the server is a second off by hydration time, which
  // React reports as a hydration mismatch and answers by re-rendering the whole runner.
  const [elapsed, setElapsed] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setElapsed(Date.now() - new Date(startedAt).getTime());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [startedAt]);
  const overriding = choice !== 'derived' && choice !== derived;
  return (
    <form
      ref={formRef}
      className="flex flex-col gap-2 rounded-md border p-3"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        onFinish({
          status: choice === 'derived' ? undefined : choice,
          overrideReason: overriding ? String(form.get('overrideReason') ?? '') : undefined,
          comment: String(form.get('comment') ?? ''),
        });
      }}
    >
      <h3 id={`${id}-title`} className="font-semibold">
        {t('verdict')}
      </h3>
      <p className="text-sm" data-testid="runner-derived">
        {t('derived', { status: t(`statuses.${derived}`) })}
      </p>
      <p className="text-sm text-muted-foreground" aria-live="off">
        {elapsed !== null && t('duration', { duration: formatDuration(elapsed) })}
      </p>
      <label htmlFor={`${id}-status`} className="text-sm font-semibold">
        {t('result')}
      </label>
      <select
        id={`${id}-status`}
        value={choice}
        onChange={(event) => setChoice(event.currentTarget.value as typeof choice)}
        className="w-64 rounded-md border border-input bg-background px-2 py-1 text-sm"
      >
        <option value="derived">{t('resultDerived', { status: t(`statuses.${derived}`) })}</option>
        {(['passed', 'failed', 'blocked'] as const).map((status) => (
          <option key={status} value={status}>
            {t(`statuses.${status}`)}
          </option>
        ))}
      </select>
      {overriding && (
        <>
          <label htmlFor={`${id}-reason`} className="text-sm font-semibold">
            {t('overrideReason')}
          </label>
          <textarea id={`${id}-reason`} name="overrideReason" required rows={2} className="rounded-md border border-input bg-background px-2 py-1 text-sm" />
        </>
      )}
      <label htmlFor={`${id}-comment`} className="text-sm font-semibold">
        {t('comment')}
      </label>
      <textarea
        id={`${id}-comment`}
        name="comment"
        rows={2}
        onKeyDown={(event) => event.key === 'Escape' && event.currentTarget.blur()}
        className="rounded-md border border-input bg-background px-2 py-1 text-sm"
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t('finishing') : t('finish')} <kbd className="font-mono text-xs">Ctrl/⌘ + Enter</kbd>
        </Button>
      </div>
    </form>
  );
}

function RetestProposals({ retests, onConfirm }: { retests: RetestView[]; onConfirm: (retest: RetestView, reason: string) => Promise<string | null> }) {
  const t = useTranslations('runner.retests');
  const [declined, setDeclined] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [pending, setPending] = useState<string | null>(null);
  const shown = retests.filter((r) => !declined.includes(r.anomalyId));
  return (
    <section className="flex flex-col gap-3 rounded-md border border-amber-700 p-3" aria-labelledby="runner-retests" data-testid="runner-retests">
      <h3 id="runner-retests" className="font-semibold">
        {t('title')}
      </h3>
      <p className="text-sm">{t('intro')}</p>
      {declined.map((id) => (
        <p key={id} role="status" className="text-sm text-muted-foreground">
          {t('declined', { ref: retests.find((r) => r.anomalyId === id)?.ref ?? '' })}
        </p>
      ))}
      {shown.map((retest) => (
        <div key={retest.anomalyId} className="flex flex-col gap-2 text-sm">
          <p className="font-medium">
            {t(retest.proposal, { ref: retest.ref })} — {retest.title}
          </p>
          {retest.proposal === 'reopen' && (
            <>
              <label htmlFor={`reason-${retest.anomalyId}`}>{t('reason', { ref: retest.ref })}</label>
              <textarea
                id={`reason-${retest.anomalyId}`}
                rows={2}
                value={reasons[retest.anomalyId] ?? ''}
                onChange={(event) => setReasons({ ...reasons, [retest.anomalyId]: event.currentTarget.value })}
                className="rounded-md border border-input bg-background px-2 py-1"
              />
            </>
          )}
          {errors[retest.anomalyId] && (
            <p role="alert" className="text-destructive">
              {errors[retest.anomalyId]}
            </p>
          )}
          <div className="flex flex-wrap gap-2">
            <Button
              size="sm"
              disabled={pending !== null}
              onClick={async () => {
                setPending(retest.anomalyId);
                const error = await onConfirm(retest, reasons[retest.anomalyId] ?? '');
                setPending(null);
                setErrors({ ...errors, [retest.anomalyId]: error ?? '' });
              }}
            >
              {t('confirm')}
            </Button>
            <Button size="sm" variant="outline" disabled={pending !== null} onClick={() => setDeclined([...declined, retest.anomalyId])}>
              {t('decline')}
            </Button>
          </div>
        </div>
      ))}
    </section>
  );
}

/**
 * The "?" button, and the shortcuts dialog loaded only when it opens: Radix's dialog (focus trap, portal, dismiss
 * layer) was 11 kB of this page's first-load JS for a dialog most runs never open. Radix's focus scope gives the
 * focus back to where it was when the dialog closes.
 */
function HelpDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useTranslations('runner.shortcuts');
  return (
    <>
      <Button variant="link" size="sm" className="h-auto p-0" aria-haspopup="dialog" aria-expanded={open} onClick={() => onOpenChange(true)}>
        {t('open')}
      </Button>
      {open && <ShortcutsDialog onOpenChange={onOpenChange} />}
    </>
  );
}
