/** Why an archive was refused: each names what to look at, and nothing is written when any is raised. */
export const ARCHIVE_REFUSALS = [
  'tooBig',
  'zipInvalid',
  'zipTooManyEntries',
  'zipTooBig',
  'unsafeName',
  'unexpectedFile',
  'noManifest',
  'manifestInvalid',
  'wrongFormat',
  'wrongVersion',
  'tableMismatch',
  'missingFile',
  'rowInvalid',
  'rowCount',
  'attachmentMismatch',
  'duplicateId',
  'danglingReference',
] as const;
export type ArchiveRefusalReason = (typeof ARCHIVE_REFUSALS)[number];

export class ArchiveRefusal extends Error {
  constructor(
    readonly reason: ArchiveRefusalReason,
    readonly detail: string = '',
  ) {
    super(`${reason}${detail ? ` (${detail})` : ''}`);
    this.name = 'ArchiveRefusal';
  }
}
