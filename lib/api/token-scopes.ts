/**
 * The token form's choices, apart from the form's zod schema (token-model.ts): the client form imports these, and
 * importing them from the schema's module put zod into that page's first-load JS (31 kB gzip).
 */

/** What a token may do: `read` every GET of its project; `write` also creates (campaigns, results). */
export const API_TOKEN_SCOPES = ['read', 'write'] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/** Longest lifetime an owner can pick; no expiry is also a choice (revocation stays possible). */
export const MAX_TOKEN_DAYS = 366;
