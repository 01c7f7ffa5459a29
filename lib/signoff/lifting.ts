/**
 * The content a reservation's lifting signs (DESIGN.md §3, PV de levée): everything its PV prints, frozen in the
 * signature so the document regenerated later is the same. Pure: no database, no React.
 */
import { z } from 'zod';

/** How an anomaly behind a reservation was closed: the last move to "fermée", by whom, with what reason. */
export interface AnomalyClosure {
  at: string;
  by: string | null;
  reason: string;
}

/** The last retest of an anomaly: the last run linked to it after the one it was raised from. */
export interface AnomalyRetest {
  status: string;
  at: string;
  campaign: string;
  build: string;
  by: string | null;
}

export interface LiftingContent {
  project: { key: string; name: string; client: string };
  approval: { number: number; deliverable: string; baseline: { number: number; name: string } | null };
  reservation: { number: number; request: number; text: string; owner: string | null; dueDate: string };
  anomalies: {
    number: number;
    title: string;
    status: string;
    severity: string;
    closed: AnomalyClosure | null;
    retest: AnomalyRetest | null;
  }[];
}

const nullable = <T extends z.ZodType>(schema: T) => schema.nullable().optional().transform((v) => v ?? null);

/**
 * Reads a lifting's stored content. Liftings signed before the PV existed froze only the reservation and its
 * anomalies' states: their missing parts come back null (the route fills the project from the project itself).
 */
const storedContent = z.object({
  project: nullable(z.object({ key: z.string(), name: z.string(), client: z.string() })),
  approval: nullable(
    z.object({ number: z.number(), deliverable: z.string(), baseline: nullable(z.object({ number: z.number(), name: z.string() })) }),
  ),
  reservation: z.object({
    number: z.number(),
    request: z.number(),
    text: z.string(),
    owner: nullable(z.string()),
    dueDate: z.string(),
  }),
  anomalies: z.array(
    z.object({
      number: z.number(),
      title: z.string(),
      status: z.string(),
      severity: nullable(z.string()),
      closed: nullable(z.object({ at: z.string(), by: z.string().nullable(), reason: z.string() })),
      retest: nullable(z.object({ status: z.string(), at: z.string(), campaign: z.string(), build: z.string(), by: z.string().nullable() })),
    }),
  ),
});

export type StoredLifting = z.output<typeof storedContent>;

/** The stored content of a lifting signature, or null when it is not one (a revocation's, a foreign shape). */
export function readLifting(content: unknown): StoredLifting | null {
  const parsed = storedContent.safeParse(content);
  return parsed.success ? parsed.data : null;
}
