import NextLink from 'next/link';
import type { ComponentProps } from 'react';

/**
 * The app's links: `next/link` without prefetching, unless a link asks for it. Every page here is dynamic (it reads
 * the session), so Next.js prefetches no page content for them; it still asked the server for the route tree of
 * every link that scrolled into view, and on a list of 50 rows that cost 6–8 times the page itself (a 100 ms page,
 * then 630–810 ms of server CPU for ~50 prefetches, measured on the large project). A click fetches the page in one
 * request either way.
 */
export function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
