/**
 * A signature's state as readers see it (DESIGN.md §3): revoked by its signer, obsolete when the subject moved to
 * a newer version since (the signature stays, for the version it covered), valid otherwise. Pure.
 */
export type SignatureState = 'valid' | 'obsolete' | 'revoked';

export function signatureState(signature: { subjectVersion: number; revoked: boolean }, currentVersion: number): SignatureState {
  if (signature.revoked) return 'revoked';
  return currentVersion > signature.subjectVersion ? 'obsolete' : 'valid';
}
