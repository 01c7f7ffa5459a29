import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ReleaseForm } from '@/components/signoff/release-form';
import { getDb } from '@/db/client';
import { requireProjectMembership } from '@/db/queries/project-access';
import { listCampaignChoices } from '@/db/queries/readiness';
import { can } from '@/lib/auth/roles';
import { requireUser } from '@/lib/session/current-user';
import { createRelease } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('readiness'))('form.newTitle') };
}

export default async function NewReleasePage({ params }: { params: Promise<{ projectKey: string }> }) {
  const membership = await requireProjectMembership(await requireUser(), (await params).projectKey);
  if (!can(membership.role, 'tests.write')) notFound();
  const t = await getTranslations('readiness');
  const campaigns = await listCampaignChoices(getDb(), membership.projectId);
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t('form.newTitle')}</h1>
      <ReleaseForm
        projectKey={membership.projectKey}
        basePath={`/projects/${membership.projectKey}/readiness`}
        initial={{ name: '', version: '', targetDate: '', scope: '', campaignIds: [] }}
        campaigns={campaigns}
        save={createRelease}
      />
    </div>
  );
}
