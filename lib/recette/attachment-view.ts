/** An attachment as the evidence panel lists it (the shape agreed with the evidence feature). */
export interface AttachmentView {
  id: string;
  fileName: string;
  contentType: string;
  byteSize: number;
  stepIndex: number | null;
  uploadedAt: string;
}
