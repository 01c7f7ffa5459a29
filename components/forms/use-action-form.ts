'use client';

import { startTransition, useActionState, type FormEvent } from 'react';
import type { ActionFailure, ActionResult } from '@/lib/actions/result';

interface FormState<T> {
  failure: ActionFailure | null;
  data: T | null;
  /** Saved, but a follow-up failed (see ActionSuccess). */
  warning: string | null;
  /** What was typed, so a refused submission loses nothing (React resets forms to their default values). */
  values: Record<string, string>;
}

function typedValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string' && !/password|confirmation/i.test(key)) values[key] = value;
  }
  return values;
}

/**
 * Binds a wrapped server action to a <form>: keeps the last failure (for FormError / FieldError), the values typed
 * (use them as `defaultValue`), and calls `onSuccess` with the data of a successful submission.
 */
export function useActionForm<T>(
  action: (input: FormData) => Promise<ActionResult<T>>,
  options: { onSuccess?: (data: T) => void; initialValues?: Record<string, string> } = {},
) {
  const [state, formAction, pending] = useActionState(
    async (_previous: FormState<T>, form: FormData): Promise<FormState<T>> => {
      const values = typedValues(form);
      const result = await action(form);
      if (!result.ok) return { failure: result, data: null, warning: null, values };
      options.onSuccess?.(result.data);
      return { failure: null, data: result.data, warning: result.warning ?? null, values };
    },
    { failure: null, data: null, warning: null, values: options.initialValues ?? {} },
  );
  /**
   * For `onSubmit`, on forms whose choices live in React state (checkboxes, radios): React resets a form passed to
   * `action` after every submission, which unticks controlled inputs without a re-render, so a refused submission
   * would show choices other than those held. Submitting from here skips that reset; `action` stays for no-JS.
   */
  const submitWithoutReset = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(form));
  };
  return { ...state, formAction, submitWithoutReset, pending };
}
