import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { FieldTable, type FieldTableLabels } from '@/components/api/field-table';
import { openApiDocument } from '@/lib/api/openapi';
import { PROBLEM_CODES, PROBLEM_STATUS, PROBLEM_TITLES } from '@/lib/api/problem';
import { referenceOf } from '@/lib/api/reference';
import { requireUser } from '@/lib/session/current-user';
import { MAIN_CONTENT_ID } from '@/lib/ui/main-content';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('api.reference'))('title') };
}

/** The readable reference of /api/v1, generated from the same OpenAPI document the API serves. Any signed-in person. */
export default async function ApiDocsPage() {
  await requireUser();
  const t = await getTranslations('api.reference');
  const operations = referenceOf(openApiDocument());
  const labels: FieldTableLabels = { field: t('field'), type: t('type'), description: t('description'), required: t('required') };
  return (
    <main id={MAIN_CONTENT_ID} tabIndex={-1} className="mx-auto flex w-full max-w-5xl flex-col gap-6 p-6 outline-none">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="text-sm">{t('intro')}</p>
        <p className="text-sm">
          <a href="/api/v1/openapi.json" className="text-primary underline underline-offset-4">
            {t('openapi')}
          </a>
        </p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{t('auth')}</CardTitle>
          <CardDescription>{t('authText')}</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-2">
          <p className="text-sm font-medium">{t('example')}</p>
          <pre className="overflow-x-auto rounded bg-muted p-3 text-xs" tabIndex={0}>
            {'curl -H "Authorization: Bearer $PASSERELLE_TOKEN" \\\n  "$PASSERELLE_URL/api/v1/projects/PAIE/requirements?limit=50"'}
          </pre>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t('paging')}</CardTitle>
          <CardDescription>{t('pagingText')}</CardDescription>
        </CardHeader>
      </Card>
      <h2 className="text-xl font-semibold">{t('operations')}</h2>
      {operations.map((op) => (
        <Card key={op.id} id={op.id}>
          <CardHeader>
            <CardTitle asChild>
              <h3 className="flex flex-wrap items-baseline gap-2">
                <span className="rounded bg-secondary px-2 py-0.5 font-mono text-xs">{op.method}</span>
                <code className="break-all text-sm">{op.path}</code>
              </h3>
            </CardTitle>
            <CardDescription>
              <strong>{op.summary}.</strong> {op.description}
            </CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <FieldTable fields={op.parameters} caption={t('parameters')} labels={labels} />
            {op.body.length > 0 && <FieldTable fields={op.body} caption={t('body')} labels={labels} />}
            <FieldTable fields={op.response} caption={`${t('response')} ${op.successStatus}`} labels={labels} />
            <p className="text-xs text-muted-foreground">
              {t('status')} — {op.statuses.map((s) => s.status).join(', ')}
            </p>
          </CardContent>
        </Card>
      ))}
      <Card>
        <CardHeader>
          <CardTitle>{t('problems')}</CardTitle>
          <CardDescription>{t('problemsText')}</CardDescription>
        </CardHeader>
        <CardContent>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead scope="col">{t('code')}</TableHead>
                <TableHead scope="col">{t('status')}</TableHead>
                <TableHead scope="col">{t('description')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {PROBLEM_CODES.map((code) => (
                <TableRow key={code} id={`problem-${code}`}>
                  <TableCell>
                    <code className="text-xs">{code}</code>
                  </TableCell>
                  <TableCell>{PROBLEM_STATUS[code]}</TableCell>
                  <TableCell className="text-xs">{PROBLEM_TITLES[code]}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </main>
  );
}
