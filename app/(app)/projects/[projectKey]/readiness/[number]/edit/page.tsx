import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { DeleteReleaseButton } from '@/components/signoff/delete-release-button';
import { ReleaseForm } from '@/components/signoff/release-form';
import { getDb } from '@/db/client';
import { listCampaignChoices } from '@/db/queries/readiness';
import { can } from '@/lib/auth/roles';
import { deleteRelease, updateRelease } from '../../actions';
import { loadRelease } from '../load';

type Props = { params: Promise<{ projectKey: string; number: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('readiness'))('form.editTitle') };
}

export default async function EditReleasePage({ params }: Props) {
  const { projectKey, number } = await params;
  const { membership, release } = await loadRelease(projectKey, number);
  if (!can(membership.role, 'tests.write')) notFound();
  const t = await getTranslations('readiness');
  const campaigns = await listCampaignChoices(getDb(), membership.projectId);
  const base = `/projects/${membership.projectKey}/readiness`;
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t('form.editTitle')}</h1>
      <ReleaseForm
        projectKey={membership.projectKey}
        basePath={base}
        initial={{ name: release.name, version: release.version, targetDate: release.targetDate ?? '', scope: release.scope, campaignIds: release.campaignIds }}
        campaigns={campaigns}
        save={updateRelease}
        editing={{ id: release.id, number: release.number, revision: release.revision }}
      />
      <DeleteReleaseButton projectKey={membership.projectKey} release={release} remove={deleteRelease} listPath={base} />
    </div>
  );
}
