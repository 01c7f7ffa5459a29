import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { updateCampaign } from '../../actions';
import { loadCampaignPage } from '../load';
import { CampaignForm } from '@/components/recette/campaigns/campaign-form';
import { Card, CardContent } from '@/components/ui/card';
import { can } from '@/lib/auth/roles';

type Props = { params: Promise<{ projectKey: string; number: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('campaigns'))('form.editTitle') };
}

export default async function EditCampaignPage({ params }: Props) {
  const { projectKey, number } = await params;
  const { membership, campaign } = await loadCampaignPage(projectKey, number);
  // A closed campaign is read-only: no edit form (the action refuses it too).
  if (!can(membership.role, 'tests.write') || campaign.status === 'closed') notFound();
  const t = await getTranslations('campaigns');
  const basePath = `/projects/${membership.projectKey}/campaigns`;
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-4">
      <Link href={`${basePath}/${campaign.number}`} className="text-sm text-muted-foreground hover:underline">
        {t('backTo')}
      </Link>
      <h1 className="text-2xl font-semibold">{t('form.editTitle')}</h1>
      <Card>
        <CardContent className="p-5">
          <CampaignForm
            projectKey={membership.projectKey}
            basePath={basePath}
            save={updateCampaign}
            editing={{ id: campaign.id, number: campaign.number, revision: campaign.revision }}
            initial={{
              name: campaign.name,
              type: campaign.type,
              environment: campaign.environment,
              build: campaign.build,
              plannedStart: campaign.plannedStart ?? '',
              plannedEnd: campaign.plannedEnd ?? '',
              description: campaign.description,
            }}
          />
        </CardContent>
      </Card>
    </div>
  );
}
