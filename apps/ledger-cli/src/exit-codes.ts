/** Meaningful exit codes for scripts: 0 ok, 1 something was rejected or found broken, 2 usage. */
export const EXIT = { OK: 0, REJECTED: 1, USAGE: 2 } as const;
