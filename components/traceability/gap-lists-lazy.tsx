'use client';

import dynamic from 'next/dynamic';

/**
 * The traceability page's gap lists, each in the chunk of its own tab: the page shows one view at a time, and
 * importing them statically put every list into the matrix view's first-load JS. Still rendered on the server, so
 * the list is in the HTML from the start.
 */
export const UncoveredRequirementsList = dynamic(() => import('./gap-lists').then((m) => m.UncoveredRequirementsList));
export const OrphanSpecificationsList = dynamic(() => import('./gap-lists').then((m) => m.OrphanSpecificationsList));
export const SuspectLinksList = dynamic(() => import('./gap-lists').then((m) => m.SuspectLinksList));
