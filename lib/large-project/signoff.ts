import { OPEN_ANOMALY_STATUSES } from '@/lib/recette/anomaly-model';
import type { ApprovalStatus, DeliverableKind, RaciRole } from '@/lib/signoff/model';
import type { PlannedPerson, PlannedSpecification } from './planned-items';
import type { Random } from './random';
import type { PlannedAnomaly } from './recette';

/**
 * The large project's sign-off: a RACI per deliverable, two baselines of the first lot's specifications (the first
 * at their first versions, so the second's review shows a redline), and three requests: the first approved with
 * reservations (signed), one rejected (signed) and its renewal pending in the approvers' inbox.
 */
export interface SignoffShape {
  /** Specifications of the lot each baseline freezes (the first ones of the project, superseded ones left out). */
  baselineSpecifications: number;
  /** Reservations of the first, approved request, each on one or two open anomalies. */
  reservations: number;
  /** Comments on each request, one in three on an item. */
  commentsPerRequest: number;
}

export interface PlannedBaseline {
  id: string;
  number: number;
  name: string;
  createdBy: string;
  createdAt: Date;
  specificationIds: string[];
  /** Frozen at each specification's first version (from its history) rather than its current one. */
  firstVersions: boolean;
}

export interface PlannedApproval {
  id: string;
  number: number;
  baselineId: string;
  message: string;
  status: ApprovalStatus;
  requestedBy: string;
  requestedAt: Date;
  decidedAt: Date | null;
  /** The approver's signature of a decided request: its meaning is the decision. */
  decision: { signerId: string; reason: string } | null;
}

export interface PlannedSignoff {
  raci: { deliverable: DeliverableKind; userId: string; raciRole: RaciRole }[];
  baselines: PlannedBaseline[];
  requests: PlannedApproval[];
  comments: { id: string; requestId: string; itemKey: string | null; body: string; authorId: string; createdAt: Date }[];
  reservations: { id: string; number: number; requestId: string; text: string; ownerId: string; dueDate: string; anomalyIds: string[]; createdAt: Date }[];
}

const EPOCH = Date.UTC(2026, 5, 1, 8, 0, 0);
const DAY = 86_400_000;
const at = (days: number) => new Date(EPOCH + days * DAY);

export function planSignoff(
  random: Random,
  shape: SignoffShape,
  specifications: readonly PlannedSpecification[],
  anomalies: readonly PlannedAnomaly[],
  people: readonly PlannedPerson[],
): PlannedSignoff {
  const account = (role: PlannedPerson['role']) => people.find((p) => p.role === role)!.id;
  const [owner, amoe, amoa, moa, viewer] = (['owner', 'amoe', 'amoa', 'moa', 'viewer'] as const).map(account) as [string, string, string, string, string];
  const raciOf: Record<DeliverableKind, [string, RaciRole][]> = {
    baseline: [[amoe, 'responsible'], [moa, 'approver'], [amoa, 'consulted'], [viewer, 'informed']],
    campaign_report: [[amoe, 'responsible'], [moa, 'approver'], [amoa, 'consulted']],
    go_no_go: [[owner, 'responsible'], [moa, 'approver'], [amoe, 'consulted'], [amoa, 'consulted'], [viewer, 'informed']],
    reservation_lifting: [[amoe, 'responsible'], [moa, 'approver']],
  };
  const raci = (Object.entries(raciOf) as [DeliverableKind, [string, RaciRole][]][]).flatMap(([deliverable, rows]) =>
    rows.map(([userId, raciRole]) => ({ deliverable, userId, raciRole })),
  );

  const lot = specifications.filter((s) => s.fields.status !== 'superseded').slice(0, shape.baselineSpecifications);
  const specificationIds = lot.map((s) => s.id);
  const baselines: PlannedBaseline[] = [
    { id: random.uuid(), number: 1, name: 'Spécifications lot 1 — socle', createdBy: amoe, createdAt: at(0), specificationIds, firstVersions: true },
    { id: random.uuid(), number: 2, name: 'Spécifications lot 1 — après recette VABF', createdBy: amoe, createdAt: at(20), specificationIds, firstVersions: false },
  ];
  const requests: PlannedApproval[] = [
    {
      id: random.uuid(),
      number: 1,
      baselineId: baselines[0]!.id,
      message: 'Voici la ligne de base du socle pour validation avant la recette VABF.',
      status: 'approved_with_reservations',
      requestedBy: amoe,
      requestedAt: at(1),
      decidedAt: at(3),
      decision: { signerId: moa, reason: 'Validé, sous réserve de corriger les anomalies ouvertes avant la mise en production.' },
    },
    {
      id: random.uuid(),
      number: 2,
      baselineId: baselines[1]!.id,
      message: 'Les spécifications revues pendant la recette sont intégrées.',
      status: 'rejected',
      requestedBy: amoe,
      requestedAt: at(21),
      decidedAt: at(22),
      decision: { signerId: moa, reason: 'Les règles de calcul révisées ne sont pas encore relues par l’AMOA.' },
    },
    {
      id: random.uuid(),
      number: 3,
      baselineId: baselines[1]!.id,
      message: 'Relue par l’AMOA : merci de relire les modifications et de signer.',
      status: 'pending',
      requestedBy: amoe,
      requestedAt: at(25),
      decidedAt: null,
      decision: null,
    },
  ];

  const commenters = [amoa, moa, amoe];
  const comments = requests.flatMap((request) =>
    Array.from({ length: shape.commentsPerRequest }, (_, i) => {
      const item = i % 3 === 2 ? random.pick(lot) : null;
      return {
        id: random.uuid(),
        requestId: request.id,
        itemKey: item ? `specification:${item.id}` : null,
        body: item ? `Sur ce point, la rédaction est à préciser (remarque ${i + 1}).` : `Remarque générale ${i + 1} sur la ligne de base.`,
        authorId: commenters[i % commenters.length]!,
        createdAt: new Date(request.requestedAt.getTime() + (i + 1) * 3_600_000),
      };
    }),
  );

  const open = anomalies.filter((a) => OPEN_ANOMALY_STATUSES.includes(a.status));
  const owners = people.filter((p) => p.role === 'amoe');
  const reservations = Array.from({ length: Math.min(shape.reservations, Math.floor(open.length / 2)) }, (_, i) => ({
    id: random.uuid(),
    number: i + 1,
    requestId: requests[0]!.id,
    text: `Réserve ${i + 1} : corriger les anomalies liées et les faire retester avant la mise en production.`,
    ownerId: owners[i % owners.length]!.id,
    // Some are overdue, as the list flags them.
    dueDate: at(3 + (i % 4 === 0 ? 10 : 60 + i)).toISOString().slice(0, 10),
    anomalyIds: open.slice(2 * i, 2 * i + (i % 2 === 0 ? 1 : 2)).map((a) => a.id),
    createdAt: at(3),
  }));
  return { raci, baselines, requests, comments, reservations };
}
