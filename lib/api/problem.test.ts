import { describe, expect, test } from 'vitest';
import { PROBLEM_CODES, PROBLEM_STATUS, problemDetails, problemType } from './problem';

describe('problem details (RFC 9457)', () => {
  test('carry type, title, status and code, with the detail and errors given', () => {
    expect(problemDetails('invalid', { detail: 'À corriger', errors: { name: ['Obligatoire'] } })).toEqual({
      type: '/api-docs#problem-invalid',
      title: 'The request does not match the schema',
      status: 400,
      code: 'invalid',
      detail: 'À corriger',
      errors: { name: ['Obligatoire'] },
    });
  });

  test('leave out an absent detail and empty errors', () => {
    expect(problemDetails('not_found', { errors: {} })).toEqual({ type: problemType('not_found'), title: expect.any(String), status: 404, code: 'not_found' });
  });

  test('every code has a distinct client or server error status', () => {
    const statuses = PROBLEM_CODES.map((code) => PROBLEM_STATUS[code]);
    expect(new Set(statuses).size).toBe(statuses.length);
    for (const status of statuses) expect(status).toBeGreaterThanOrEqual(400);
    expect(problemDetails('rate_limited').status).toBe(429);
    expect(problemDetails('unauthenticated').status).toBe(401);
  });
});
