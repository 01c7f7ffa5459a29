import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { importReqif } from '../reqif-actions';
import { ClientMessages } from '@/components/providers/client-messages';
import { ReqifImport } from '@/components/reqif/reqif-import';
import { Alert } from '@/components/ui/alert';
import { requireProjectMembership } from '@/db/queries/project-access';
import { can } from '@/lib/auth/roles';
import { requireUser } from '@/lib/session/current-user';

type Props = { params: Promise<{ projectKey: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reqif'))('title') };
}

export default async function ReqifImportPage({ params }: Props) {
  const user = await requireUser();
  const membership = await requireProjectMembership(user, (await params).projectKey);
  const t = await getTranslations('reqif');
  const basePath = `/projects/${membership.projectKey}/requirements`;
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-4">
      <Link href={basePath} className="text-sm text-muted-foreground hover:underline">
        ← {t('back')}
      </Link>
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="max-w-prose text-sm text-muted-foreground">{t('intro')}</p>
      {can(membership.role, 'requirements.write') ? (
        <ClientMessages namespaces={['reqif']}>
          <ReqifImport projectKey={membership.projectKey} basePath={basePath} importReqif={importReqif} />
        </ClientMessages>
      ) : (
        <Alert role="status" data-testid="reqif-read-only">
          {t('readOnly')}
        </Alert>
      )}
    </div>
  );
}
