import { useFormatter, useTranslations } from 'next-intl';
import type { ShownSignature } from '@/lib/signoff/views';
import { signatureState } from '@/lib/signoff/signature-state';

/**
 * Every signature of a deliverable with the signer's printed name and role at signing, the date and time in
 * Europe/Paris, the meaning, the reason, and the verification of its hash (intègre / altérée); revoked and obsolete
 * ones say so. `revoke` renders the signer's own revocation form, when the page offers one.
 */
export function SignatureList({
  signatures,
  currentVersion,
  revoke,
}: {
  signatures: ShownSignature[];
  currentVersion: number;
  revoke?: (signature: ShownSignature) => React.ReactNode;
}) {
  const t = useTranslations('signoff');
  const format = useFormatter();
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });
  if (signatures.length === 0) return <p className="text-sm text-muted-foreground">{t('review.noSignatures')}</p>;
  return (
    <ul className="flex flex-col gap-3" data-testid="signatures">
      {signatures.map((s) => {
        const state = signatureState({ subjectVersion: s.subjectVersion, revoked: s.revokedAt !== null }, currentVersion);
        return (
          <li key={s.id} className="flex flex-col gap-1 rounded-md border p-3 text-sm" data-testid={`signature-${s.id}`}>
            <p className="font-medium">
              {t('signature.line', {
                name: s.signerName,
                role: t.has(`roles.${s.signerRole}`) ? t(`roles.${s.signerRole}`) : s.signerRole,
                meaning: t(`meanings.${s.meaning}`),
                date: when(s.signedAt),
              })}
            </p>
            {s.reason && <p>{t('signature.reason', { reason: s.reason })}</p>}
            <p className="flex flex-wrap items-center gap-2">
              <span
                className={s.intact ? 'rounded bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-900' : 'rounded bg-red-100 px-2 py-0.5 text-xs font-medium text-red-900'}
                data-testid="signature-integrity"
              >
                {s.intact ? t('signature.intact') : t('signature.altered')}
              </span>
              {s.imported && (
                <span className="rounded bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-900" data-testid="signature-imported">
                  {t('signature.imported')}
                </span>
              )}
              {state === 'obsolete' && <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">{t('signature.obsolete')}</span>}
              <span className="break-all font-mono text-xs">{s.contentHash}</span>
            </p>
            {s.revokedAt && (
              <p className="text-red-900" data-testid="signature-revoked">
                {t('signature.revoked', { date: when(s.revokedAt), reason: s.revocationReason ?? '' })}
              </p>
            )}
            {!s.revokedAt && revoke?.(s)}
          </li>
        );
      })}
    </ul>
  );
}
