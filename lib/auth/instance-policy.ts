/**
 * The instance's rules on who creates projects and accounts, set by administrators (table `instance_settings`).
 * The defaults are the safe ones: only administrators create projects, and project owners add existing accounts
 * only, so a client (MOA) account cannot make itself a project and, through it, new accounts.
 */
export const PROJECT_CREATION_POLICIES = ['admins', 'creators', 'everyone'] as const;
export type ProjectCreationPolicy = (typeof PROJECT_CREATION_POLICIES)[number];

export interface InstancePolicy {
  /** admins: administrators only; creators: administrators and accounts they designate; everyone: any account. */
  projectCreation: ProjectCreationPolicy;
  /** Whether project owners may invite an e-mail that has no account yet (which creates the account). */
  ownersMayCreateAccounts: boolean;
}

export const DEFAULT_INSTANCE_POLICY: InstancePolicy = { projectCreation: 'admins', ownersMayCreateAccounts: false };

export interface AccountRights {
  isAdmin: boolean;
  isProjectCreator: boolean;
}

export function mayCreateProjects(policy: InstancePolicy, account: AccountRights): boolean {
  if (account.isAdmin) return true;
  if (policy.projectCreation === 'everyone') return true;
  return policy.projectCreation === 'creators' && account.isProjectCreator;
}

/** For a project owner adding someone: administrators create accounts anyway, owners only if the policy says so. */
export function mayCreateAccountsAsOwner(policy: InstancePolicy, account: Pick<AccountRights, 'isAdmin'>): boolean {
  return account.isAdmin || policy.ownersMayCreateAccounts;
}
