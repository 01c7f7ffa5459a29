'use client';

import dynamic from 'next/dynamic';

/**
 * The editors' live preview: the Markdown renderer (react-markdown, GFM, sanitizer) is fetched once the form is on
 * screen, so the form itself loads without it. Read-only pages render Markdown on the server instead.
 */
export const MarkdownPreview = dynamic(() => import('./markdown-view').then((m) => m.MarkdownView), {
  ssr: false,
  loading: () => <div className="min-h-24" aria-busy="true" />,
});
