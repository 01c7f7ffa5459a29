/**
 * Why a whole file is refused (nothing is imported). `code` names the message shown to the person
 * (messages/*.reqif.json `errors.<code>`); `detail` is what the message quotes (a line number, a namespace…).
 */
export type ReqifRefusal =
  | 'malformed'
  | 'doctype'
  | 'notReqif'
  | 'legacyNamespace'
  | 'unknownNamespace'
  | 'tooLarge'
  | 'zipInvalid'
  | 'zipTooLarge'
  | 'zipEmpty'
  | 'tooManyObjects';

export class ReqifError extends Error {
  constructor(
    readonly code: ReqifRefusal,
    readonly detail = '',
  ) {
    super(`${code}${detail ? `: ${detail}` : ''}`);
    this.name = 'ReqifError';
  }
}
