/** The project's sections in the order the chain runs (DESIGN.md §1), as they appear in the sidebar. */
export const PROJECT_SECTIONS = [
  { slug: '', key: 'overview' },
  { slug: 'requirements', key: 'requirements' },
  { slug: 'specifications', key: 'specifications' },
  { slug: 'traceability', key: 'traceability' },
  { slug: 'test-cases', key: 'testCases' },
  { slug: 'campaigns', key: 'campaigns' },
  { slug: 'anomalies', key: 'anomalies' },
  { slug: 'approvals', key: 'approvals' },
  { slug: 'readiness', key: 'readiness' },
  { slug: 'audit', key: 'audit' },
  { slug: 'settings', key: 'settings' },
] as const;

export type ProjectSectionKey = (typeof PROJECT_SECTIONS)[number]['key'];
