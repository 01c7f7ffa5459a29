/** What the evidence panel shows of one attachment: never its storage key, checksum or uploader's address. */
export interface AttachmentView {
  id: string;
  fileName: string;
  contentType: string;
  byteSize: number;
  stepIndex: number | null;
  /** ISO 8601, formatted in Europe/Paris by the panel. */
  uploadedAt: string;
}

/** The download (and thumbnail) address of an attachment. */
export function attachmentHref(projectKey: string, id: string): string {
  return `/api/projects/${encodeURIComponent(projectKey)}/attachments/${encodeURIComponent(id)}`;
}

/**
 * The id of the evidence panel's file input for a target, so the runner can focus it with a keyboard shortcut:
 * `evidence-input-<executionId>[-step-<n>]` or `evidence-input-<anomalyId>`.
 */
export function evidenceInputId(target: { executionId: string; stepIndex?: number } | { anomalyId: string }): string {
  if ('anomalyId' in target) return `evidence-input-${target.anomalyId}`;
  return `evidence-input-${target.executionId}${target.stepIndex === undefined ? '' : `-step-${target.stepIndex}`}`;
}
