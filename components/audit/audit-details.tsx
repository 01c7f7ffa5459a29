import { useTranslations } from 'next-intl';

function render(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** Before / after values of an event, folded: the journal stays readable and the detail is one click away. */
export function AuditDetails({ before, after }: { before: unknown; after: unknown }) {
  const t = useTranslations('audit');
  if (before == null && after == null) return <span className="text-muted-foreground">—</span>;
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-primary">{t('show')}</summary>
      <div className="mt-2 grid gap-2 md:grid-cols-2">
        {before != null && (
          <div>
            <p className="font-medium">{t('before')}</p>
            <pre className="max-h-48 overflow-auto whitespace-pre-wrap break-all rounded bg-muted p-2">{render(before)}</pre>
          </div>
        )}
        {after != null && (
          <div>
            <p className="font-medium">{t('after')}</p>
            <pre className="max-h-48 overflow-auto whitespace-pre-wrap break-all rounded bg-muted p-2">{render(after)}</pre>
          </div>
        )}
      </div>
    </details>
  );
}
