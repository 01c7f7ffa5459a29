import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { createProject } from '../actions';
import { CreateProjectForm } from '@/components/projects/create-project-form';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { requireUser } from '@/lib/session/current-user';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('projects'))('new') };
}

export default async function NewProjectPage() {
  await requireUser();
  const t = await getTranslations('projects');
  return (
    <main className="mx-auto w-full max-w-2xl p-6">
      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h1>{t('new')}</h1>
          </CardTitle>
        </CardHeader>
        <CardContent>
          <CreateProjectForm createProject={createProject} />
        </CardContent>
      </Card>
    </main>
  );
}
