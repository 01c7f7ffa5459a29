import { AuthError, CredentialsSignin } from 'next-auth';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';

/**
 * Auth.js hands every failure to the configured logger, a wrong password included. The production build minifies
 * class names, so `error.name` of a CredentialsSignin is whatever the minifier chose: the filter must not use it.
 */
let logError: (error: Error) => void;

beforeAll(async () => {
  vi.stubEnv('AUTH_SECRET', 'secret-de-test-pour-le-journal-des-erreurs');
  const { authConfig } = await import('@/auth.config');
  logError = authConfig.logger.error;
});

afterEach(() => {
  vi.unstubAllEnvs();
});

/** A CredentialsSignin as the minified build makes it: `this.name = this.constructor.name` gives a mangled name. */
function minifiedCredentialsSignin(): Error {
  const error = new CredentialsSignin();
  error.name = 'e';
  return error;
}

describe('the Auth.js logger', () => {
  test('a failed sign-in logs nothing at error level, minified or not', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    logError(new CredentialsSignin());
    logError(minifiedCredentialsSignin());
    expect(consoleError).not.toHaveBeenCalled();
  });

  test('a real error still logs', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    logError(new AuthError('connexion à la base refusée'));
    logError(new Error('autre panne'));
    expect(consoleError).toHaveBeenCalledTimes(2);
    expect(consoleError.mock.calls[0]!.join(' ')).toContain('[auth]');
  });
});
