/**
 * The fields an import fills, per kind of item, and the column headers that name each of them in French and in
 * English (what our own exports write, and what people commonly type). The mapping step starts from the guess and
 * the person can change every column.
 */
export const IMPORT_KINDS = ['requirement', 'testCase'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const REQUIREMENT_IMPORT_FIELDS = [
  'ref',
  'title',
  'statement',
  'rationale',
  'acceptanceCriteria',
  'priority',
  'status',
  'source',
  'tags',
  'parentRef',
] as const;

export const TEST_CASE_IMPORT_FIELDS = [
  'ref',
  'title',
  'objective',
  'preconditions',
  'testData',
  'type',
  'priority',
  'folder',
  'tags',
  'automated',
  'automationKey',
  'stepNumber',
  'stepAction',
  'stepExpected',
] as const;

export type RequirementImportField = (typeof REQUIREMENT_IMPORT_FIELDS)[number];
export type TestCaseImportField = (typeof TEST_CASE_IMPORT_FIELDS)[number];
export type ImportField = RequirementImportField | TestCaseImportField;

export function importFields(kind: ImportKind): readonly ImportField[] {
  return kind === 'requirement' ? REQUIREMENT_IMPORT_FIELDS : TEST_CASE_IMPORT_FIELDS;
}

/** Column index (0-based) per field; a field left out is not imported. */
export type ColumnMapping = Partial<Record<ImportField, number>>;

/** Headers as compared: lower case, no accents, no punctuation, single spaces. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Synonyms, already normalized. Shared fields are listed once and serve both kinds. */
const SYNONYMS: Record<ImportField, readonly string[]> = {
  ref: ['ref', 'reference', 'id', 'identifiant', 'identifier', 'ref exigence', 'ref cas de test', 'requirement id', 'test case id', 'key', 'cle'],
  title: ['titre', 'title', 'intitule', 'libelle', 'nom', 'name', 'summary', 'resume', 'exigence', 'requirement', 'cas de test', 'test case'],
  statement: ['enonce', 'statement', 'description', 'texte', 'text', 'contenu', 'content', 'detail'],
  rationale: ['justification', 'rationale', 'raison', 'motif'],
  acceptanceCriteria: ['criteres d acceptation', 'critere d acceptation', 'acceptance criteria', 'criteres', 'criteria'],
  priority: ['priorite', 'priority', 'moscow', 'importance'],
  status: ['statut', 'status', 'etat', 'state'],
  source: ['source', 'origine', 'origin'],
  tags: ['etiquettes', 'etiquette', 'tags', 'tag', 'labels', 'label', 'mots cles'],
  parentRef: ['parent', 'ref parent', 'parent ref', 'chapitre', 'chapter', 'exigence parente', 'parent requirement'],
  objective: ['objectif', 'objective', 'but', 'goal', 'description'],
  preconditions: ['preconditions', 'precondition', 'prerequis', 'prerequisites'],
  testData: ['donnees de test', 'jeu de donnees', 'donnees', 'test data', 'data'],
  type: ['type', 'type de test', 'test type', 'nature'],
  folder: ['dossier', 'folder', 'repertoire', 'chemin', 'path'],
  automated: ['automatise', 'automated', 'automatisation', 'automation'],
  automationKey: ['cle d automatisation', 'cle automatisation', 'automation key', 'cle ci', 'ci key'],
  stepNumber: ['n etape', 'no etape', 'numero d etape', 'numero etape', 'etape n', 'step', 'step number', 'step no', 'step n', 'etape'],
  stepAction: ['action', 'actions', 'action de l etape', 'step action', 'etape action'],
  stepExpected: ['resultat attendu', 'resultats attendus', 'attendu', 'expected result', 'expected', 'expected results'],
};

/**
 * One field per column at most and one column per field: each field takes the column whose header is its most
 * preferred synonym, exact matches first, then a header that starts with a synonym ("Titre de l'exigence").
 */
export function guessMapping(kind: ImportKind, headers: readonly string[]): ColumnMapping {
  const fields = importFields(kind);
  const normalized = headers.map(normalizeHeader);
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  // Synonyms in order of preference: "Titre" wins over "Cas de test" for the title, wherever the columns stand.
  const pass = (matches: (header: string, synonym: string) => boolean) => {
    for (const field of fields) {
      if (mapping[field] !== undefined) continue;
      for (const synonym of SYNONYMS[field]) {
        const column = normalized.findIndex((header, index) => !taken.has(index) && header !== '' && matches(header, synonym));
        if (column >= 0) {
          mapping[field] = column;
          taken.add(column);
          break;
        }
      }
    }
  };
  pass((header, synonym) => header === synonym);
  pass((header, synonym) => header.startsWith(`${synonym} `));
  return mapping;
}
