import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { createApiToken, revokeApiToken } from './actions';
import { CreateTokenForm } from '@/components/api/create-token-form';
import { TokenList } from '@/components/api/token-list';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { listApiTokens } from '@/db/queries/api-tokens';
import { requireProjectMembership } from '@/db/queries/project-access';
import { tokenState } from '@/lib/api/token-model';
import { can } from '@/lib/auth/roles';
import { requireUser } from '@/lib/session/current-user';

type Props = { params: Promise<{ projectKey: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('api.tokens'))('title') };
}

/** Owners only (DESIGN.md §4 "manage … API tokens"): anyone else gets the project's 404, as for a page that is not there. */
export default async function ApiTokensPage({ params }: Props) {
  const user = await requireUser();
  const membership = await requireProjectMembership(user, (await params).projectKey);
  if (!can(membership.role, 'project.manage')) notFound();
  const tokens = await listApiTokens(getDb(), membership.projectId);
  const t = await getTranslations('api.tokens');
  const format = await getFormatter();
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: 'short', timeStyle: 'short' }) : null);
  const now = new Date();
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <Link href="/api-docs" className="text-sm text-primary underline underline-offset-4">
          {t('reference')}
        </Link>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{t('create')}</CardTitle>
          <CardDescription>{t('intro')}</CardDescription>
        </CardHeader>
        <CardContent>
          <CreateTokenForm projectKey={membership.projectKey} createApiToken={createApiToken} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t('list')}</CardTitle>
        </CardHeader>
        <CardContent>
          <TokenList
            projectKey={membership.projectKey}
            revokeApiToken={revokeApiToken}
            tokens={tokens.map((token) => ({
              id: token.id,
              name: token.name,
              prefix: token.prefix,
              scope: token.scope,
              state: tokenState(token, now),
              creatorName: token.creatorName,
              createdAt: when(token.createdAt)!,
              lastUsedAt: when(token.lastUsedAt),
              expiresAt: when(token.expiresAt),
            }))}
          />
        </CardContent>
      </Card>
    </div>
  );
}
