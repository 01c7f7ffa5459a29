import { Link } from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import type { CriterionKey, CriterionResult, ReadinessInputs, Verdict } from '@/lib/signoff/decision';
import type { Decision } from '@/lib/signoff/readiness-model';
import { cn } from '@/lib/ui/cn';
import { criterionFinding, type CriteriaTexts } from './criterion-finding';

const VERDICT_STYLE: Record<Verdict, string> = {
  met: 'border-transparent bg-emerald-100 text-emerald-900',
  reservation: 'border-transparent bg-amber-100 text-amber-900',
  blocking: 'border-transparent bg-red-100 text-red-900',
};

const DECISION_STYLE: Record<Decision, string> = {
  go: 'border-emerald-700 bg-emerald-50 text-emerald-950',
  go_with_reservations: 'border-amber-700 bg-amber-50 text-amber-950',
  no_go: 'border-red-700 bg-red-50 text-red-950',
};

export function DecisionBanner({ decision, title, explain }: { decision: Decision; title: string; explain?: string }) {
  const t = useTranslations('readiness');
  return (
    <section className={cn('flex flex-col gap-1 rounded-lg border-2 p-4', DECISION_STYLE[decision])} data-testid="decision-banner" data-decision={decision}>
      <h2 className="text-sm font-medium">{title}</h2>
      <p className="text-2xl font-bold">{t(`decisions.${decision}`)}</p>
      {explain && <p className="text-sm">{explain}</p>}
    </section>
  );
}

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const t = useTranslations('readiness.verdicts');
  return <Badge className={VERDICT_STYLE[verdict]}>{t(verdict)}</Badge>;
}

/**
 * Every criterion with its finding, verdict and, when given, a link to the items behind it. The same view serves the
 * live release page and a frozen go / no-go record (which passes no links: its items are listed with it).
 */
export function CriteriaList({ inputs, criteria, links }: { inputs: ReadinessInputs; criteria: CriterionResult[]; links?: Partial<Record<CriterionKey, string>> }) {
  const t = useTranslations('readiness.criteria');
  const finding = (key: CriterionKey) => criterionFinding(t as CriteriaTexts, key, inputs);
  return (
    <ul className="flex flex-col divide-y rounded-lg border bg-background" data-testid="criteria">
      {criteria.map((c) => (
        <li key={c.key} className="flex flex-wrap items-center justify-between gap-2 p-3" data-testid={`criterion-${c.key}`} data-verdict={c.verdict}>
          <div className="flex min-w-0 flex-col">
            <span className="font-medium">{t(`${c.key}.label`)}</span>
            <span className="text-sm text-muted-foreground">{finding(c.key)}</span>
          </div>
          <div className="flex items-center gap-3">
            <VerdictBadge verdict={c.verdict} />
            {links?.[c.key] && (
              <Link href={links[c.key]!} className="text-sm text-primary underline-offset-4 hover:underline">
                {t('see')}
                <span className="sr-only"> : {t(`${c.key}.label`)}</span>
              </Link>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
