/** Project roles and what each may do (DESIGN.md §4). Pure: shared by the schema, the action wrapper and the UI. */
export const PROJECT_ROLES = ['owner', 'amoe', 'amoa', 'moa', 'viewer'] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];

export const PERMISSIONS = [
  'project.read',
  'project.comment',
  'requirements.write',
  'specifications.write',
  'tests.write',
  'tests.execute',
  'approvals.request',
  'approvals.decide',
  'project.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Permission, readonly ProjectRole[]> = {
  'project.read': PROJECT_ROLES,
  'project.comment': PROJECT_ROLES,
  /** Requirements by hand and every way in (ReqIF, spreadsheets): one permission, so the import paths cannot drift apart. */
  'requirements.write': ['owner', 'amoa'],
  'specifications.write': ['owner', 'amoe'],
  /** Test cases and their trace links (DESIGN.md §4: "specs, test cases, campaigns, trace links: write"). */
  'tests.write': ['owner', 'amoe'],
  'tests.execute': ['owner', 'amoe', 'amoa', 'moa'],
  'approvals.request': ['owner', 'amoe', 'amoa'],
  'approvals.decide': ['moa'],
  'project.manage': ['owner'],
};

export function can(role: ProjectRole, permission: Permission): boolean {
  return GRANTS[permission].includes(role);
}

export function rolesAllowed(permission: Permission): readonly ProjectRole[] {
  return GRANTS[permission];
}

export function isProjectRole(value: unknown): value is ProjectRole {
  return typeof value === 'string' && (PROJECT_ROLES as readonly string[]).includes(value);
}
