'use client';

import dynamic from 'next/dynamic';

/**
 * The charts load after the page (recharts is ~470 kB before compression): the campaign page's first load stays
 * as light as the others, and the numbers beside the charts are there from the start. Same-height placeholders
 * keep the layout still while they arrive.
 */
export const CampaignChartsLazy = dynamic(() => import('./campaign-charts').then((m) => m.CampaignCharts), {
  ssr: false,
  loading: () => <div className="grid h-56 gap-4 lg:grid-cols-2" aria-hidden="true" />,
});
