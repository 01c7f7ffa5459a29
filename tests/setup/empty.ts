// Stands in for `server-only`, whose only job is to throw outside the react-server condition.
export {};
