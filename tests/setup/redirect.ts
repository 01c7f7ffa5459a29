import { getURLFromRedirectError } from 'next/dist/client/components/redirect';
import { isRedirectError } from 'next/dist/client/components/redirect-error';

/**
 * Runs an action that should end in Next's redirect (which is thrown, and must pass through the action wrapper
 * untouched) and returns the URL it redirects to.
 */
export async function redirectTarget(run: () => Promise<unknown>): Promise<string> {
  let outcome: unknown;
  try {
    outcome = await run();
  } catch (error) {
    if (isRedirectError(error)) return getURLFromRedirectError(error);
    throw error;
  }
  throw new Error(`expected a redirect, got ${JSON.stringify(outcome)}`);
}
