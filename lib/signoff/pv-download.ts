import { z } from 'zod';
import { LOCALES } from '@/lib/i18n/locales';

/** What every PV route reads from its query: the PV's language, French unless `?lang=en`. */
export const PV_QUERY = z.object({ lang: z.enum(LOCALES).optional().catch(undefined) });

/** A stored signature as a PV prints it: who, in which role, what it means, when, the hash signed, revoked or not. */
export function pvSignature(sig: {
  signerName: string;
  signerRole: string;
  meaning: string;
  signedAt: Date;
  contentHash: string;
  revokedAt: Date | null;
}) {
  return {
    name: sig.signerName,
    role: sig.signerRole,
    meaning: sig.meaning,
    signedAt: sig.signedAt.toISOString(),
    hash: sig.contentHash,
    revoked: sig.revokedAt !== null,
  };
}

/** A PV's PDF as a download, never kept by a shared cache. */
export function pdfDownload(pdf: Uint8Array, filename: string): Response {
  return new Response(new Uint8Array(pdf), {
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${filename}"`, 'Cache-Control': 'private, no-store' },
  });
}
