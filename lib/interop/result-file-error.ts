/**
 * Why a results file was refused. Every refusal names the file and, for XML, the line, so the person knows what to
 * fix; the importer writes nothing when any file of the upload is refused.
 */
export const RESULT_FILE_REFUSALS = [
  'tooBig',
  'empty',
  'malformed',
  'doctype',
  'notJUnit',
  'unknownFormat',
  'zipInvalid',
  'zipTooManyEntries',
  'zipTooBig',
  'performanceInvalid',
] as const;
export type ResultFileRefusal = (typeof RESULT_FILE_REFUSALS)[number];

export class ResultFileError extends Error {
  constructor(
    readonly reason: ResultFileRefusal,
    readonly fileName: string,
    readonly detail: string = '',
  ) {
    super(`${fileName}: ${reason}${detail ? ` (${detail})` : ''}`);
    this.name = 'ResultFileError';
  }
}
