/**
 * Mise en production and VSR (DESIGN.md §3 "Release, go-live and VSR"). Pure: when a release may go live, the VSR
 * period that follows and when it is over, so the recette définitive can be signed (or an ajournement given).
 */
import type { Decision } from './readiness-model';

/** The default length of the vérification de service régulier, in days. */
export const DEFAULT_VSR_DAYS = 30;
export const MAX_VSR_DAYS = 365;

/** The default runbook steps a go-live form starts with (message keys under goLive.runbookTemplate). */
export const RUNBOOK_TEMPLATE = ['backup', 'deploy', 'dataMigration', 'smokeTests', 'openToUsers'] as const;

/** What the MOA decides at the end of a VSR period: recette définitive prononcée, or an ajournement with a new period. */
export const FINAL_DECISIONS = ['accepted', 'adjourned'] as const;
export type FinalDecision = (typeof FINAL_DECISIONS)[number];

/** A release may go live after a go / no-go that decided GO (with or without reservations) and was signed. */
export function mayGoLive(latest: { decision: Decision; signed: boolean } | null): boolean {
  return latest !== null && latest.decision !== 'no_go' && latest.signed;
}

const DAY_MS = 86_400_000;

export interface VsrPeriod {
  start: Date;
  end: Date;
  days: number;
}

/**
 * The current VSR period: from the deployment for `vsrDays`, or, after an ajournement, from the ajournement for the
 * new period it set. Periods are counted in whole days of 24 hours from the instant they start.
 */
export function currentVsrPeriod(goLive: { deployedAt: Date; vsrDays: number }, lastAdjournment: { recordedAt: Date; newPeriodDays: number } | null): VsrPeriod {
  const start = lastAdjournment ? lastAdjournment.recordedAt : goLive.deployedAt;
  const days = lastAdjournment ? lastAdjournment.newPeriodDays : goLive.vsrDays;
  return { start, end: new Date(start.getTime() + days * DAY_MS), days };
}

/** The recette définitive (or an ajournement) is decided at the end of the period, never before. */
export function vsrOver(period: VsrPeriod, now: Date): boolean {
  return now.getTime() >= period.end.getTime();
}

/** Whole days left in the period (0 once over). */
export function vsrDaysLeft(period: VsrPeriod, now: Date): number {
  return Math.max(0, Math.ceil((period.end.getTime() - now.getTime()) / DAY_MS));
}

/** An ajournement needs its reason and its new period; a recette définitive needs neither (a reason is optional). */
export function finalDecisionErrors(input: { decision: FinalDecision; reason: string; newPeriodDays: number | null }): Record<string, string[]> | null {
  const errors: Record<string, string[]> = {};
  if (input.decision === 'adjourned' && !input.reason) errors.reason = ['reasonRequired'];
  if (input.decision === 'adjourned' && input.newPeriodDays === null) errors.newPeriodDays = ['required'];
  return Object.keys(errors).length ? errors : null;
}
