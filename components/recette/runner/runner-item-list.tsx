import { Link } from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { PageNav } from '@/components/ui/page-nav';
import type { RunnerItem } from '@/lib/recette/execution-view';
import { cn } from '@/lib/ui/cn';

/**
 * The campaign's tests beside the runner (one window of them, from runnerListWindow): state of the latest run,
 * "à retester", and mine; the window's links keep the current test open.
 */
export function RunnerItemList({
  items,
  window,
  currentId,
  base,
  me,
}: {
  items: RunnerItem[];
  window: { page: number; pages: number; from: number; to: number; total: number };
  currentId: string | null;
  base: string;
  me: string;
}) {
  const t = useTranslations('runner');
  const listHref = (page: number) => `${base}/run?${currentId ? `item=${currentId}&` : ''}list=${page}`;
  return (
    <nav aria-label={t('items')} className="rounded-md border">
      <h2 className="border-b px-3 py-2 text-sm font-semibold">{t('items')}</h2>
      <ol className="flex flex-col" data-testid="runner-items">
        {items.map((item) => {
          const state = item.notRun ? 'notRun' : (item.lastStatus ?? 'never');
          return (
            <li key={item.id}>
              <Link
                href={`${base}/run?item=${item.id}`}
                aria-current={item.id === currentId ? 'page' : undefined}
                className={cn('flex flex-col gap-1 px-3 py-2 text-sm hover:bg-accent', item.id === currentId && 'bg-accent font-medium')}
                data-testid="runner-item"
              >
                <span>
                  <span className="font-mono text-muted-foreground">CT-{item.testCaseNumber}</span> {item.title}
                </span>
                <span className="flex flex-wrap gap-1">
                  <Badge variant="outline" data-testid="runner-item-state">
                    {t(`itemStates.${state}`)}
                  </Badge>
                  {item.toRetest && <Badge variant="secondary">{t('toRetest')}</Badge>}
                  {item.assigneeId === me && <Badge variant="secondary">{t('assignedToMe')}</Badge>}
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
      <div className="border-t px-3 py-2 empty:hidden">
        <PageNav
          page={window.page}
          pages={window.pages}
          href={listHref}
          labels={{ nav: t('listPages.pagination'), pageOf: t('listPages.pageOf', window), previous: t('listPages.previous'), next: t('listPages.next') }}
        />
      </div>
    </nav>
  );
}
