'use client';

import { useEffect, useId, useState } from 'react';

/**
 * Renders a Mermaid diagram in the browser. Mermaid and DOMPurify are loaded here, on demand, so pages without a
 * diagram never download them. Mermaid runs with securityLevel 'strict' (no click handlers, labels sanitized) and
 * its SVG is sanitized again before insertion: Mermaid releases have let label HTML through before (CVE-2025-54880,
 * CVE-2025-54881), and a diagram is text any project member may write.
 */
export function MermaidDiagram({ code }: { code: string }) {
  const id = `mermaid-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const [svg, setSvg] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const [{ default: mermaid }, { MERMAID_LABEL_PURIFY, sanitizeDiagramSvg }] = await Promise.all([
          import('mermaid'),
          import('./sanitize-diagram'),
        ]);
        mermaid.initialize({
          startOnLoad: false,
          securityLevel: 'strict',
          theme: 'neutral',
          dompurifyConfig: MERMAID_LABEL_PURIFY,
        });
        const { svg: rendered } = await mermaid.render(id, code);
        if (!cancelled) {
          setSvg(sanitizeDiagramSvg(rendered));
          setError(null);
        }
      } catch (e) {
        if (!cancelled) setError(e instanceof Error ? e.message : String(e));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [code, id]);

  if (error) {
    return (
      <div className="rounded border border-destructive/40 bg-destructive/5 p-3 text-xs" data-testid="mermaid-error">
        <p className="font-medium text-destructive">Mermaid</p>
        <pre className="whitespace-pre-wrap">{error}</pre>
        <pre className="mt-2 whitespace-pre-wrap text-muted-foreground">{code}</pre>
      </div>
    );
  }
  if (!svg) return <pre className="rounded bg-muted p-3 text-xs text-muted-foreground">{code}</pre>;
  // Sanitized just above; React cannot build an SVG from a string otherwise.
  return <div className="my-3 overflow-x-auto" data-testid="mermaid-diagram" dangerouslySetInnerHTML={{ __html: svg }} />;
}
