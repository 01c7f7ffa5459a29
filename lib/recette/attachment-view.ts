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
