import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { PagedBaselineItems } from '@/components/signoff/baseline-items';
import { BaselineSpecificationPicker } from '@/components/signoff/baseline-specification-picker';
import { ApprovalStatusBadge } from '@/components/signoff/signoff-badges';
import { SignoffForm } from '@/components/signoff/signoff-form';
import { Button } from '@/components/ui/button';
import { Input, NativeSelect } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { baselineComparisonPage } from '@/db/queries/baseline-comparison';
import { hasBaselineCandidates, listBaselines } from '@/db/queries/baselines';
import { listPageSize } from '@/db/queries/page-size';
import { requireProjectMembership } from '@/db/queries/project-access';
import { can } from '@/lib/auth/roles';
import type { ApprovalStatus } from '@/lib/signoff/model';
import { requireUser } from '@/lib/session/current-user';
import { createBaseline } from '../actions';

type Props = {
  params: Promise<{ projectKey: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const numberParam = z.coerce.number().int().positive().max(1_000_000_000).optional().catch(undefined);
const searchSchema = z.object({ from: numberParam, to: numberParam, page: numberParam });

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signoff'))('baselines.title') };
}

export default async function BaselinesPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const membership = await requireProjectMembership(user, (await params).projectKey);
  const search = searchSchema.parse(await searchParams);
  const db = getDb();
  const canCreate = can(membership.role, 'specifications.write');
  const [baselines, hasCandidates] = await Promise.all([
    listBaselines(db, membership.projectId),
    canCreate ? hasBaselineCandidates(db, membership.projectId) : Promise.resolve(false),
  ]);
  const from = baselines.find((b) => b.number === search.from);
  const to = baselines.find((b) => b.number === search.to);
  const pageSize = listPageSize(50);
  const page = search.page ?? 1;
  const comparison = from && to ? await baselineComparisonPage(db, { before: from.id, after: to.id, page, pageSize }) : null;
  const t = await getTranslations('signoff');
  const format = await getFormatter();
  const base = `/projects/${membership.projectKey}/approvals/baselines`;
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' });

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6">
      <Link href={`/projects/${membership.projectKey}/approvals`} className="text-sm text-primary hover:underline">
        ← {t('title')}
      </Link>
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold">{t('baselines.title')}</h1>
        <p className="max-w-3xl text-sm text-muted-foreground">{t('baselines.intro')}</p>
      </div>

      {baselines.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t('baselines.empty')}</p>
      ) : (
        <div className="rounded-lg border bg-background">
          <Table data-testid="baselines-table">
            <TableHeader>
              <TableRow>
                <TableHead>{t('baselines.columns.ref')}</TableHead>
                <TableHead>{t('baselines.columns.name')}</TableHead>
                <TableHead>{t('baselines.columns.items')}</TableHead>
                <TableHead>{t('baselines.columns.createdAt')}</TableHead>
                <TableHead>{t('baselines.columns.approval')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {baselines.map((b) => (
                <TableRow key={b.id} data-testid={`baseline-row-${b.number}`}>
                  <TableCell>
                    <Link href={`${base}/${b.number}`} className="text-primary hover:underline">
                      {t('baselines.ref', { number: b.number })}
                    </Link>
                  </TableCell>
                  <TableCell>{b.name}</TableCell>
                  <TableCell className="tabular-nums">{b.items}</TableCell>
                  <TableCell className="whitespace-nowrap">{when(b.createdAt)}</TableCell>
                  <TableCell>{b.approval ? <ApprovalStatusBadge status={b.approval as ApprovalStatus} /> : t('baselines.notRequested')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}

      {baselines.length > 1 && (
        <section aria-labelledby="compare-title" className="flex flex-col gap-3 rounded-lg border bg-background p-4">
          <h2 id="compare-title" className="text-lg font-semibold">
            {t('baselines.compare.title')}
          </h2>
          <form method="get" className="flex flex-wrap items-end gap-3" data-testid="compare-form">
            <div className="flex flex-col gap-1">
              <Label htmlFor="compare-from">{t('baselines.compare.from')}</Label>
              <NativeSelect id="compare-from" name="from" defaultValue={String(from?.number ?? baselines[1]!.number)}>
                {baselines.map((b) => (
                  <option key={b.id} value={b.number}>
                    {t('baselines.heading', { number: b.number, name: b.name })}
                  </option>
                ))}
              </NativeSelect>
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor="compare-to">{t('baselines.compare.to')}</Label>
              <NativeSelect id="compare-to" name="to" defaultValue={String(to?.number ?? baselines[0]!.number)}>
                {baselines.map((b) => (
                  <option key={b.id} value={b.number}>
                    {t('baselines.heading', { number: b.number, name: b.name })}
                  </option>
                ))}
              </NativeSelect>
            </div>
            <Button type="submit" variant="outline">
              {t('baselines.compare.submit')}
            </Button>
          </form>
          {comparison && (
            <div className="flex flex-col gap-3" data-testid="comparison">
              <PagedBaselineItems
                comparison={comparison}
                page={page}
                pageSize={pageSize}
                href={(n) => `${base}?from=${from!.number}&to=${to!.number}${n > 1 ? `&page=${n}` : ''}`}
              />
            </div>
          )}
        </section>
      )}

      {canCreate && (
        <section aria-labelledby="create-title" className="flex flex-col gap-3 rounded-lg border bg-background p-4">
          <h2 id="create-title" className="text-lg font-semibold">
            {t('baselines.create.title')}
          </h2>
          {!hasCandidates ? (
            <p className="text-sm text-muted-foreground">{t('baselines.create.none')}</p>
          ) : (
            <SignoffForm action={createBaseline} hidden={{ projectKey: membership.projectKey }} testId="create-baseline" fieldErrorsFor={['name', 'specificationIds']}>
              <div className="flex flex-col gap-1">
                <Label htmlFor="baseline-name">{t('baselines.create.name')}</Label>
                <Input id="baseline-name" name="name" required maxLength={200} />
              </div>
              <BaselineSpecificationPicker projectKey={membership.projectKey} />
              <Button type="submit" className="self-start">
                {t('baselines.create.submit')}
              </Button>
            </SignoffForm>
          )}
        </section>
      )}
    </div>
  );
}
