/** Limits of one upload: what is sent (files or zips) and, for a zip, what it may inflate to. */
export interface ResultUploadLimits {
  maxUploadBytes: number;
  maxUnzippedBytes: number;
  maxZipEntries: number;
}

export const RESULT_UPLOAD_LIMITS: ResultUploadLimits = {
  maxUploadBytes: 50 * 1024 * 1024,
  maxUnzippedBytes: 100 * 1024 * 1024,
  maxZipEntries: 1_000,
};
