import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import type { ActionFailure } from '@/lib/actions/result';
import type { ConflictDetails } from '@/lib/versioning/save';
import { Redline } from './redline';

function conflictDetails(failure: ActionFailure | null): ConflictDetails | null {
  const details = failure?.code === 'conflict' ? (failure.details as ConflictDetails | undefined) : undefined;
  return details && Array.isArray(details.changes) ? details : null;
}

/**
 * A stale save: someone saved a newer version meanwhile. Shows, field by field, how the saved version differs from
 * what this person typed (their text stays in the form), and a link to reload the latest version.
 */
export function ConflictNotice({
  failure,
  labels,
  reloadHref,
}: {
  failure: ActionFailure | null;
  labels: Record<string, string>;
  reloadHref: string;
}) {
  const t = useTranslations('versioning');
  const details = conflictDetails(failure);
  if (!details) return null;
  return (
    <Alert variant="destructive" role="alert" className="flex flex-col gap-3" data-testid="conflict-notice">
      <p className="font-medium">{t('conflictTitle', { version: details.currentVersion })}</p>
      <p className="text-foreground">{t('conflictBody')}</p>
      {details.changes.length > 0 && (
        <Redline
          diffs={details.changes}
          labels={labels}
          sides={{ before: t('yours'), after: t('saved', { version: details.currentVersion }) }}
        />
      )}
      <a href={reloadHref} className="text-sm font-medium text-primary underline">
        {t('reload')}
      </a>
    </Alert>
  );
}
