import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { loadCampaignPage } from '../load';
import { importCampaignResults, previewCampaignResults } from './actions';
import { ClientMessages } from '@/components/providers/client-messages';
import { ResultsImportPanel } from '@/components/recette/results-import/results-import-panel';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent } from '@/components/ui/card';
import { can } from '@/lib/auth/roles';

type Props = { params: Promise<{ projectKey: string; number: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('resultsImport'))('title') };
}

/** Importer des résultats: CI and performance tool reports into this campaign, previewed before anything is written. */
export default async function CampaignResultsImportPage({ params }: Props) {
  const { projectKey, number } = await params;
  const { membership, campaign } = await loadCampaignPage(projectKey, number);
  // Only those who write campaigns import into them (the actions check it again); others get not found.
  if (!can(membership.role, 'tests.write')) notFound();
  const t = await getTranslations('resultsImport');
  const campaignHref = `/projects/${membership.projectKey}/campaigns/${campaign.number}`;
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-4">
      <Link href={campaignHref} className="text-sm text-muted-foreground hover:underline">
        {t('back')}
      </Link>
      <h1 className="text-2xl font-semibold">
        {t('title')} — {campaign.name}
      </h1>
      <p className="max-w-3xl text-sm text-muted-foreground">{t('intro')}</p>
      {campaign.status === 'closed' ? (
        <Alert role="status" data-testid="results-closed">
          {t('closed')}
        </Alert>
      ) : (
        <Card>
          <CardContent className="p-5">
            <ClientMessages namespaces={['resultsImport']}>
              <ResultsImportPanel
                projectKey={membership.projectKey}
                campaignId={campaign.id}
                campaignHref={campaignHref}
                defaults={{ build: campaign.build, environment: campaign.environment }}
                preview={previewCampaignResults}
                importResults={importCampaignResults}
              />
            </ClientMessages>
          </CardContent>
        </Card>
      )}
    </div>
  );
}
