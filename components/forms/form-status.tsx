import type { ActionFailure } from '@/lib/actions/result';
import { Alert } from '@/components/ui/alert';

/** The failure message of the last submission, announced to screen readers. */
export function FormError({ failure }: { failure: ActionFailure | null | undefined }) {
  if (!failure) return null;
  return (
    <Alert variant="destructive" role="alert" data-testid="form-error">
      {failure.message}
    </Alert>
  );
}

export function FieldError({ failure, field }: { failure: ActionFailure | null | undefined; field: string }) {
  const messages = failure?.fieldErrors?.[field];
  if (!messages?.length) return null;
  return (
    <p className="text-xs text-destructive" id={`${field}-error`} data-testid={`${field}-error`}>
      {messages.join(' ')}
    </p>
  );
}
