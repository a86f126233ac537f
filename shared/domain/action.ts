import { z } from 'zod';
import { isValidIsoDate } from '../actions/dates';
import { EpochMs, Id, isDateMs, isId, isObject, isText, Label } from './common';

export const PRIORITIES = ['P0', 'P1', 'P2', 'P3'] as const;
export const Priority = z.enum(PRIORITIES);
export type Priority = z.infer<typeof Priority>;

export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'wont-do'] as const;
export const ActionStatus = z.enum(ACTION_STATUSES);
export type ActionStatus = z.infer<typeof ActionStatus>;

export const DEFAULT_ACTION_TYPES = ['prevent', 'detect', 'mitigate', 'process', 'communication'] as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Calendar date `yyyy-MM-dd` (due dates are days, not instants). */
export const IsoDate = z
  .string()
  .regex(ISO_DATE, 'expected a date like 2026-11-26')
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

const PRIORITY_SET = new Set<unknown>(PRIORITIES);
const STATUS_SET = new Set<unknown>(ACTION_STATUSES);
const isIsoDate = (v: unknown) => typeof v === 'string' && ISO_DATE.test(v) && isValidIsoDate(v);

/**
 * The action item schema's verdict without the schema, for lists of every incident's actions
 * (the incident list counts open ones: 6,000 rows through zod were a 100 ms task at start-up).
 * A row this accepts, the schema accepts (tested field by field); a row it refuses goes to the
 * schema, which names the reason.
 */
export function isValidActionItem(row: unknown): row is ActionItem {
  if (!isObject(row)) return false;
  const r = row;
  return (
    isId(r.id) &&
    isId(r.incidentId) &&
    isText(r.title, 2_000) &&
    isText(r.description, 100_000) &&
    isText(r.owner, 200) &&
    PRIORITY_SET.has(r.priority) &&
    isText(r.type, 200) &&
    (r.dueDate === null || isIsoDate(r.dueDate)) &&
    STATUS_SET.has(r.status) &&
    isText(r.statusReason, 2_000) &&
    Array.isArray(r.causeIds) &&
    r.causeIds.every(isId) &&
    isText(r.ticketUrl, 2_000) &&
    isDateMs(r.createdAt) &&
    isDateMs(r.updatedAt) &&
    (r.completedAt === null || isDateMs(r.completedAt))
  );
}
