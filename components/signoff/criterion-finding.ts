import type { CriterionKey, ReadinessInputs } from '@/lib/signoff/decision';

/** A translator of the `readiness.criteria` texts, whichever next-intl flavour made it (page or PDF). */
export type CriteriaTexts = (key: string, values?: Record<string, number>) => string;

/** What a criterion found, in words with its figures: the same sentence on the page and in the PV. */
export function criterionFinding(t: CriteriaTexts, key: CriterionKey, inputs: ReadinessInputs): string {
  const { openAnomalies: a, thresholds, mustHave, campaigns, checklist } = inputs;
  switch (key) {
    case 'blockingAnomalies':
      return t('blockingAnomalies.evidence', { count: a.blocking, max: thresholds.maxBlocking });
    case 'majorAnomalies':
      return t('majorAnomalies.evidence', { count: a.major, max: thresholds.maxMajor });
    case 'minorAnomalies':
      return t('minorAnomalies.evidence', { count: a.minor });
    case 'mustHaveRequirements':
      return t('mustHaveRequirements.evidence', {
        ready: mustHave.total - mustHave.uncovered - mustHave.unverified,
        total: mustHave.total,
        uncovered: mustHave.uncovered,
        unverified: mustHave.unverified,
      });
    case 'suspectLinks':
      return t('suspectLinks.evidence', { count: inputs.suspectLinks });
    case 'campaignsClosed':
      return t('campaignsClosed.evidence', { closed: campaigns.total - campaigns.open, total: campaigns.total });
    case 'checklist':
      return t('checklist.evidence', { settled: checklist.total - checklist.unsettled, total: checklist.total });
    case 'baselineApproved':
      return inputs.baseline.number === null
        ? t('baselineApproved.none')
        : t(`baselineApproved.${inputs.baseline.approval === 'none' ? 'notRequested' : inputs.baseline.approval}`, { number: inputs.baseline.number });
    case 'openReservations':
      return t('openReservations.evidence', { count: inputs.reservations.open, overdue: inputs.reservations.overdue });
  }
}
