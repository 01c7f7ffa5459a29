import ReactMarkdown, { type Components } from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { cn } from '@/lib/ui/cn';
import { MermaidDiagram } from './mermaid-diagram';

/**
 * Markdown as the app shows it everywhere: GitHub-flavoured (tables, task lists, strikethrough), raw HTML never
 * interpreted, the result sanitized (no script, no event handler, no javascript: URL), and ```mermaid blocks drawn.
 */
const components: Components = {
  code({ node: _node, className, children, ...props }) {
    const language = /language-(\w+)/.exec(className ?? '')?.[1];
    if (language === 'mermaid') return <MermaidDiagram code={String(children).trimEnd()} />;
    return (
      <code className={className} {...props}>
        {children}
      </code>
    );
  },
  pre({ node, children }) {
    // A ```mermaid block becomes a diagram, which must not sit inside <pre>.
    const code = node?.children[0];
    const classes = code?.type === 'element' ? code.properties?.className : undefined;
    if (Array.isArray(classes) && classes.includes('language-mermaid')) return <>{children}</>;
    return <pre className="overflow-x-auto rounded bg-muted p-3 text-xs">{children}</pre>;
  },
  // A wide table scrolls in its own box rather than pushing the page sideways on a phone.
  table({ node: _node, ...props }) {
    return (
      <ScrollRegion>
        <table {...props} />
      </ScrollRegion>
    );
  },
  a({ children, href }) {
    return (
      <a href={href} rel="noopener noreferrer nofollow" className="text-primary underline">
        {children}
      </a>
    );
  },
};

export function MarkdownView({ source, className }: { source: string; className?: string }) {
  return (
    <div className={cn('markdown text-sm leading-relaxed', className)} data-testid="markdown">
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize]} components={components}>
        {source}
      </ReactMarkdown>
    </div>
  );
}
