'use client';

import { useEffect, useId, useState } from 'react';

/**
 * Renders a Mermaid diagram in the browser. Mermaid runs with securityLevel 'strict' (no click handlers, labels
 * escaped) and its SVG output is inserted as produced by the library, never from raw user HTML.
 */
export function MermaidDiagram({ code }: { code: string }) {
  const id = `mermaid-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const [svg, setSvg] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const mermaid = (await import('mermaid')).default;
        mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'neutral' });
        const { svg: rendered } = await mermaid.render(id, code);
        if (!cancelled) {
          setSvg(rendered);
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
  return <div className="my-3 overflow-x-auto" data-testid="mermaid-diagram" dangerouslySetInnerHTML={{ __html: svg }} />;
}
