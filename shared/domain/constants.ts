/*
 * Domain values the import pipeline needs, in a module without the schemas (zod): the CLI's
 * import path and its workers then load no schema library. log.ts and event.ts re-export them,
 * so the domain's index offers them as before.
 */

export const LOG_LEVELS = ['trace', 'debug', 'info', 'notice', 'warn', 'error', 'fatal'] as const;

/** Errors an import keeps with their file, line and reason; `errorCount` keeps the real total. */
export const MAX_STORED_ERRORS = 10_000;

/** At most this many source references are kept on one event; `count` keeps the real total. */
export const MAX_SOURCES_PER_EVENT = 50;
