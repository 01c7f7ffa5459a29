import type { Random } from './random';

/**
 * French vocabulary for generated items: enough variety that search, sorting and the tree look like a real
 * programme (a public-sector information system overhaul), and words a search test can find ("paie", "DSN").
 */
export const MODULES = [
  'Paie et rémunération',
  'Déclarations sociales (DSN)',
  'Comptabilité générale',
  'Achats et marchés',
  'Ressources humaines',
  'Portail des agents',
  'Interfaces et échanges',
  'Sécurité et habilitations',
  'Exploitation et supervision',
  'Reprise des données',
] as const;

const ASPECTS = ['Règles de gestion', 'Saisie et contrôles', 'Restitutions', 'Traitements de masse', 'Paramétrage', 'Historisation'];
const VERBS = ['calcule', 'contrôle', 'historise', 'exporte', 'importe', 'archive', 'notifie', 'valide', 'recalcule', 'affiche'];
const OBJECTS = [
  'le bulletin mensuel',
  'les éléments variables de paie',
  'les écritures comptables',
  'le taux de prélèvement à la source',
  'les absences et congés',
  'les signalements d’événements',
  'les bons de commande',
  'le dossier de l’agent',
  'les habilitations par profil',
  'les fichiers de virement SEPA',
  'les journaux d’audit',
  'les indicateurs de supervision',
];
const QUALIFIERS = [
  'avant la clôture mensuelle',
  'pour chaque établissement',
  'sans ressaisie',
  'dans un délai de 24 heures',
  'avec une piste d’audit complète',
  'selon le calendrier de paie',
  'pour 12 000 agents',
  'en cas de rappel rétroactif',
];
export const SOURCES = ['CCTP §2', 'CCTP §3', 'CCTP §4', 'CCTP §5', 'Atelier MOA', 'Note de cadrage', 'Réglementation URSSAF'];
export const TAGS = ['lot1', 'lot2', 'lot3', 'reglementaire', 'performance', 'ergonomie', 'reprise', 'interface'];

export const FIRST_NAMES = ['Camille', 'Louis', 'Emma', 'Hugo', 'Léa', 'Jules', 'Chloé', 'Lucas', 'Manon', 'Arthur', 'Inès', 'Théo', 'Zoé'];
export const LAST_NAMES = ['Moreau', 'Girard', 'Lambert', 'Fontaine', 'Rousseau', 'Vincent', 'Muller', 'Lefèvre', 'Faure', 'André'];

export function sentence(random: Random): string {
  return `Le système ${random.pick(VERBS)} ${random.pick(OBJECTS)} ${random.pick(QUALIFIERS)}.`;
}

export function requirementTitle(random: Random): string {
  const verb = random.pick(VERBS);
  return `${verb[0]!.toUpperCase()}${verb.slice(1)} ${random.pick(OBJECTS)}`;
}

export function sectionTitle(module: string, index: number): string {
  return `${module} — ${ASPECTS[index % ASPECTS.length]}`;
}

export function specificationBody(random: Random, withDiagram: boolean): string {
  const steps = Array.from({ length: random.int(3, 6) }, () => `- ${sentence(random)}`).join('\n');
  const diagram = withDiagram ? '\n\n```mermaid\nflowchart LR\n  SIRH --> Paie --> Comptabilite\n  Paie --> DSN\n```' : '';
  return [
    '## Contexte',
    sentence(random) + ' ' + sentence(random),
    '## Conception',
    steps,
    '| Donnée | Format | Contrôle |\n|---|---|---|\n| Matricule | 8 chiffres | obligatoire |\n| Montant | décimal (2) | positif |',
  ].join('\n\n') + diagram;
}
