import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';

export interface ReqifOrigin {
  identifier: string | null;
  typeName: string;
  specification: string;
  fields: Record<string, string>;
  relations: { typeName: string; outgoing: boolean; ref: string; title: string }[];
}

/** Where an imported requirement came from: its ReqIF identifier, the source tool's other attributes, its relations. */
export async function ReqifOriginCard({ origin, basePath }: { origin: ReqifOrigin; basePath: string }) {
  const t = await getTranslations('reqif');
  const fields = Object.entries(origin.fields);
  return (
    <Card data-testid="reqif-origin">
      <CardHeader className="pb-3">
        <CardTitle className="text-base">{t('customFields')}</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="flex flex-col gap-3 text-sm">
          {origin.identifier && (
            <div>
              <dt className="text-xs font-medium text-muted-foreground">{t('reqifIdentifier')}</dt>
              <dd className="break-all font-mono text-xs">{origin.identifier}</dd>
            </div>
          )}
          {origin.typeName && (
            <div>
              <dt className="text-xs font-medium text-muted-foreground">SPEC-OBJECT-TYPE</dt>
              <dd className="break-words">{origin.typeName}</dd>
            </div>
          )}
          {fields.map(([name, value]) => (
            <div key={name}>
              <dt className="break-words text-xs font-medium text-muted-foreground">{name}</dt>
              <dd className="whitespace-pre-wrap break-words">{value}</dd>
            </div>
          ))}
          {origin.relations.length > 0 && (
            <div>
              <dt className="text-xs font-medium text-muted-foreground">{t('relations')}</dt>
              <dd>
                <ul className="mt-1 flex flex-col gap-1">
                  {origin.relations.map((r, i) => (
                    <li key={`${r.ref}-${i}`}>
                      <span className="text-muted-foreground">{r.outgoing ? '→' : '←'} {r.typeName}</span>{' '}
                      <Link href={`${basePath}/${r.ref}`} className="text-primary hover:underline">
                        <span className="font-mono text-xs">{r.ref}</span> {r.title}
                      </Link>
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          )}
        </dl>
      </CardContent>
    </Card>
  );
}
