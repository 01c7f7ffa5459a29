'use client';

import { ArrowDown, ArrowUp, GripVertical, Plus, Trash2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/input';
import type { TestStep } from '@/lib/recette/model';

interface DraftStep extends TestStep {
  /** Stable across moves, so React keeps each textarea (and its focus) with its step. */
  key: number;
}

/** Moves one entry of a list to another position. */
function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/**
 * The ordered steps of a test case: add, edit, delete and reorder — with the buttons, with Alt+↑ / Alt+↓ from inside
 * a step, or by dragging its handle. Every change is announced in a live region. The steps travel to the server as
 * one JSON field (`steps`).
 */
export function StepEditor({ initial, invalid }: { initial: TestStep[]; invalid?: boolean }) {
  const t = useTranslations('testCases.steps');
  const hintId = useId();
  const nextKey = useRef(initial.length);
  const [steps, setSteps] = useState<DraftStep[]>(() => initial.map((s, i) => ({ ...s, key: i })));
  const [announcement, setAnnouncement] = useState('');
  const [dragged, setDragged] = useState<number | null>(null);
  const list = useRef<HTMLOListElement>(null);

  const focusStep = (index: number, field: 'action' | 'expected' = 'action') => {
    requestAnimationFrame(() => {
      list.current?.querySelector<HTMLTextAreaElement>(`[data-step="${index}"][data-field="${field}"]`)?.focus();
    });
  };

  const move = (from: number, to: number, field?: 'action' | 'expected') => {
    if (to < 0 || to >= steps.length || from === to) return;
    setSteps((current) => moved(current, from, to));
    setAnnouncement(t('moved', { n: to + 1 }));
    if (field) focusStep(to, field);
  };

  const add = () => {
    setSteps((current) => [...current, { action: '', expected: '', key: nextKey.current++ }]);
    setAnnouncement(t('added', { n: steps.length + 1 }));
    focusStep(steps.length);
  };

  const remove = (index: number) => {
    setSteps((current) => current.filter((_, i) => i !== index));
    setAnnouncement(t('removed', { n: index + 1 }));
    if (steps.length > 1) focusStep(Math.max(0, index - 1));
  };

  const edit = (index: number, field: 'action' | 'expected', value: string) =>
    setSteps((current) => current.map((s, i) => (i === index ? { ...s, [field]: value } : s)));

  const onKeyDown = (index: number, field: 'action' | 'expected') => (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!event.altKey) return;
    if (event.key === 'ArrowUp') {
      event.preventDefault();
      move(index, index - 1, field);
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      move(index, index + 1, field);
    }
  };

  return (
    <fieldset className="flex flex-col gap-3" aria-describedby={hintId} data-testid="step-editor">
      <legend className="text-sm font-medium">{t('heading')}</legend>
      <p id={hintId} className="text-xs text-muted-foreground">
        {t('hint')}
      </p>
      <input type="hidden" name="steps" value={JSON.stringify(steps.map(({ action, expected }) => ({ action, expected })))} />
      {steps.length === 0 && <p className="rounded-md border border-dashed p-3 text-sm text-muted-foreground">{t('empty')}</p>}
      <ol ref={list} className="flex flex-col gap-3">
        {steps.map((step, index) => {
          const n = index + 1;
          return (
            <li
              key={step.key}
              className={`grid gap-2 rounded-md border bg-background p-3 md:grid-cols-[auto_1fr_1fr_auto] ${dragged === index ? 'opacity-50' : ''}`}
              data-testid={`step-${n}`}
              onDragOver={(event) => {
                if (dragged !== null) event.preventDefault();
              }}
              onDrop={(event) => {
                event.preventDefault();
                if (dragged !== null) move(dragged, index);
                setDragged(null);
              }}
            >
              <div className="flex items-start gap-1">
                <span
                  draggable
                  onDragStart={(event) => {
                    event.dataTransfer.effectAllowed = 'move';
                    event.dataTransfer.setData('text/plain', String(index));
                    setDragged(index);
                  }}
                  onDragEnd={() => setDragged(null)}
                  className="mt-1 cursor-grab text-muted-foreground"
                  title={t('drag', { n })}
                  aria-hidden="true"
                >
                  <GripVertical className="size-4" />
                </span>
                <span className="mt-1 w-6 text-sm font-medium tabular-nums">{n}.</span>
              </div>
              <Textarea
                aria-label={t('action', { n })}
                rows={2}
                value={step.action}
                maxLength={5000}
                onChange={(event) => edit(index, 'action', event.target.value)}
                onKeyDown={onKeyDown(index, 'action')}
                aria-invalid={invalid && !step.action.trim() ? true : undefined}
                data-step={index}
                data-field="action"
              />
              <Textarea
                aria-label={t('expected', { n })}
                rows={2}
                value={step.expected}
                maxLength={5000}
                onChange={(event) => edit(index, 'expected', event.target.value)}
                onKeyDown={onKeyDown(index, 'expected')}
                data-step={index}
                data-field="expected"
              />
              <div className="flex items-start gap-1">
                <Button type="button" variant="ghost" size="icon" aria-label={t('moveUp', { n })} title={t('moveUp', { n })} disabled={index === 0} onClick={() => move(index, index - 1)}>
                  <ArrowUp />
                </Button>
                <Button
                  type="button"
                  variant="ghost"
                  size="icon"
                  aria-label={t('moveDown', { n })}
                  title={t('moveDown', { n })}
                  disabled={index === steps.length - 1}
                  onClick={() => move(index, index + 1)}
                >
                  <ArrowDown />
                </Button>
                <Button type="button" variant="ghost" size="icon" aria-label={t('remove', { n })} title={t('remove', { n })} onClick={() => remove(index)}>
                  <Trash2 />
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      <div>
        <Button type="button" variant="outline" size="sm" onClick={add}>
          <Plus />
          {t('add')}
        </Button>
      </div>
      <p className="sr-only" role="status" aria-live="polite" data-testid="step-announcement">
        {announcement}
      </p>
    </fieldset>
  );
}
