import { describe, expect, test } from 'vitest';
import { PERMISSIONS, PROJECT_ROLES, can, isProjectRole, rolesAllowed, type Permission, type ProjectRole } from './roles';

/** DESIGN.md §4, copied cell by cell: ✓ allowed, – refused. Columns: owner, amoe, amoa, moa, viewer. */
const DESIGN_TABLE: Record<Permission, string> = {
  'project.read': '✓ ✓ ✓ ✓ ✓',
  'project.comment': '✓ ✓ ✓ ✓ ✓',
  'requirements.write': '✓ – ✓ – –',
  'specifications.write': '✓ ✓ – – –',
  'tests.write': '✓ ✓ – – –',
  'tests.execute': '✓ ✓ ✓ ✓ –',
  'approvals.request': '✓ ✓ ✓ – –',
  'approvals.decide': '– – – ✓ –',
  'project.manage': '✓ – – – –',
};
const COLUMNS: ProjectRole[] = ['owner', 'amoe', 'amoa', 'moa', 'viewer'];

describe('project roles (DESIGN.md §4)', () => {
  test('the roles are exactly the five of the design, owner first', () => {
    expect([...PROJECT_ROLES]).toEqual(COLUMNS);
  });

  test('every permission has a row in the design table and vice versa', () => {
    expect([...PERMISSIONS].sort()).toEqual(Object.keys(DESIGN_TABLE).sort());
  });

  const cells = Object.entries(DESIGN_TABLE).flatMap(([permission, row]) =>
    row.split(' ').map((mark, i) => ({ permission: permission as Permission, role: COLUMNS[i]!, allowed: mark === '✓' })),
  );

  test.each(cells)('$role / $permission → $allowed', ({ permission, role, allowed }) => {
    expect(can(role, permission)).toBe(allowed);
    expect(rolesAllowed(permission).includes(role)).toBe(allowed);
  });

  test('only owners manage the project and only the MOA decides', () => {
    expect(rolesAllowed('project.manage')).toEqual(['owner']);
    expect(rolesAllowed('approvals.decide')).toEqual(['moa']);
  });

  test('isProjectRole accepts the five roles and nothing else', () => {
    for (const role of PROJECT_ROLES) expect(isProjectRole(role)).toBe(true);
    for (const value of ['admin', 'OWNER', '', null, undefined, 1, {}]) expect(isProjectRole(value)).toBe(false);
  });
});
