import { describe, expect, test } from 'vitest';
import { planSave, type VersionRule } from './save';

interface Item {
  title: string;
  body: string;
  status: string;
}
const rule: VersionRule<Item> = { fields: ['title', 'body', 'status'], versionFields: ['title', 'body'] };
const current = { version: 3, revision: 7, snapshot: { title: 'Paie', body: 'Le 28.', status: 'draft' } };

describe('planSave', () => {
  test('a content change makes a new version and moves the revision', () => {
    expect(planSave(current, 7, { ...current.snapshot, body: 'Le 30.' }, rule)).toEqual({
      outcome: 'save',
      version: 4,
      revision: 8,
      changed: ['body'],
      newVersion: true,
    });
  });

  test('a status-only change keeps the version but moves the revision', () => {
    expect(planSave(current, 7, { ...current.snapshot, status: 'validated' }, rule)).toEqual({
      outcome: 'save',
      version: 3,
      revision: 8,
      changed: ['status'],
      newVersion: false,
    });
  });

  test('saving unchanged changes nothing', () => {
    expect(planSave(current, 7, { ...current.snapshot }, rule)).toEqual({ outcome: 'unchanged', version: 3, revision: 7 });
  });

  test('a save from an older revision is a conflict even when the content version is the same', () => {
    const plan = planSave(current, 6, { ...current.snapshot, title: 'Paie mensuelle', status: 'draft' }, rule);
    expect(plan.outcome).toBe('conflict');
    if (plan.outcome !== 'conflict') return;
    expect(plan.details).toMatchObject({ currentVersion: 3, currentRevision: 7 });
    expect(plan.details.changes.map((c) => c.field)).toEqual(['title']);
  });

  test('a stale save that proposes exactly the saved state is still a conflict (the person never saw it)', () => {
    expect(planSave(current, 1, { ...current.snapshot }, rule)).toMatchObject({ outcome: 'conflict', details: { changes: [] } });
  });
});
