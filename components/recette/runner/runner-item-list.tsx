import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import type { RunnerItem } from '@/lib/recette/execution-view';
import { cn } from '@/lib/ui/cn';

/** The campaign's tests beside the runner: state of the latest run, "à retester", and mine. */
export function RunnerItemList({ items, currentId, base, me }: { items: RunnerItem[]; currentId: string | null; base: string; me: string }) {
  const t = useTranslations('runner');
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
    </nav>
  );
}
