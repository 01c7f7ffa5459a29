/** What pages are given of signatures and reservations (the queries build them; components show them). Pure types. */
import type { SignatureMeaning } from './model';
import type { AnomalyClosure, AnomalyRetest } from './lifting';
import type { ReservationStatus } from './reservations';

export interface ShownSignature {
  id: string;
  subjectId: string;
  /** Null for a signature imported from another instance whose signer has no account here. */
  signerId: string | null;
  signerName: string;
  signerRole: string;
  signedAt: Date;
  meaning: SignatureMeaning;
  reason: string;
  subjectVersion: number;
  contentHash: string;
  /** Recomputed from the stored content: false when the stored content no longer matches its hash. */
  intact: boolean;
  revokedAt: Date | null;
  revocationReason: string | null;
  /** Brought in by a whole-project import: a historical record of the source instance, not a signature made here. */
  imported: boolean;
}

export interface ReservationView {
  id: string;
  number: number;
  requestId: string;
  requestNumber: number;
  requestDeliverable: string;
  baselineNumber: number | null;
  baselineName: string | null;
  projectKey: string;
  projectName: string;
  projectClient: string;
  text: string;
  ownerId: string | null;
  ownerName: string | null;
  dueDate: string;
  status: ReservationStatus;
  liftedAt: Date | null;
  revision: number;
  anomalies: {
    reservationId: string;
    id: string;
    number: number;
    status: string;
    title: string;
    severity: string;
    closed: AnomalyClosure | null;
    retest: AnomalyRetest | null;
  }[];
}
