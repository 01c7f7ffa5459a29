'use client';

import { useTranslations } from 'next-intl';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Progress, ProgressBucket } from '@/lib/recette/campaign-item-state';
import { PROGRESS_BUCKETS } from '@/lib/recette/campaign-item-state';

/** Colours with enough contrast on white, one per bucket; the numbers are also written out beside the chart. */
const COLOURS: Record<ProgressBucket, string> = {
  passed: '#15803d',
  failed: '#b91c1c',
  blocked: '#b45309',
  not_run: '#6b7280',
  remaining: '#cbd5e1',
};

/**
 * The dashboard's two charts (recharts, loaded on the campaign page only). They repeat numbers the page already
 * shows as text, so they are hidden from screen readers behind a label rather than read out bar by bar.
 */
export function CampaignCharts({ progress, burnUp }: { progress: Progress; burnUp: { day: string; executed: number; passed: number }[] }) {
  const t = useTranslations('campaigns');
  const bars = PROGRESS_BUCKETS.map((bucket) => ({ bucket, label: t(`buckets.${bucket}`), count: progress[bucket] }));
  const days = burnUp.map((d) => ({ ...d, scope: progress.total, label: d.day.slice(5).split('-').reverse().join('/') }));
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <figure className="flex flex-col gap-2" data-testid="progress-chart">
        <div role="img" aria-label={t('dashboard.chartLabel')} className="h-56">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={bars} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" tick={{ fontSize: 12 }} />
              <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={36} />
              <Tooltip />
              <Bar dataKey="count" name={t('items.columns.testCase')} isAnimationActive={false}>
                {bars.map((b) => (
                  <Cell key={b.bucket} fill={COLOURS[b.bucket]} />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
        <figcaption className="text-xs text-muted-foreground">{t('dashboard.chartLabel')}</figcaption>
      </figure>
      <figure className="flex flex-col gap-2" data-testid="burn-up-chart">
        <div role="img" aria-label={t('dashboard.burnUpIntro')} className="h-56">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={days} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" tick={{ fontSize: 12 }} />
              <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={36} />
              <Tooltip />
              <Legend />
              <Line type="stepAfter" dataKey="scope" name={t('dashboard.scope')} stroke="#64748b" strokeDasharray="4 4" dot={false} isAnimationActive={false} />
              <Line type="monotone" dataKey="executed" name={t('dashboard.executed')} stroke="#1d4ed8" dot={false} isAnimationActive={false} />
              <Line type="monotone" dataKey="passed" name={t('dashboard.passed')} stroke="#15803d" dot={false} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </div>
        <figcaption className="text-xs text-muted-foreground">{t('dashboard.burnUp')}</figcaption>
      </figure>
    </div>
  );
}
