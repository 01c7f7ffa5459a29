import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent } from '@/components/ui/card';
import type { Action } from '@/lib/actions/result';
import type { ImportKind } from '@/lib/import/columns';
import type { ImportReport } from '@/lib/import/report';
import { ImportWizard, type ImportInput } from './import-wizard';

/** The import page of one kind: what the file must look like, then the wizard (or why this person may not import). */
export async function ImportPage({
  kind,
  projectKey,
  listHref,
  allowed,
  save,
}: {
  kind: ImportKind;
  projectKey: string;
  listHref: string;
  allowed: boolean;
  save: Action<ImportInput, ImportReport>;
}) {
  const t = await getTranslations('spreadsheets.import');
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-4">
      <Link href={listHref} className="text-sm text-muted-foreground hover:underline">
        ← {t('back')}
      </Link>
      <h1 className="text-2xl font-semibold">{kind === 'requirement' ? t('requirementsTitle') : t('testCasesTitle')}</h1>
      {allowed ? (
        <>
          <div className="flex flex-col gap-1 text-sm text-muted-foreground">
            <p>{t('intro')}</p>
            {kind === 'testCase' && <p>{t('testCasesIntro')}</p>}
            <p>{t('rules')}</p>
          </div>
          <Card>
            <CardContent className="p-5">
              <ImportWizard kind={kind} projectKey={projectKey} listHref={listHref} save={save} />
            </CardContent>
          </Card>
        </>
      ) : (
        <Alert role="status" data-testid="import-read-only">
          {t('readOnly')}
        </Alert>
      )}
    </div>
  );
}
