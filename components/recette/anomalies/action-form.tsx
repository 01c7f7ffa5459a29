'use client';

import type { ReactNode } from 'react';
import { useRef } from 'react';
import { FieldError, FormError } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import type { FormAction } from '@/lib/actions/result';

/**
 * A small form on the anomaly page (move, assign, comment, link) bound to its server action: the fields come from
 * the server page as children, the failure is announced, and a success clears what was typed (the page refreshes
 * through the action's revalidation).
 */
export function AnomalyActionForm({
  action,
  hidden,
  children,
  fieldErrorsFor = [],
  testId,
  className,
}: {
  action: FormAction<unknown>;
  hidden: Record<string, string | number>;
  children: ReactNode;
  /** Fields whose own error is shown under the form (e.g. the reason of a status change). */
  fieldErrorsFor?: string[];
  testId: string;
  className?: string;
}) {
  const ref = useRef<HTMLFormElement>(null);
  const { failure, formAction } = useActionForm(action, { onSuccess: () => ref.current?.reset() });
  return (
    <form ref={ref} action={formAction} className={className ?? 'flex flex-col gap-3'} data-testid={testId}>
      <FormError failure={failure} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      {fieldErrorsFor.map((field) => (
        <FieldError key={field} failure={failure} field={field} />
      ))}
    </form>
  );
}
