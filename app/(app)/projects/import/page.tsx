import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { importProject } from './actions';
import { ImportProjectForm } from '@/components/project-archive/import-project-form';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { findCreationRights } from '@/db/queries/instance-policy';
import { mayCreateProjects } from '@/lib/auth/instance-policy';
import { requireUser } from '@/lib/session/current-user';
import { MAIN_CONTENT_ID } from '@/lib/ui/main-content';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('archive.import'))('title') };
}

/** Importing makes a new project, so the same instance policy as creating one decides who sees the form. */
export default async function ImportProjectPage() {
  const user = await requireUser();
  const rights = await findCreationRights(getDb(), user.id);
  const mayCreate = mayCreateProjects(rights.policy, { isAdmin: user.isAdmin, isProjectCreator: rights.isProjectCreator });
  const t = await getTranslations('archive.import');
  const tProjects = await getTranslations('projects');
  return (
    <main id={MAIN_CONTENT_ID} tabIndex={-1} className="outline-none mx-auto w-full max-w-2xl p-6">
      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h1>{t('title')}</h1>
          </CardTitle>
          <CardDescription>{t('intro')}</CardDescription>
        </CardHeader>
        <CardContent>
          {mayCreate ? (
            <ImportProjectForm importProject={importProject} />
          ) : (
            <p className="text-sm text-muted-foreground" data-testid="creation-restricted">
              {tProjects('creationRestricted')}
            </p>
          )}
        </CardContent>
      </Card>
    </main>
  );
}
