import type { AnomalyPriority, AnomalySeverity, AnomalyStatus } from '@/lib/recette/anomaly-model';
import type { CampaignStatus, CampaignType, StepStatus } from '@/lib/recette/campaign-model';

/**
 * The demo's recette in progress, after the two planned campaigns of demo-runner.ts: a VABF of lot 0 closed a month
 * ago and a non-regression campaign of version 1.5 under way, with the anomalies their failed steps raised.
 * Times are days (and hours) before the seed runs, so the demo always looks recent.
 */

export type DemoTester = 'amoe' | 'moa';

/** One answered step: its status and what the tester saw (null status: not answered yet). */
export type DemoStep = [StepStatus | null, string];

export interface DemoRun {
  /** Steps in the test case's order; their count must match the test case's steps. */
  steps: DemoStep[];
  /** Performance runs: measured value per criterion metric. */
  measurements?: Record<string, number>;
  comment?: string;
  /** Started this many days before the seed, at this hour (Europe/Paris working hours, roughly). */
  day: number;
  hour: number;
  /** How long the run took; absent: still running. */
  minutes?: number;
}

export interface DemoItem {
  /** Test case number (CT-n). */
  testCase: number;
  tester: DemoTester;
  runs: DemoRun[];
  notRunReason?: string;
}

export interface DemoCampaign {
  key: string;
  name: string;
  type: CampaignType;
  status: CampaignStatus;
  environment: string;
  build: string;
  description: string;
  startedDay: number;
  closedDay?: number;
  items: DemoItem[];
}

const ok = (actual = 'Conforme'): DemoStep => ['passed', actual];

/** A run started `day` days before the seed at `hour`, lasting `minutes` (undefined: still running). */
function run(day: number, hour: number, minutes: number | undefined, steps: DemoStep[], more: Pick<DemoRun, 'comment' | 'measurements'> = {}): DemoRun {
  return { day, hour, ...(minutes === undefined ? {} : { minutes }), steps, ...more };
}

export const DEMO_RECETTE_CAMPAIGNS: DemoCampaign[] = [
  {
    key: 'vabf0',
    name: 'VABF lot 0 — socle',
    type: 'vabf',
    status: 'closed',
    environment: 'Recette',
    build: '1.4.0',
    description: 'Vérification d’aptitude du socle livré au lot 0 : moteur de calcul, interfaces SIRH et comptable, habilitations.',
    startedDay: 40,
    closedDay: 27,
    items: [
      { testCase: 3, tester: 'amoe', runs: [run(40, 9, 18, [ok('Fiche du matricule 1187 créée'), ok('Base proratisée : 1 236,36 € pour 12 jours sur 21')])] },
      {
        testCase: 4,
        tester: 'moa',
        runs: [
          run(
            40,
            14,
            35,
            [ok('Sortie au 20 enregistrée'), ['failed', 'Aucune ligne « Indemnité compensatrice de congés payés » sur le bulletin : les 8 jours restants sont ignorés'], ['passed', 'Le solde reprend le net du bulletin (faux, puisque l’indemnité manque)']],
            { comment: 'Capture du bulletin jointe.' },
          ),
          run(33, 10, 22, [ok(), ok('Indemnité de 8 jours : 812,40 €'), ok('Net du solde identique au bulletin')], { comment: 'Retest sur la 1.4.1 : corrigé.' }),
        ],
      },
      { testCase: 5, tester: 'amoe', runs: [run(39, 9, 95, [ok('Lot de 500 bulletins calculé en 6 minutes'), ok('Écart maximal : 0,00 €')])] },
      { testCase: 6, tester: 'moa', runs: [run(39, 11, 27, [ok(), ok('Retenue de 1 040,00 € compensée par le maintien'), ok('IJSS de 412,30 € déduites')])] },
      {
        testCase: 12,
        tester: 'amoe',
        runs: [
          run(38, 20, 25, [ok('50 utilisateurs virtuels injectés pendant 15 minutes'), ok('p50 0,7 s, p95 1,6 s, p99 2,4 s')], {
            measurements: { 'Temps de réponse p95': 1.6 },
            comment: 'Tir réalisé avec Gatling sur l’environnement de recette dimensionné comme la production.',
          }),
        ],
      },
      { testCase: 14, tester: 'amoe', runs: [run(38, 9, 20, [ok('Fichier du jour pris en charge à 06:02'), ok('0 rejet, 3 entrées, 1 sortie'), ok('Contrôle croisé sur les 4 dossiers : identiques')])] },
      {
        testCase: 16,
        tester: 'amoe',
        runs: [run(37, 15, 14, [ok('Fichier d’écritures de mars produit'), ['failed', 'Débit 4 812 340,12 € / crédit 4 812 339,87 € : écart de 0,25 €']], { comment: 'L’écart porte sur trois salariés du jeu de données repris.' })],
      },
      {
        testCase: 18,
        tester: 'moa',
        runs: [
          run(37, 10, 12, [ok('Fichier pain.001 produit'), ['failed', 'Rejet du validateur de la banque : balise <CtrlSum> absente du groupe'], ['blocked', 'Total non vérifiable tant que le fichier est rejeté']]),
          run(31, 10, 9, [ok(), ok('Validateur de la banque : fichier accepté'), ok('Total 3 912 004,56 € = somme des nets')], { comment: 'Retest sur la 1.4.1.' }),
        ],
      },
      { testCase: 25, tester: 'amoe', runs: [run(36, 9, 140, [ok('Reprise des cumuls terminée en 1 h 52'), ok('100 dossiers comparés : aucun écart')])] },
      { testCase: 26, tester: 'amoe', runs: [run(36, 11, 35, [ok('Reprise de 5 ans de bulletins terminée'), ok('Bulletin de mars 2022 identique à l’original')])] },
      { testCase: 27, tester: 'moa', runs: [run(36, 14, 6, [ok('Saisie refusée : « La date de sortie précède la date d’entrée »')])] },
      {
        testCase: 28,
        tester: 'moa',
        runs: [run(35, 11, 16, [ok('Accueil de l’établissement Nord'), ['failed', 'La recherche « Moreau » renvoie 2 salariés de l’établissement Sud'], ['passed', 'Accès direct refusé (erreur 403)']])],
      },
      {
        testCase: 33,
        tester: 'amoe',
        runs: [run(34, 16, 40, [['blocked', 'Serveur de sauvegarde de recette indisponible (ticket d’exploitation INC-2231)'], ['not_applicable', 'Non vérifiable sans restauration']], { comment: 'Bloqué par l’exploitation ; à rejouer en VABF lot 1.' })],
      },
      { testCase: 35, tester: 'amoe', runs: [], notRunReason: 'L’ordonnanceur n’est pas livré au lot 0 : reporté à la VABF du lot 1.' },
    ],
  },
  {
    key: 'nr15',
    name: 'Non-régression 1.5',
    type: 'non_regression',
    status: 'in_progress',
    environment: 'Pré-production',
    build: '1.5.0',
    description: 'Non-régression de la version 1.5 (montée de version du progiciel et correctifs du lot 0) avant la VABF du lot 1.',
    startedDay: 6,
    items: [
      { testCase: 3, tester: 'amoe', runs: [run(6, 9, 15, [ok(), ok('Base proratisée : 1 236,36 €')])] },
      { testCase: 4, tester: 'moa', runs: [run(6, 10, 20, [ok(), ok('Indemnité de 8 jours : 812,40 €'), ok()])] },
      { testCase: 5, tester: 'amoe', runs: [run(6, 14, 88, [ok('Lot de 500 bulletins calculé'), ok('Écart maximal : 0,00 €')])] },
      { testCase: 6, tester: 'moa', runs: [run(5, 9, 24, [ok(), ok(), ok('IJSS déduites du maintien')])] },
      { testCase: 7, tester: 'moa', runs: [run(5, 11, 19, [ok('5 jours de congés enregistrés'), ok('Maintien de salaire retenu (plus favorable que le dixième)')])] },
      {
        testCase: 13,
        tester: 'amoe',
        runs: [
          run(4, 21, 80, [ok('12 000 PDF produits'), ok('Durée consignée : 74 minutes')], {
            measurements: { 'Durée de l’édition': 74 },
            comment: 'Le seuil de 60 minutes est dépassé depuis la montée de version (52 minutes en 1.4).',
          }),
        ],
      },
      {
        testCase: 19,
        tester: 'amoe',
        runs: [run(4, 10, 17, [ok('DSN de novembre produite'), ['failed', 'DSN-val : 2 anomalies bloquantes (NIR invalide sur les matricules 2045 et 3310)']])],
      },
      {
        testCase: 22,
        tester: 'moa',
        runs: [run(3, 15, 8, [['blocked', 'Aucun compte rendu métier disponible en pré-production : le flux retour n’est pas branché'], ['not_applicable', 'Non vérifiable sans compte rendu']], { comment: 'Demande d’ouverture du flux faite à l’exploitation.' })],
      },
      {
        testCase: 23,
        tester: 'moa',
        runs: [
          run(5, 14, 12, [ok('Fichier des taux de novembre chargé'), ['failed', 'Prélèvement au taux neutre (7,5 %) au lieu du taux transmis de 4,2 %']]),
          run(2, 10, 10, [ok(), ['failed', 'Toujours 7,5 % pour les salariés entrés en cours de mois']], { comment: 'Corrigé pour les salariés présents tout le mois seulement.' }),
        ],
      },
      { testCase: 24, tester: 'moa', runs: [run(0, 9, undefined, [ok('Salarié 4410 créé sans taux'), [null, '']])] },
      {
        testCase: 30,
        tester: 'amoe',
        runs: [run(2, 16, 7, [ok('Second facteur demandé'), ['failed', 'Code erroné accepté s’il est saisi dans les 30 secondes suivant le bon code précédent'], ok('Accueil affiché')])],
      },
      { testCase: 36, tester: 'moa', runs: [] },
      { testCase: 38, tester: 'moa', runs: [] },
    ],
  },
];

export type DemoActor = 'amoe' | 'moa' | 'amoa';

/** A status move of an anomaly; `retest` names the run (of its origin item) that decided it, linked to it. */
export interface DemoMove {
  to: AnomalyStatus;
  by: DemoActor;
  day: number;
  hour: number;
  reason?: string;
  retest?: number;
}

export interface DemoAnomaly {
  title: string;
  severity: AnomalySeverity;
  priority: AnomalyPriority;
  /** Raised from a failed step: campaign key, test case number, run index within the item, step index. */
  from?: { campaign: string; testCase: number; run: number; step: number };
  /** Raised by hand: where it was seen. */
  byHand?: { testCase?: number; environment: string; build: string };
  stepsToReproduce: string;
  expectedResult: string;
  actualResult: string;
  raisedBy: DemoActor;
  assignee?: DemoActor;
  fixVersion?: string;
  day: number;
  hour: number;
  moves: DemoMove[];
  comments?: { by: DemoActor; day: number; hour: number; body: string }[];
}

export const DEMO_ANOMALIES: DemoAnomaly[] = [
  {
    title: 'Indemnité compensatrice de congés absente du bulletin de sortie',
    severity: 'major',
    priority: 'high',
    from: { campaign: 'vabf0', testCase: 4, run: 0, step: 1 },
    stepsToReproduce: '1. Saisir une sortie au 20 du mois avec 8 jours de congés restants\n2. Calculer le bulletin de sortie',
    expectedResult: 'Une ligne « Indemnité compensatrice de congés payés » de 8 jours',
    actualResult: 'Aucune ligne d’indemnité ; le solde de tout compte est minoré d’autant',
    raisedBy: 'moa',
    assignee: 'amoe',
    fixVersion: '1.4.1',
    day: 40,
    hour: 15,
    moves: [
      { to: 'analysis', by: 'amoe', day: 39, hour: 9 },
      { to: 'fixing', by: 'amoe', day: 38, hour: 11 },
      { to: 'to_retest', by: 'amoe', day: 34, hour: 17 },
      { to: 'closed', by: 'moa', day: 33, hour: 11, retest: 1 },
    ],
    comments: [
      { by: 'amoe', day: 38, hour: 10, body: 'Cause : le paramètre **« solde des congés à la sortie »** n’était pas repris du SIRH.\n\n- correctif du mapping\n- ajout d’un test de non-régression' },
    ],
  },
  {
    title: 'Fichier SEPA rejeté par la banque : CtrlSum absent',
    severity: 'blocking',
    priority: 'high',
    from: { campaign: 'vabf0', testCase: 18, run: 0, step: 1 },
    stepsToReproduce: '1. Produire le virement des salaires de mars\n2. Passer le fichier au validateur de la banque',
    expectedResult: 'Fichier pain.001 accepté',
    actualResult: 'Rejet : balise <CtrlSum> absente du groupe de paiement',
    raisedBy: 'moa',
    assignee: 'amoe',
    fixVersion: '1.4.1',
    day: 37,
    hour: 10,
    moves: [
      { to: 'fixing', by: 'amoe', day: 37, hour: 14 },
      { to: 'to_retest', by: 'amoe', day: 32, hour: 18 },
      { to: 'closed', by: 'moa', day: 31, hour: 10, retest: 1 },
    ],
  },
  {
    title: 'Écart de 0,25 € entre débit et crédit des écritures de paie',
    severity: 'minor',
    priority: 'low',
    from: { campaign: 'vabf0', testCase: 16, run: 0, step: 1 },
    stepsToReproduce: '1. Produire le fichier d’écritures de mars\n2. Comparer les totaux débit et crédit',
    expectedResult: 'Totaux égaux',
    actualResult: 'Écart de 0,25 € sur trois salariés',
    raisedBy: 'amoe',
    day: 37,
    hour: 16,
    moves: [
      { to: 'analysis', by: 'amoe', day: 36, hour: 9 },
      {
        to: 'rejected',
        by: 'amoe',
        day: 35,
        hour: 15,
        reason: 'Pas un défaut du logiciel : les trois dossiers repris portent des arrondis de l’ancien système. Le jeu de données de recette sera corrigé.',
      },
    ],
  },
  {
    title: 'Un gestionnaire trouve des salariés hors de son établissement par la recherche',
    severity: 'blocking',
    priority: 'high',
    from: { campaign: 'vabf0', testCase: 28, run: 0, step: 1 },
    stepsToReproduce: '1. Se connecter en gestionnaire de l’établissement Nord\n2. Rechercher « Moreau »',
    expectedResult: 'Aucun salarié de l’établissement Sud',
    actualResult: 'Deux salariés de l’établissement Sud apparaissent (l’ouverture du dossier est bien refusée)',
    raisedBy: 'moa',
    assignee: 'amoe',
    fixVersion: '1.5.1',
    day: 35,
    hour: 11,
    moves: [
      { to: 'analysis', by: 'amoe', day: 35, hour: 14 },
      { to: 'fixing', by: 'amoe', day: 30, hour: 10 },
    ],
    comments: [{ by: 'moa', day: 34, hour: 9, body: 'Bloquant pour la CNIL : **aucune** mise en production sans ce correctif.' }],
  },
  {
    title: 'Édition des bulletins PDF en 74 minutes depuis la 1.5',
    severity: 'major',
    priority: 'medium',
    from: { campaign: 'nr15', testCase: 13, run: 0, step: 1 },
    stepsToReproduce: '1. Lancer l’édition des 12 000 bulletins de novembre\n2. Relever la durée',
    expectedResult: 'Au plus 60 minutes',
    actualResult: '74 minutes (52 minutes en 1.4)',
    raisedBy: 'amoe',
    assignee: 'amoe',
    day: 3,
    hour: 9,
    moves: [{ to: 'analysis', by: 'amoe', day: 3, hour: 11 }],
  },
  {
    title: 'DSN de novembre : NIR invalides pour deux salariés',
    severity: 'blocking',
    priority: 'high',
    from: { campaign: 'nr15', testCase: 19, run: 0, step: 1 },
    stepsToReproduce: '1. Produire la DSN mensuelle de novembre\n2. La contrôler avec DSN-val',
    expectedResult: 'Aucune anomalie bloquante',
    actualResult: 'NIR invalide sur les matricules 2045 et 3310',
    raisedBy: 'amoe',
    assignee: 'amoe',
    fixVersion: '1.5.1',
    day: 4,
    hour: 11,
    moves: [
      { to: 'fixing', by: 'amoe', day: 4, hour: 14 },
      { to: 'to_retest', by: 'amoe', day: 1, hour: 17 },
    ],
    comments: [{ by: 'amoe', day: 1, hour: 17, body: 'Livré en **1.5.1** sur la pré-production : la clé du NIR était recalculée à tort.' }],
  },
  {
    title: 'Taux personnalisé du PAS ignoré',
    severity: 'major',
    priority: 'high',
    from: { campaign: 'nr15', testCase: 23, run: 0, step: 1 },
    stepsToReproduce: '1. Intégrer le fichier des taux de novembre\n2. Calculer le bulletin d’un salarié ayant un taux transmis',
    expectedResult: 'Prélèvement au taux transmis (4,2 %)',
    actualResult: 'Prélèvement au taux neutre (7,5 %)',
    raisedBy: 'moa',
    assignee: 'amoe',
    fixVersion: '1.5.1',
    day: 5,
    hour: 15,
    moves: [
      { to: 'fixing', by: 'amoe', day: 5, hour: 16 },
      { to: 'to_retest', by: 'amoe', day: 3, hour: 18 },
      { to: 'reopened', by: 'moa', day: 2, hour: 10, retest: 1, reason: 'Toujours faux pour les salariés entrés en cours de mois (matricule 4398) : le taux neutre reste appliqué.' },
    ],
  },
  {
    title: 'Code de second facteur erroné accepté juste après un code valide',
    severity: 'minor',
    priority: 'medium',
    from: { campaign: 'nr15', testCase: 30, run: 0, step: 1 },
    stepsToReproduce: '1. Se connecter avec le bon code\n2. Se déconnecter puis saisir un code erroné dans les 30 secondes',
    expectedResult: 'Accès refusé',
    actualResult: 'Accès accordé',
    raisedBy: 'amoe',
    day: 2,
    hour: 16,
    moves: [],
  },
  {
    title: 'Libellé « Net imposable » tronqué sur le bulletin PDF',
    severity: 'minor',
    priority: 'low',
    byHand: { testCase: 37, environment: 'Recette', build: '1.4.1' },
    stepsToReproduce: '1. Ouvrir l’espace salarié\n2. Télécharger le bulletin d’octobre',
    expectedResult: 'Libellé complet « Net imposable »',
    actualResult: 'Le libellé s’affiche « Net imposa »',
    raisedBy: 'amoa',
    assignee: 'amoe',
    fixVersion: '1.5.0',
    day: 20,
    hour: 10,
    moves: [
      { to: 'fixing', by: 'amoe', day: 18, hour: 9 },
      { to: 'to_retest', by: 'amoe', day: 6, hour: 8 },
    ],
  },
  {
    title: 'Connexion à l’espace salarié lente le lundi matin',
    severity: 'major',
    priority: 'medium',
    byHand: { environment: 'Pré-production', build: '1.5.0' },
    stepsToReproduce: '1. Se connecter à l’espace salarié un lundi entre 8 h et 9 h',
    expectedResult: 'Accueil affiché en moins de 3 secondes',
    actualResult: 'Jusqu’à 12 secondes d’attente',
    raisedBy: 'amoa',
    day: 1,
    hour: 9,
    moves: [{ to: 'analysis', by: 'amoe', day: 0, hour: 8 }],
    comments: [{ by: 'amoa', day: 0, hour: 8, body: 'Constaté par trois gestionnaires pilotes ; voir aussi le tir de charge *Temps de réponse de la simulation*.' }],
  },
];

/**
 * The specification whose second version was written after its test case's link was reviewed: that test case is
 * suspect through a changed specification (the demo's other suspects come from revised requirements).
 */
export const DEMO_REVISED_SPECIFICATION = {
  key: 'journaux',
  body: 'Traces envoyées au SIEM du groupe, conservées 1 an en stockage immuable ; chaque consultation d’un dossier salarié y porte son auteur, son heure et son motif.',
};
