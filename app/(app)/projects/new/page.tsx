import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { createProject } from '../actions';
import { CreateProjectForm } from '@/components/projects/create-project-form';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { findCreationRights } from '@/db/queries/instance-policy';
import { mayCreateProjects } from '@/lib/auth/instance-policy';
import { requireUser } from '@/lib/session/current-user';
import { MAIN_CONTENT_ID } from '@/lib/ui/main-content';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('projects'))('new') };
}

export default async function NewProjectPage() {
  const user = await requireUser();
  const rights = await findCreationRights(getDb(), user.id);
  const mayCreate = mayCreateProjects(rights.policy, { isAdmin: user.isAdmin, isProjectCreator: rights.isProjectCreator });
  const t = await getTranslations('projects');
  return (
    <main id={MAIN_CONTENT_ID} tabIndex={-1} className="outline-none mx-auto w-full max-w-2xl p-6">
      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h1>{t('new')}</h1>
          </CardTitle>
        </CardHeader>
        <CardContent>
          {mayCreate ? (
            <CreateProjectForm createProject={createProject} />
          ) : (
            <p className="text-sm text-muted-foreground" data-testid="creation-restricted">
              {t('creationRestricted')}
            </p>
          )}
        </CardContent>
      </Card>
    </main>
  );
}
