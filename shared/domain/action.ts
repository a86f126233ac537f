import { z } from 'zod';
import { isValidIsoDate } from '../actions/dates';
import { EpochMs, Id, Label } from './common';

export const PRIORITIES = ['P0', 'P1', 'P2', 'P3'] as const;
export const Priority = z.enum(PRIORITIES);
export type Priority = z.infer<typeof Priority>;

export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'wont-do'] as const;
export const ActionStatus = z.enum(ACTION_STATUSES);
export type ActionStatus = z.infer<typeof ActionStatus>;

export const DEFAULT_ACTION_TYPES = ['prevent', 'detect', 'mitigate', 'process', 'communication'] as const;

/** Calendar date `yyyy-MM-dd` (due dates are days, not instants). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2026-11-26')
  .refine(isValidIsoDate, 'not a date on the calendar (expected a date like 2026-11-26)');

export const ActionItem = z.object({
  id: Id,
  incidentId: Id,
  title: z.string().max(2_000),
  /** Markdown. */
  description: z.string().max(100_000),
  owner: Label,
  priority: Priority,
  type: Label,
  dueDate: IsoDate.nullable(),
  status: ActionStatus,
  /** Why it was closed as won't do (or other status note). */
  statusReason: z.string().max(2_000),
  causeIds: z.array(Id),
  ticketUrl: z.string().max(2_000),
  createdAt: EpochMs,
  updatedAt: EpochMs,
  completedAt: EpochMs.nullable(),
});
export type ActionItem = z.infer<typeof ActionItem>;
