import { FileSpreadsheet } from 'lucide-react';
import { Button } from '@/components/ui/button';

/** A download of one of the project's .xlsx exports (every member may export). */
export function ExportLink({ projectKey, what, campaign, label }: { projectKey: string; what: 'requirements' | 'testCases' | 'matrix' | 'campaign'; campaign?: number; label: string }) {
  const query = new URLSearchParams({ what, ...(campaign !== undefined && { campaign: String(campaign) }) });
  return (
    <Button asChild variant="outline">
      <a href={`/api/projects/${encodeURIComponent(projectKey)}/spreadsheets?${query.toString()}`} download data-testid={`export-xlsx-${what}`}>
        <FileSpreadsheet />
        {label}
      </a>
    </Button>
  );
}
