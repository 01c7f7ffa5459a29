'use client';

import { Plus, Trash2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input, NativeSelect } from '@/components/ui/input';
import { THRESHOLD_DIRECTIONS, type PerformanceCriterion, type ThresholdDirection } from '@/lib/recette/model';

type DraftCriterion = Omit<PerformanceCriterion, 'threshold'> & { threshold: string };

/** The measurable criteria of a performance test case, sent as one JSON field (`criteria`). */
export function CriteriaEditor({ initial }: { initial: PerformanceCriterion[] }) {
  const t = useTranslations('testCases');
  const hintId = useId();
  const [criteria, setCriteria] = useState<DraftCriterion[]>(() => initial.map((c) => ({ ...c, threshold: String(c.threshold) })));
  const edit = (index: number, patch: Partial<DraftCriterion>) =>
    setCriteria((current) => current.map((c, i) => (i === index ? { ...c, ...patch } : c)));

  return (
    <fieldset className="flex flex-col gap-3" aria-describedby={hintId} data-testid="criteria-editor">
      <legend className="text-sm font-medium">{t('fields.criteria')}</legend>
      <p id={hintId} className="text-xs text-muted-foreground">
        {t('criteria.hint')}
      </p>
      <input type="hidden" name="criteria" value={JSON.stringify(criteria)} />
      {criteria.map((criterion, index) => {
        const n = index + 1;
        return (
          <div key={index} className="grid gap-2 rounded-md border bg-background p-3 sm:grid-cols-[2fr_1fr_1fr_1fr_auto]">
            <Input aria-label={t('criteria.metric', { n })} value={criterion.metric} maxLength={200} onChange={(e) => edit(index, { metric: e.target.value })} />
            <NativeSelect
              aria-label={t('criteria.direction', { n })}
              value={criterion.direction}
              onChange={(e) => edit(index, { direction: e.target.value as ThresholdDirection })}
            >
              {THRESHOLD_DIRECTIONS.map((d) => (
                <option key={d} value={d}>
                  {t(`directions.${d}`)}
                </option>
              ))}
            </NativeSelect>
            <Input
              aria-label={t('criteria.threshold', { n })}
              inputMode="decimal"
              value={criterion.threshold}
              onChange={(e) => edit(index, { threshold: e.target.value.replace(',', '.') })}
            />
            <Input aria-label={t('criteria.unit', { n })} value={criterion.unit} maxLength={40} onChange={(e) => edit(index, { unit: e.target.value })} />
            <Button
              type="button"
              variant="ghost"
              size="icon"
              aria-label={t('criteria.remove', { n })}
              title={t('criteria.remove', { n })}
              onClick={() => setCriteria((current) => current.filter((_, i) => i !== index))}
            >
              <Trash2 />
            </Button>
          </div>
        );
      })}
      <div>
        <Button
          type="button"
          variant="outline"
          size="sm"
          onClick={() => setCriteria((current) => [...current, { metric: '', unit: '', threshold: '', direction: 'at_most' }])}
        >
          <Plus />
          {t('criteria.add')}
        </Button>
      </div>
    </fieldset>
  );
}
