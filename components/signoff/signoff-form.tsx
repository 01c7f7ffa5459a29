'use client';

import type { ReactNode } from 'react';
import { useRef } from 'react';
import { FieldError, FormError } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import type { FormAction } from '@/lib/actions/result';

/**
 * A small sign-off form (comment, request, baseline, lifting, revocation) bound to its server action: the fields
 * come from the server page as children, the failure is announced and keeps what was typed (choices included), a
 * success clears it and says so.
 */
export function SignoffForm({
  action,
  hidden,
  children,
  fieldErrorsFor = [],
  testId,
  className,
  done,
}: {
  action: FormAction<unknown>;
  hidden: Record<string, string | number>;
  children: ReactNode;
  fieldErrorsFor?: string[];
  testId: string;
  className?: string;
  /** Said (politely) after a success. */
  done?: string;
}) {
  const ref = useRef<HTMLFormElement>(null);
  const { failure, data, formAction, submitWithoutReset } = useActionForm(action, { onSuccess: () => ref.current?.reset() });
  return (
    <form ref={ref} action={formAction} onSubmit={submitWithoutReset} className={className ?? 'flex flex-col gap-3'} data-testid={testId}>
      <FormError failure={failure} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      {fieldErrorsFor.map((field) => (
        <FieldError key={field} failure={failure} field={field} />
      ))}
      {done && data !== null && !failure && (
        <p role="status" className="text-sm text-emerald-800" data-testid={`${testId}-done`}>
          {done}
        </p>
      )}
    </form>
  );
}
