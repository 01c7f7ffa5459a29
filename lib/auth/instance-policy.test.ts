import { describe, expect, test } from 'vitest';
import { DEFAULT_INSTANCE_POLICY, mayCreateAccountsAsOwner, mayCreateProjects, type ProjectCreationPolicy } from './instance-policy';

const plain = { isAdmin: false, isProjectCreator: false };
const creator = { isAdmin: false, isProjectCreator: true };
const admin = { isAdmin: true, isProjectCreator: false };
const policy = (projectCreation: ProjectCreationPolicy, ownersMayCreateAccounts = false) => ({ projectCreation, ownersMayCreateAccounts });

describe('mayCreateProjects', () => {
  test('the default lets administrators only', () => {
    expect(DEFAULT_INSTANCE_POLICY).toEqual({ projectCreation: 'admins', ownersMayCreateAccounts: false });
    expect([plain, creator, admin].map((a) => mayCreateProjects(DEFAULT_INSTANCE_POLICY, a))).toEqual([false, false, true]);
  });

  test('"creators" adds the designated accounts, "everyone" any account', () => {
    expect([plain, creator, admin].map((a) => mayCreateProjects(policy('creators'), a))).toEqual([false, true, true]);
    expect([plain, creator, admin].map((a) => mayCreateProjects(policy('everyone'), a))).toEqual([true, true, true]);
  });
});

describe('mayCreateAccountsAsOwner', () => {
  test('owners only when the policy allows it; administrators always', () => {
    expect(mayCreateAccountsAsOwner(policy('everyone', false), plain)).toBe(false);
    expect(mayCreateAccountsAsOwner(policy('admins', true), plain)).toBe(true);
    expect(mayCreateAccountsAsOwner(policy('admins', false), admin)).toBe(true);
  });
});
