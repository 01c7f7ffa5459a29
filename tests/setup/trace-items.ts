import { eq } from 'drizzle-orm';
import { getDb, type Executor } from '@/db/client';
import { nextRefNumber } from '@/db/queries/refs';
import { requirements, requirementVersions, specifications, specificationVersions, testCases, testCaseVersions, traceLinks } from '@/db/schema';
import type { TestCaseType, TestStep } from '@/lib/recette/model';
import type { RequirementPriority, RequirementStatus } from '@/lib/requirements/model';
import type { SpecificationCategory, SpecificationStatus } from '@/lib/specifications/model';
import { REF_PREFIXES } from '@/lib/traceability/refs';

/**
 * Requirements, specifications and trace links written straight into the database (no action, no audit row), for
 * tests that need items to exist before the call under test. Numbers come from the project's real counter, so
 * rows made here and rows made by the actions never collide.
 */

export interface RequirementRowOptions {
  title?: string;
  statement?: string;
  rationale?: string;
  acceptanceCriteria?: string;
  priority?: RequirementPriority;
  status?: RequirementStatus;
  source?: string;
  tags?: string[];
  parentId?: string | null;
  /** The current version; versions 1..version are all recorded in the history, as the actions would have. */
  version?: number;
  createdBy?: string | null;
  updatedAt?: Date;
}

export interface RequirementRow {
  id: string;
  number: number;
  version: number;
  /** The concurrency token a save must name (1 for a row made here). */
  revision: number;
  title: string;
}

export async function createRequirementRow(
  project: { id: string },
  options: RequirementRowOptions = {},
  db: Executor = getDb(),
): Promise<RequirementRow> {
  const number = await nextRefNumber(db, project.id, REF_PREFIXES.requirement);
  const version = options.version ?? 1;
  const fields = {
    title: options.title ?? `Exigence ${number}`,
    statement: options.statement ?? '',
    rationale: options.rationale ?? '',
    acceptanceCriteria: options.acceptanceCriteria ?? '',
    priority: options.priority ?? 'must',
    status: options.status ?? 'draft',
    source: options.source ?? '',
    tags: options.tags ?? [],
    parentId: options.parentId ?? null,
  } as const;
  const [row] = await db
    .insert(requirements)
    .values({
      ...fields,
      tags: [...fields.tags],
      projectId: project.id,
      number,
      version,
      createdBy: options.createdBy ?? null,
      updatedBy: options.createdBy ?? null,
      ...(options.updatedAt && { updatedAt: options.updatedAt }),
    })
    .returning({
      id: requirements.id,
      number: requirements.number,
      version: requirements.version,
      revision: requirements.revision,
      title: requirements.title,
    });
  await db.insert(requirementVersions).values(
    Array.from({ length: version }, (_, i) => ({
      requirementId: row!.id,
      version: i + 1,
      snapshot: { ...fields, title: i + 1 === version ? fields.title : `${fields.title} (v${i + 1})` },
      changedBy: options.createdBy ?? null,
    })),
  );
  return row!;
}

export interface SpecificationRowOptions {
  title?: string;
  body?: string;
  category?: SpecificationCategory;
  status?: SpecificationStatus;
  version?: number;
  createdBy?: string | null;
}

export interface SpecificationRow {
  id: string;
  number: number;
  version: number;
  /** The concurrency token a save must name (1 for a row made here). */
  revision: number;
  title: string;
  status: SpecificationStatus;
}

export async function createSpecificationRow(
  project: { id: string },
  options: SpecificationRowOptions = {},
  db: Executor = getDb(),
): Promise<SpecificationRow> {
  const number = await nextRefNumber(db, project.id, REF_PREFIXES.specification);
  const version = options.version ?? 1;
  const fields = {
    title: options.title ?? `Spécification ${number}`,
    body: options.body ?? '',
    category: options.category ?? 'architecture',
    status: options.status ?? 'draft',
  } as const;
  const [row] = await db
    .insert(specifications)
    .values({ ...fields, projectId: project.id, number, version, createdBy: options.createdBy ?? null, updatedBy: options.createdBy ?? null })
    .returning({
      id: specifications.id,
      number: specifications.number,
      version: specifications.version,
      revision: specifications.revision,
      title: specifications.title,
      status: specifications.status,
    });
  await db.insert(specificationVersions).values(
    Array.from({ length: version }, (_, i) => ({
      specificationId: row!.id,
      version: i + 1,
      snapshot: { ...fields, title: i + 1 === version ? fields.title : `${fields.title} (v${i + 1})` },
      changedBy: options.createdBy ?? null,
    })),
  );
  return row!;
}

/**
 * A requirement → specification link of the project. `reviewedVersion` defaults to the requirement's current
 * version (a fresh, clean link); pass a lower one to make it suspect.
 */
export async function createLink(
  project: { id: string },
  requirement: { id: string; version: number },
  specification: { id: string },
  options: { reviewedVersion?: number; reviewedBy?: string | null; createdBy?: string | null } = {},
  db: Executor = getDb(),
): Promise<{ id: string; reviewedVersion: number }> {
  const [row] = await db
    .insert(traceLinks)
    .values({
      projectId: project.id,
      kind: 'requirement_specification',
      upstreamId: requirement.id,
      downstreamId: specification.id,
      reviewedVersion: options.reviewedVersion ?? requirement.version,
      reviewedBy: options.reviewedBy ?? null,
      createdBy: options.createdBy ?? null,
    })
    .returning({ id: traceLinks.id, reviewedVersion: traceLinks.reviewedVersion });
  return row!;
}

export interface TestCaseRowOptions {
  title?: string;
  type?: TestCaseType;
  steps?: TestStep[];
  folder?: string;
  tags?: string[];
}

/** A test case at version 1 with its history row. */
export async function createTestCaseRow(project: { id: string }, options: TestCaseRowOptions = {}, db: Executor = getDb()) {
  const number = await nextRefNumber(db, project.id, REF_PREFIXES.testCase);
  const fields = {
    title: options.title ?? `Cas de test ${number}`,
    objective: '',
    preconditions: '',
    testData: '',
    steps: options.steps ?? [{ action: 'Ouvrir l’écran', expected: 'L’écran s’affiche' }],
    type: options.type ?? 'functional',
    priority: 'medium' as const,
    folder: options.folder ?? '',
    tags: options.tags ?? [],
    automated: false,
    automationKey: '',
    criteria: [],
  };
  const [row] = await db
    .insert(testCases)
    .values({ ...fields, projectId: project.id, number })
    .returning({ id: testCases.id, number: testCases.number, version: testCases.version, revision: testCases.revision, title: testCases.title });
  await db.insert(testCaseVersions).values({ testCaseId: row!.id, version: 1, snapshot: fields });
  return row!;
}

/**
 * A link from a specification or a requirement to a test case, reviewed at the upstream's current version unless
 * `reviewedVersion` says otherwise (lower: suspect).
 */
export async function createTestLink(
  project: { id: string },
  upstream: { id: string; version: number },
  testCase: { id: string },
  options: { from?: 'specification' | 'requirement'; reviewedVersion?: number } = {},
  db: Executor = getDb(),
): Promise<{ id: string }> {
  const [row] = await db
    .insert(traceLinks)
    .values({
      projectId: project.id,
      kind: options.from === 'requirement' ? 'requirement_test_case' : 'specification_test_case',
      upstreamId: upstream.id,
      downstreamId: testCase.id,
      reviewedVersion: options.reviewedVersion ?? upstream.version,
    })
    .returning({ id: traceLinks.id });
  return row!;
}

/** Gives a specification a test case verifying it, so requirements it answers can count as covered. */
export async function verifySpecification(project: { id: string }, specification: { id: string; version: number }) {
  const testCase = await createTestCaseRow(project);
  await createTestLink(project, specification, testCase);
  return testCase;
}

export async function requirementById(id: string) {
  const [row] = await getDb().select().from(requirements).where(eq(requirements.id, id));
  return row ?? null;
}

export async function specificationById(id: string) {
  const [row] = await getDb().select().from(specifications).where(eq(specifications.id, id));
  return row ?? null;
}

export async function traceLinkById(id: string) {
  const [row] = await getDb().select().from(traceLinks).where(eq(traceLinks.id, id));
  return row ?? null;
}
