import { handlers } from '@/auth';

// Auth.js's own endpoints (session, CSRF token, sign-out). They are the session source the action wrapper relies
// on, so they cannot go through it; sign-in itself goes through the `signInWithPassword` action.
export const { GET, POST } = handlers;
