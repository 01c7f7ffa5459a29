import { TEST_CASE_PRIORITIES, TEST_CASE_TYPES, type PerformanceCriterion, type TestCasePriority, type TestCaseType, type TestStep } from '@/lib/recette/model';
import type { PlannedRequirement, PlannedSpecification } from './planned-items';
import type { Random } from './random';
import { MODULES, TAGS, requirementTitle, sentence } from './text';

/**
 * The large project's test cases, planned like the rest (ids up front, pure and seeded): each verifies one or two
 * specifications, some a requirement directly, so the matrix, the coverage figures and the suspect rule meet test
 * cases at the scale of a real programme. Steps are 5 to 15 per test case.
 */
export interface TestCaseFields {
  title: string;
  objective: string;
  preconditions: string;
  testData: string;
  steps: TestStep[];
  type: TestCaseType;
  priority: TestCasePriority;
  folder: string;
  tags: string[];
  automated: boolean;
  automationKey: string;
  criteria: PerformanceCriterion[];
}

export interface PlannedTestCase {
  id: string;
  number: number;
  version: number;
  fields: TestCaseFields;
  history: { fields: TestCaseFields; changedAt: Date }[];
  createdAt: Date;
}

export interface PlannedTestLink {
  id: string;
  kind: 'specification_test_case' | 'requirement_test_case';
  upstreamId: string;
  testCaseId: string;
  reviewedVersion: number;
  /** Reviewed against an older version of its upstream item (directly suspect). */
  suspect: boolean;
  reviewedAt: Date;
}

export const MIN_STEPS = 5;
export const MAX_STEPS = 15;

const EPOCH = Date.UTC(2026, 1, 2, 8, 0, 0);
const FOLDER_LEAVES = ['Nominal', 'Contrôles', 'Cas limites', 'Reprise'];

function stepsOf(random: Random, count: number): TestStep[] {
  return Array.from({ length: count }, (_, i) => ({
    action: i === 0 ? 'Se connecter avec le profil gestionnaire et ouvrir l’écran concerné' : `Étape ${i + 1} : ${sentence(random)}`,
    expected: i === 0 ? 'L’écran s’affiche sans erreur' : `Résultat conforme : ${sentence(random)}`,
  }));
}

/**
 * `count` test cases; links go to the first 90 % of the specifications (the rest stay untested) and, for one test
 * case in ten, to a level-3 or level-4 requirement. About `suspectRatio` of the links to a revised specification
 * were reviewed against an older version.
 */
export function planTestCases(
  random: Random,
  count: number,
  requirements: readonly PlannedRequirement[],
  specifications: readonly PlannedSpecification[],
  suspectRatio: number,
): { testCases: PlannedTestCase[]; testLinks: PlannedTestLink[] } {
  const testable = specifications.slice(0, Math.ceil(specifications.length * 0.9));
  const targets = requirements.filter((r) => r.level >= 3);
  const testCases: PlannedTestCase[] = [];
  const testLinks: PlannedTestLink[] = [];
  for (let index = 0; index < count; index += 1) {
    const type: TestCaseType = index % 25 === 0 ? 'performance' : random.next() < 0.6 ? 'functional' : random.pick(TEST_CASE_TYPES);
    const automated = type === 'non_regression' && random.next() < 0.5;
    const fields: TestCaseFields = {
      title: `${requirementTitle(random)} — cas ${index + 1}`,
      objective: sentence(random),
      preconditions: random.next() < 0.5 ? sentence(random) : '',
      testData: random.next() < 0.3 ? 'Matricules 0001 à 0050 du jeu de référence' : '',
      steps: stepsOf(random, random.int(MIN_STEPS, MAX_STEPS)),
      type,
      priority: random.pick(TEST_CASE_PRIORITIES),
      folder: `${MODULES[index % MODULES.length]}/${FOLDER_LEAVES[Math.floor(index / MODULES.length) % FOLDER_LEAVES.length]}`,
      tags: random.next() < 0.4 ? [random.pick(TAGS)] : [],
      automated,
      automationKey: automated ? `charge.ct.${index + 1}` : '',
      criteria:
        type === 'performance'
          ? [{ metric: 'Temps de réponse p95', unit: 'ms', threshold: 800, direction: 'at_most' }]
          : [],
    };
    const version = random.next() < 0.9 ? 1 : 2;
    const createdAt = new Date(EPOCH + index * 3 * 60_000);
    const history = Array.from({ length: version }, (_, i) => ({
      fields: i + 1 === version ? fields : { ...fields, objective: `${fields.objective} (v${i + 1})` },
      changedAt: new Date(createdAt.getTime() + i * 86_400_000),
    }));
    const testCase = { id: random.uuid(), number: index + 1, version, fields, history, createdAt };
    testCases.push(testCase);

    const upstream: { kind: PlannedTestLink['kind']; item: PlannedRequirement | PlannedSpecification }[] = [
      { kind: 'specification_test_case', item: testable[index % testable.length]! },
    ];
    if (random.next() < 0.3) {
      const second = random.pick(testable);
      if (second !== upstream[0]!.item) upstream.push({ kind: 'specification_test_case', item: second });
    }
    if (index % 10 === 0) upstream.push({ kind: 'requirement_test_case', item: random.pick(targets) });
    for (const { kind, item } of upstream) {
      const suspect = item.version > 1 && random.next() < suspectRatio;
      const reviewedVersion = suspect ? random.int(1, item.version - 1) : item.version;
      testLinks.push({
        id: random.uuid(),
        kind,
        upstreamId: item.id,
        testCaseId: testCase.id,
        reviewedVersion,
        suspect,
        reviewedAt: new Date(Math.max(item.history[reviewedVersion - 1]!.changedAt.getTime(), createdAt.getTime())),
      });
    }
  }
  return { testCases, testLinks };
}
