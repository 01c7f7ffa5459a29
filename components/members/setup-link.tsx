'use client';

import { Copy } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** The one-time link to choose a password, shown once: there is no e-mail here, the person who created it hands it over. */
export function SetupLink({ path }: { path: string }) {
  const t = useTranslations('members');
  const [copied, setCopied] = useState(false);
  const url = typeof window === 'undefined' ? path : new URL(path, window.location.origin).toString();
  return (
    <Alert variant="success" role="status" className="flex flex-col gap-2">
      <p>{t('setupLinkIntro')}</p>
      <div className="flex items-center gap-2">
        <code className="min-w-0 flex-1 truncate rounded bg-background px-2 py-1 text-xs" data-testid="setup-link">
          {url}
        </code>
        <Button
          type="button"
          size="sm"
          variant="outline"
          onClick={async () => {
            await navigator.clipboard.writeText(url);
            setCopied(true);
          }}
        >
          <Copy />
          {copied ? t('copied') : t('copy')}
        </Button>
      </div>
    </Alert>
  );
}
