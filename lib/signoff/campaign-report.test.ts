import { describe, expect, test } from 'vitest';
import { contentHash } from './canonical';
import { anomaliesBySeverity, campaignReportApprovalContent, campaignReportRefusal, campaignReportSnapshot, countVerdicts, type CampaignReportInput } from './campaign-report';

const at = (iso: string) => new Date(iso);

function input(overrides: Partial<CampaignReportInput> = {}): CampaignReportInput {
  return {
    project: { key: 'PAIE', name: 'Paie', client: 'Ville' },
    campaign: {
      number: 3,
      name: 'VABF lot 1',
      type: 'vabf',
      description: '',
      environment: 'Recette',
      build: '1.4.2',
      plannedStart: '2026-11-02',
      plannedEnd: '2026-11-20',
      startedAt: at('2026-11-02T08:00:00Z'),
      closedAt: at('2026-11-20T16:30:00Z'),
      closedBy: 'Alice AMOE',
    },
    results: [
      { position: 2, testCase: 7, title: 'Net', version: 2, verdict: 'failed', executedBy: 'Bob', executedAt: at('2026-11-10T09:00:00Z'), notRunReason: null },
      { position: 1, testCase: 4, title: 'Brut', version: 1, verdict: 'passed', executedBy: 'Bob', executedAt: at('2026-11-09T09:00:00Z'), notRunReason: null },
      { position: 3, testCase: 9, title: 'Archives', version: 1, verdict: 'not_run', executedBy: null, executedAt: null, notRunReason: 'Hors lot' },
    ],
    anomalies: [
      { number: 12, title: 'Arrondi', severity: 'minor', status: 'closed' },
      { number: 15, title: 'Net faux', severity: 'blocking', status: 'fixing' },
      { number: 11, title: 'Libellé', severity: 'minor', status: 'new' },
    ],
    ...overrides,
  };
}

describe('campaign report snapshot', () => {
  test('rows follow the campaign order, anomalies severity then number, dates as ISO text, counts by verdict', () => {
    const snapshot = campaignReportSnapshot(input());
    expect(snapshot.results.map((r) => r.testCase)).toEqual([4, 7, 9]);
    expect(snapshot.results[0]).toEqual({ testCase: 4, title: 'Brut', version: 1, verdict: 'passed', executedBy: 'Bob', executedAt: '2026-11-09T09:00:00.000Z', notRunReason: null });
    expect(snapshot.anomalies.map((a) => a.number)).toEqual([15, 11, 12]);
    expect(snapshot.campaign.closedAt).toBe('2026-11-20T16:30:00.000Z');
    expect(snapshot.counts).toEqual({ not_started: 0, in_progress: 0, passed: 1, failed: 1, blocked: 0, not_run: 1, total: 3 });
  });

  test('the same rows read in another order give the same canonical content and hash; any verdict change moves it', () => {
    const one = input();
    const other = input({ results: [...one.results].reverse(), anomalies: [...one.anomalies].reverse() });
    const request = { number: 5, deliverable: 'campaign_report', message: 'Merci' };
    const hash = contentHash(campaignReportApprovalContent(request, campaignReportSnapshot(one)));
    expect(contentHash(campaignReportApprovalContent(request, campaignReportSnapshot(other)))).toBe(hash);
    const changed = input({ results: one.results.map((r) => (r.testCase === 7 ? { ...r, verdict: 'passed' as const } : r)) });
    expect(contentHash(campaignReportApprovalContent(request, campaignReportSnapshot(changed)))).not.toBe(hash);
    expect(contentHash(campaignReportApprovalContent({ ...request, message: 'Autre' }, campaignReportSnapshot(one)))).not.toBe(hash);
  });

  test('anomalies by severity count the open ones (neither closed nor rejected)', () => {
    const groups = anomaliesBySeverity(campaignReportSnapshot(input()).anomalies);
    expect(groups.map((g) => [g.severity, g.total, g.open])).toEqual([
      ['blocking', 1, 1],
      ['major', 0, 0],
      ['minor', 2, 1],
    ]);
    expect(countVerdicts([])).toMatchObject({ total: 0, passed: 0 });
  });
});

describe('who may request a campaign report’s approval, and when', () => {
  test('only a closed campaign, one request at a time; an approved report stays approved; a rejected one may be asked again', () => {
    expect(campaignReportRefusal('in_progress', [])).toBe('campaignNotClosed');
    expect(campaignReportRefusal('planned', [])).toBe('campaignNotClosed');
    expect(campaignReportRefusal('closed', [])).toBeNull();
    expect(campaignReportRefusal('closed', ['rejected', 'pending'])).toBe('approvalPending');
    expect(campaignReportRefusal('closed', ['approved_with_reservations'])).toBe('approvalDecided');
    expect(campaignReportRefusal('closed', ['approved'])).toBe('approvalDecided');
    expect(campaignReportRefusal('closed', ['rejected'])).toBeNull();
  });
});
