import { Link } from '@/components/ui/link';
import { Button } from './button';

/** Previous / next links under a paginated list, with where the reader is; nothing when everything fits on one page. */
export function PageNav({
  page,
  pages,
  href,
  labels,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
  labels: { nav: string; pageOf: string; previous: string; next: string };
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={labels.nav} className="flex items-center justify-end gap-3 text-sm">
      <span className="text-muted-foreground">{labels.pageOf}</span>
      {page > 1 ? (
        <Button asChild variant="outline" size="sm">
          <Link href={href(page - 1)} rel="prev">
            {labels.previous}
          </Link>
        </Button>
      ) : (
        <Button variant="outline" size="sm" disabled>
          {labels.previous}
        </Button>
      )}
      {page < pages ? (
        <Button asChild variant="outline" size="sm">
          <Link href={href(page + 1)} rel="next">
            {labels.next}
          </Link>
        </Button>
      ) : (
        <Button variant="outline" size="sm" disabled>
          {labels.next}
        </Button>
      )}
    </nav>
  );
}
