/**
 * RFC 9457 problem details for the REST API (`application/problem+json`). `type` is a relative URI, resolved
 * against the request's, naming the entry of the API reference page that explains the problem; `code` is the same
 * stable word as the app's action results, so a client can branch on it without parsing `type`.
 */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const PROBLEM_CODES = [
  'unauthenticated',
  'invalid',
  'not_found',
  'forbidden',
  'conflict',
  'unsupported_media_type',
  'payload_too_large',
  'rate_limited',
  'server_error',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export const PROBLEM_STATUS: Record<ProblemCode, number> = {
  unauthenticated: 401,
  invalid: 400,
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  unsupported_media_type: 415,
  payload_too_large: 413,
  rate_limited: 429,
  server_error: 500,
};

/** Titles stay the same for every occurrence of a type (RFC 9457 §3.1.3); `detail` says what happened this time. */
export const PROBLEM_TITLES: Record<ProblemCode, string> = {
  unauthenticated: 'Missing, unknown, revoked or expired API token',
  invalid: 'The request does not match the schema',
  not_found: 'No such resource for this token',
  forbidden: 'The token’s scope does not allow this',
  conflict: 'The resource changed or is in a state that refuses this',
  unsupported_media_type: 'Unsupported request body type',
  payload_too_large: 'Request body too large',
  rate_limited: 'Too many requests for this token',
  server_error: 'Internal error',
};

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  code: ProblemCode;
  detail?: string;
  /** Field → messages, for `invalid` (the request's path in the body or query string, dot-separated). */
  errors?: Record<string, string[]>;
}

export function problemType(code: ProblemCode): string {
  return `/api-docs#problem-${code}`;
}

export function problemDetails(code: ProblemCode, extra: { detail?: string; errors?: Record<string, string[]> } = {}): ProblemDetails {
  return {
    type: problemType(code),
    title: PROBLEM_TITLES[code],
    status: PROBLEM_STATUS[code],
    code,
    ...(extra.detail !== undefined && { detail: extra.detail }),
    ...(extra.errors && Object.keys(extra.errors).length > 0 && { errors: extra.errors }),
  };
}
