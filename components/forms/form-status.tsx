import type { ActionFailure } from '@/lib/actions/result';
import { Alert } from '@/components/ui/alert';

/**
 * The outcome of the last submission that needs words, announced to screen readers: its failure, or the warning of
 * a change that was saved although what should have followed it failed.
 */
export function FormError({ failure, warning }: { failure: ActionFailure | null | undefined; warning?: string | null }) {
  if (failure) {
    return (
      <Alert variant="destructive" role="alert" data-testid="form-error">
        {failure.message}
      </Alert>
    );
  }
  if (!warning) return null;
  return (
    <Alert variant="warning" role="status" data-testid="form-warning">
      {warning}
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
