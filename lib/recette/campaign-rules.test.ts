import { expect, test } from 'vitest';
import { canMoveCampaign, itemsBlockingClose } from './campaign-rules';

test('a campaign moves forward only and never reopens', () => {
  expect(canMoveCampaign('planned', 'in_progress')).toBe(true);
  expect(canMoveCampaign('in_progress', 'closed')).toBe(true);
  expect(canMoveCampaign('planned', 'closed')).toBe(true);
  expect(canMoveCampaign('closed', 'in_progress')).toBe(false);
  expect(canMoveCampaign('in_progress', 'planned')).toBe(false);
});

test('items hold a close open until run to a result or set non exécuté with a reason', () => {
  const items = [
    { id: 1, latestStatus: 'passed', notRunReason: null },
    { id: 2, latestStatus: null, notRunReason: null },
    { id: 3, latestStatus: 'in_progress', notRunReason: null },
    { id: 4, latestStatus: null, notRunReason: 'Environnement indisponible' },
    { id: 5, latestStatus: null, notRunReason: '   ' },
    { id: 6, latestStatus: 'blocked', notRunReason: null },
  ] as const;
  expect(itemsBlockingClose(items).map((i) => i.id)).toEqual([2, 3, 5]);
});
