/** One-time links to choose a password: valid a week, single use. */
export const SETUP_LINK_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export function setupLinkPath(token: string): string {
  return `/set-password/${token}`;
}
