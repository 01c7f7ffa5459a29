'use client';

import { useId } from 'react';
import type { AttachmentView } from '@/lib/recette/attachment-view';

/**
 * Stand-in with the agreed props until the evidence feature's panel (upload, thumbnails, download) is merged:
 * it lists the attachments and offers the file input the runner's "a" shortcut focuses.
 */
export function EvidencePanel({
  projectKey,
  attachments,
  canUpload,
  label,
}: {
  projectKey: string;
  target: { executionId: string; stepIndex?: number } | { anomalyId: string };
  attachments: AttachmentView[];
  canUpload: boolean;
  label?: string;
}) {
  const inputId = useId();
  return (
    <div className="flex flex-col gap-1 text-sm">
      <ul>
        {attachments.map((a) => (
          <li key={a.id}>
            <a className="underline" href={`/api/projects/${encodeURIComponent(projectKey)}/attachments/${a.id}`}>
              {a.fileName}
            </a>
          </li>
        ))}
      </ul>
      {canUpload && (
        <>
          <label htmlFor={inputId} className="text-muted-foreground">
            {label}
          </label>
          <input id={inputId} type="file" className="text-sm" />
        </>
      )}
    </div>
  );
}
