export type ActionErrorCode =
  | 'unauthenticated'
  | 'invalid'
  | 'not_found'
  | 'forbidden'
  | 'conflict'
  | 'rate_limited'
  | 'server_error';

export type ActionFailure = {
  ok: false;
  code: ActionErrorCode;
  message: string;
  fieldErrors?: Record<string, string[]>;
  /** What the person needs to resolve the failure, e.g. for a conflict the version saved meanwhile. */
  details?: unknown;
};

/**
 * A success. `warning` says that the change is saved but something meant to follow it failed (refreshing the
 * page's data, signing this browser in again): the person must not retry what already happened.
 */
export type ActionSuccess<T> = { ok: true; data: T; warning?: string };

export type ActionResult<T> = ActionSuccess<T> | ActionFailure;

/**
 * Thrown by handlers to end the transaction with a typed failure. `messageKey` names a message under `errors`
 * in the catalogues; without it the code's generic message is used.
 */
export class ActionError extends Error {
  constructor(
    readonly code: ActionErrorCode,
    readonly messageKey?: string,
    readonly fieldErrors?: Record<string, string[]>,
    readonly details?: unknown,
  ) {
    super(messageKey ?? code);
    this.name = 'ActionError';
  }
}

/**
 * A refusal whose writes must stay: the transaction commits what the handler wrote before it (a wrong password's
 * throttle counters and journal row) and the caller gets the failure. Thrown before the handler changes anything else.
 */
export class RecordedRefusal extends ActionError {
  constructor(code: ActionErrorCode, messageKey?: string, fieldErrors?: Record<string, string[]>) {
    super(code, messageKey, fieldErrors);
    this.name = 'RecordedRefusal';
  }
}

/** A wrapped server action as client components receive it (as a prop: components never import app/). */
export type Action<I, T> = (input: I) => Promise<ActionResult<T>>;
export type FormAction<T> = Action<FormData, T>;
