import type { ProjectRole } from '@/lib/auth/roles';
import type { RequirementPriority, RequirementStatus } from '@/lib/requirements/model';
import type { SpecificationCategory, SpecificationStatus } from '@/lib/specifications/model';

/** The planned rows of the traceability part, shared by the plan and the test-case and recette planners. */

export interface RequirementFields {
  title: string;
  statement: string;
  rationale: string;
  acceptanceCriteria: string;
  priority: RequirementPriority;
  status: RequirementStatus;
  source: string;
  tags: string[];
  parentId: string | null;
}

export interface PlannedRequirement {
  id: string;
  number: number;
  level: 1 | 2 | 3 | 4;
  version: number;
  fields: RequirementFields;
  /** The snapshot of every version, 1 to `version` (the last one is `fields`). */
  history: { fields: RequirementFields; changedAt: Date }[];
  createdAt: Date;
}

export interface SpecificationFields {
  title: string;
  body: string;
  category: SpecificationCategory;
  status: SpecificationStatus;
}

export interface PlannedSpecification {
  id: string;
  number: number;
  version: number;
  fields: SpecificationFields;
  history: { fields: SpecificationFields; changedAt: Date }[];
  createdAt: Date;
}

export interface PlannedLink {
  id: string;
  requirementId: string;
  specificationId: string;
  reviewedVersion: number;
  suspect: boolean;
  reviewedAt: Date;
}

export interface PlannedPerson {
  id: string;
  name: string;
  email: string;
  role: ProjectRole;
}

