import { Link } from '@/components/ui/link';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';

/** A list page's heading: its title and what it holds, with the page's own actions on the right. */
export function ListHeader({ title, intro, children }: { title: string; intro: string; children?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-3">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold">{title}</h1>
        <p className="max-w-3xl text-sm text-muted-foreground">{intro}</p>
      </div>
      {children}
    </div>
  );
}

/** The primary "new …" link of a list page. */
export function NewItemLink({ href, label }: { href: string; label: string }) {
  return (
    <Button asChild>
      <Link href={href}>{label}</Link>
    </Button>
  );
}
