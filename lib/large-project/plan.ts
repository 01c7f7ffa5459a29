import { PROJECT_ROLES } from '@/lib/auth/roles';
import { REQUIREMENT_PRIORITIES, REQUIREMENT_STATUSES } from '@/lib/requirements/model';
import { SPECIFICATION_CATEGORIES, SPECIFICATION_STATUSES } from '@/lib/specifications/model';
import type { Random } from './random';
export type { PlannedLink, PlannedPerson, PlannedRequirement, PlannedSpecification, RequirementFields, SpecificationFields } from './planned-items';
import type { PlannedLink, PlannedPerson, PlannedRequirement, PlannedSpecification, RequirementFields, SpecificationFields } from './planned-items';
import { planRelease, type PlannedRelease } from './readiness';
import { planRecette, type RecettePlan, type RecetteShape } from './recette';
import { planSignoff, type PlannedSignoff, type SignoffShape } from './signoff';
import { planTestCases, type PlannedTestCase, type PlannedTestLink } from './test-cases';
import { FIRST_NAMES, LAST_NAMES, MODULES, SOURCES, TAGS, requirementTitle, sectionTitle, sentence, specificationBody } from './text';

/**
 * The generated large project, planned in memory before anything is written: ids are drawn up front so rows can
 * point at each other (parents, links) and the database layer only has to insert them in bulk. Pure and seeded.
 */
export interface LargeProjectShape extends RecetteShape, SignoffShape {
  /** Level 1 of the tree; each has `sections` level-2 children, each with `subsections` level-3 children. */
  chapters: number;
  sections: number;
  subsections: number;
  /** All levels together; what is left after levels 1–3 becomes level-4 leaves. */
  requirements: number;
  specifications: number;
  links: number;
  /** Share of links whose requirement moved past the version the link was reviewed at. */
  suspectRatio: number;
  /** Project members, the one account per role included. */
  members: number;
  /** Test cases, each verifying one or two specifications (some a requirement directly), 5–15 steps each. */
  testCases: number;
}

export const LARGE_PROJECT_SHAPE: LargeProjectShape = {
  chapters: 10,
  sections: 5,
  subsections: 6,
  requirements: 2000,
  specifications: 4000,
  links: 6000,
  suspectRatio: 0.05,
  members: 50,
  testCases: 8000,
  campaigns: 10,
  campaignItems: 2000,
  executions: 20_000,
  anomalies: 2000,
  baselineSpecifications: 400,
  reservations: 12,
  commentsPerRequest: 6,
};

/** Dates are spread from here, one item every few minutes, so lists sorted by date are stable run to run. */
const EPOCH = Date.UTC(2026, 0, 5, 8, 0, 0);
const minutes = (n: number) => new Date(EPOCH + n * 60_000);

export interface LargeProjectPlan {
  people: PlannedPerson[];
  requirements: PlannedRequirement[];
  specifications: PlannedSpecification[];
  links: PlannedLink[];
  testCases: PlannedTestCase[];
  testLinks: PlannedTestLink[];
  recette: RecettePlan;
  release: PlannedRelease;
  signoff: PlannedSignoff;
}

/** One account per role first (known e-mails, printed by the seed), then members with generated names. */
export function planPeople(random: Random, count: number, domain: string): PlannedPerson[] {
  const roleAccounts = PROJECT_ROLES.map((role) => ({ id: random.uuid(), name: `Compte ${role}`, email: `${role}@${domain}`, role }));
  const others = Array.from({ length: Math.max(0, count - roleAccounts.length) }, (_, i) => {
    const first = FIRST_NAMES[i % FIRST_NAMES.length]!;
    const last = LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length]!;
    const role = PROJECT_ROLES[1 + (i % (PROJECT_ROLES.length - 1))]!;
    const slug = `${first}.${last}.${i + 1}`.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    return { id: random.uuid(), name: `${first} ${last}`, email: `${slug}@${domain}`, role };
  });
  return [...roleAccounts, ...others];
}

function levelOf(index: number, shape: LargeProjectShape): 1 | 2 | 3 | 4 {
  const l1 = shape.chapters;
  const l2 = l1 * shape.sections;
  const l3 = l2 * shape.subsections;
  if (index < l1) return 1;
  if (index < l1 + l2) return 2;
  if (index < l1 + l2 + l3) return 3;
  return 4;
}

export function planRequirements(random: Random, shape: LargeProjectShape): PlannedRequirement[] {
  const planned: PlannedRequirement[] = [];
  const byLevel: Record<1 | 2 | 3, PlannedRequirement[]> = { 1: [], 2: [], 3: [] };
  for (let index = 0; index < shape.requirements; index += 1) {
    const level = levelOf(index, shape);
    // Levels 2 and 3 fill their parents evenly; leaves go to a random level-3 parent.
    const parent =
      level === 1
        ? null
        : level === 4
          ? random.pick(byLevel[3])
          : byLevel[(level - 1) as 1 | 2][Math.floor(byLevel[level as 2 | 3].length / (level === 2 ? shape.sections : shape.subsections))]!;
    const title =
      level === 1
        ? MODULES[index % MODULES.length]!
        : level === 2
          ? sectionTitle(parent!.fields.title, byLevel[2].length)
          : requirementTitle(random);
    const version = level === 4 ? weightedVersion(random) : 1;
    const fields: RequirementFields = {
      title,
      statement: sentence(random) + (level === 4 ? ` ${sentence(random)}` : ''),
      rationale: level === 4 ? sentence(random) : '',
      acceptanceCriteria: level === 4 ? `- ${sentence(random)}\n- ${sentence(random)}` : '',
      priority: random.pick(REQUIREMENT_PRIORITIES),
      // Mostly validated, as in a project under way; every status appears.
      status: random.next() < 0.7 ? 'validated' : random.pick(REQUIREMENT_STATUSES),
      source: random.pick(SOURCES),
      tags: level === 4 ? [random.pick(TAGS)] : [],
      parentId: parent?.id ?? null,
    };
    const createdAt = minutes(index * 7);
    const requirement: PlannedRequirement = {
      id: random.uuid(),
      number: index + 1,
      level,
      version,
      fields,
      history: versionsOf(fields, version, createdAt, (f, v) => ({ ...f, statement: `${f.statement} (rédaction v${v})` })),
      createdAt,
    };
    planned.push(requirement);
    if (level < 4) byLevel[level as 1 | 2 | 3].push(requirement);
  }
  return planned;
}

/** Most items stay at their first version; about one in five was revised once or twice. */
function weightedVersion(random: Random): number {
  const roll = random.next();
  return roll < 0.8 ? 1 : roll < 0.95 ? 2 : 3;
}

function versionsOf<F>(fields: F, version: number, createdAt: Date, older: (fields: F, version: number) => F) {
  return Array.from({ length: version }, (_, i) => ({
    fields: i + 1 === version ? fields : older(fields, i + 1),
    changedAt: new Date(createdAt.getTime() + i * 86_400_000),
  }));
}

export function planSpecifications(random: Random, shape: LargeProjectShape): PlannedSpecification[] {
  return Array.from({ length: shape.specifications }, (_, index) => {
    // Every category × status pair appears, in a shuffled-looking but fixed order.
    const category = SPECIFICATION_CATEGORIES[index % SPECIFICATION_CATEGORIES.length]!;
    const status = SPECIFICATION_STATUSES[Math.floor(index / SPECIFICATION_CATEGORIES.length) % SPECIFICATION_STATUSES.length]!;
    const fields: SpecificationFields = {
      title: `${requirementTitle(random)} (${category})`,
      body: specificationBody(random, category === 'architecture' && index % 20 === 0),
      category,
      status,
    };
    const version = weightedVersion(random);
    const createdAt = minutes(index * 5 + 3);
    return {
      id: random.uuid(),
      number: index + 1,
      version,
      fields,
      history: versionsOf(fields, version, createdAt, (f, v) => ({ ...f, body: `${f.body}\n\n_Version ${v}._` })),
      createdAt,
    };
  });
}

/**
 * Links go to levels 3 and 4 (what a specification answers), each pair once; some specifications answer nothing
 * (orphans) and some requirements stay uncovered, as in a real project. Exactly `suspectRatio` of the links were
 * reviewed against an older version of a requirement that has one; every other link was reviewed at the current one.
 */
export function planLinks(
  random: Random,
  requirements: PlannedRequirement[],
  specifications: PlannedSpecification[],
  shape: LargeProjectShape,
): PlannedLink[] {
  const targets = requirements.filter((r) => r.level >= 3);
  const linkable = specifications.slice(0, Math.ceil(specifications.length * 0.93));
  const seen = new Set<string>();
  const pairs: { requirement: PlannedRequirement; specification: PlannedSpecification }[] = [];
  for (let i = 0; pairs.length < shape.links; i += 1) {
    if (i > shape.links * 20) throw new Error('Not enough distinct requirement/specification pairs for the links asked for');
    const specification = linkable[i % linkable.length]!;
    const requirement = random.pick(targets);
    const key = `${requirement.id}:${specification.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    pairs.push({ requirement, specification });
  }
  const suspectCount = Math.round(shape.links * shape.suspectRatio);
  const revisable = pairs.flatMap((pair, index) => (pair.requirement.version > 1 ? [index] : []));
  if (revisable.length < suspectCount) throw new Error('Not enough revised requirements for the suspect links asked for');
  const suspect = new Set<number>();
  while (suspect.size < suspectCount) suspect.add(random.pick(revisable));
  return pairs.map(({ requirement, specification }, index) => {
    const isSuspect = suspect.has(index);
    const reviewedVersion = isSuspect ? random.int(1, requirement.version - 1) : requirement.version;
    return {
      id: random.uuid(),
      requirementId: requirement.id,
      specificationId: specification.id,
      reviewedVersion,
      suspect: isSuspect,
      reviewedAt: requirement.history[reviewedVersion - 1]!.changedAt,
    };
  });
}

export function planLargeProject(random: Random, shape: LargeProjectShape, domain: string): LargeProjectPlan {
  const people = planPeople(random, shape.members, domain);
  const requirements = planRequirements(random, shape);
  const specifications = planSpecifications(random, shape);
  const links = planLinks(random, requirements, specifications, shape);
  // Drawn after the traceability, so adding them left the requirements, specifications and links as they were.
  const { testCases, testLinks } = planTestCases(random, shape.testCases, requirements, specifications, shape.suspectRatio);
  const recette = planRecette(random, shape, testCases, testLinks, specifications, people);
  // Drawn after the recette, so it leaves everything above as it was.
  const release = planRelease(random, recette.campaigns, people);
  // Drawn after the release, so adding it left everything above as it was.
  const signoff = planSignoff(random, shape, specifications, recette.anomalies, people);
  return { people, requirements, specifications, links, testCases, testLinks, recette, release, signoff };
}
