/** MoSCoW, stored in English, shown as doit / devrait / pourrait / ne fera pas. */
export const REQUIREMENT_PRIORITIES = ['must', 'should', 'could', 'wont'] as const;
export type RequirementPriority = (typeof REQUIREMENT_PRIORITIES)[number];

export const REQUIREMENT_STATUSES = ['draft', 'validated', 'obsolete'] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];

/** Fields whose change makes a new version (and may make trace links suspect). */
export const REQUIREMENT_CONTENT_FIELDS = [
  'title',
  'statement',
  'rationale',
  'acceptanceCriteria',
  'priority',
  'status',
  'source',
  'tags',
  'parentId',
] as const;
