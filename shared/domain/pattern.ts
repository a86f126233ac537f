import { z } from 'zod';
import { EpochMs, Id } from './common';
import { LogLevel } from './log';

/**
 * A message pattern mined from one import batch (shared/patterns): the template its records
 * share, how many, when, where, and the timeline events that hold them. Derived data: stored
 * beside the import it came from and removed with it.
 */
export const LogPattern = z.object({
  /** Incident-scoped row id. */
  id: Id,
  incidentId: Id,
  /** The batch's first import (where its findings live too). */
  importId: Id,
  /** `pat-…`: the same template gets the same key in every import. */
  patternKey: z.string(),
  template: z.string(),
  count: z.number().int().nonnegative(),
  level: LogLevel.nullable(),
  firstAt: EpochMs,
  lastAt: EpochMs,
  files: z.array(z.string()),
  /** Records per equal time slice of the batch's whole time range (the sparkline). */
  histogram: z.array(z.number().int().nonnegative()),
  /** The batch's time range the histogram covers. */
  rangeFromAt: EpochMs,
  rangeToAt: EpochMs,
  eventIds: z.array(Id),
});
export type LogPattern = z.infer<typeof LogPattern>;
