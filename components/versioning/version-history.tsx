import { Link } from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { NativeSelect } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { diffFields } from '@/lib/versioning/diff';
import { Redline } from './redline';

export interface VersionEntry {
  version: number;
  snapshot: unknown;
  changedAt: Date;
  changedByName: string | null;
}

function VersionSelect({
  id,
  name,
  label,
  value,
  versions,
}: {
  id: string;
  name: string;
  label: string;
  value: number;
  versions: VersionEntry[];
}) {
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor={id}>{label}</Label>
      <NativeSelect id={id} name={name} defaultValue={String(value)} className="w-32">
        {versions.map((v) => (
          <option key={v.version} value={v.version}>
            v{v.version}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}

/**
 * The history of a versioned item (requirement, specification, later test case): every version with who and when,
 * and a redline between any two (by default the previous version and the latest). Choices live in the URL.
 */
export async function VersionHistory({
  versions,
  fields,
  labels,
  from,
  to,
}: {
  versions: VersionEntry[];
  fields: readonly string[];
  labels: Record<string, string>;
  from?: number;
  to?: number;
}) {
  const t = await getTranslations('versioning');
  const format = await getFormatter();
  const latest = versions[0]?.version ?? 1;
  const toVersion = versions.some((v) => v.version === to) ? to! : latest;
  const fallbackFrom = versions.find((v) => v.version < toVersion)?.version ?? toVersion;
  const fromVersion = versions.some((v) => v.version === from) ? from! : fallbackFrom;
  const snapshotOf = (version: number) => (versions.find((v) => v.version === version)?.snapshot ?? {}) as Record<string, unknown>;
  const diffs = diffFields(snapshotOf(fromVersion), snapshotOf(toVersion), fields);

  return (
    <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
      <ol className="flex flex-col gap-2" data-testid="version-list">
        {versions.map((v) => (
          <li key={v.version} className="rounded border bg-background p-2 text-sm">
            <Link href={`?from=${Math.max(v.version - 1, 1)}&to=${v.version}`} className="font-medium text-primary">
              {t('version', { version: v.version })}
            </Link>
            <p className="text-xs text-muted-foreground">
              {format.dateTime(v.changedAt, { dateStyle: 'short', timeStyle: 'short' })} · {v.changedByName ?? t('unknownAuthor')}
            </p>
          </li>
        ))}
      </ol>
      <div className="flex flex-col gap-4">
        <form method="get" className="flex flex-wrap items-end gap-3">
          <VersionSelect id="diff-from" name="from" label={t('from')} value={fromVersion} versions={versions} />
          <VersionSelect id="diff-to" name="to" label={t('to')} value={toVersion} versions={versions} />
          <Button type="submit" variant="secondary">
            {t('compare')}
          </Button>
        </form>
        <p className="text-sm text-muted-foreground">{t('comparing', { from: fromVersion, to: toVersion })}</p>
        <Redline
          diffs={diffs}
          labels={labels}
          sides={{ before: t('versionColumn', { version: fromVersion }), after: t('versionColumn', { version: toVersion }) }}
        />
      </div>
    </div>
  );
}
