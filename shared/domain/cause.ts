import { z } from 'zod';
import { EpochMs, Id, Label } from './common';

/** Built-in cause kinds; the model accepts any other label too (the list is extensible). */
export const CAUSE_KINDS = [
  'incident',
  'cause',
  'root-cause',
  'contributing-factor',
  'trigger',
  'detection-gap',
  'response-gap',
  'mitigating-factor',
] as const;
export const CauseKind = z.string().min(1).max(60);
export type CauseKind = z.infer<typeof CauseKind>;

export const Gate = z.enum(['AND', 'OR']);
export type Gate = z.infer<typeof Gate>;

export const DEFAULT_CAUSE_CATEGORIES = [
  'people',
  'process',
  'technology',
  'environment',
  'measurement',
  'materials',
] as const;

export const ReviewState = z.enum(['open', 'agreed', 'disputed']);
export type ReviewState = z.infer<typeof ReviewState>;

export const CauseNode = z.object({
  id: Id,
  incidentId: Id,
  /** null only for the top node (the incident itself, "the loss"). */
  parentId: Id.nullable(),
  /** Position among siblings; fractional values allow inserts without renumbering. */
  order: z.number().finite(),
  kind: CauseKind,
  /** How the children combine: AND = all were needed, OR = any was enough. */
  gate: Gate,
  title: z.string().max(2_000),
  /** Markdown. */
  detail: z.string().max(100_000),
  category: Label.nullable(),
  evidenceEventIds: z.array(Id),
  reviewState: ReviewState,
  createdAt: EpochMs,
  updatedAt: EpochMs,
});
export type CauseNode = z.infer<typeof CauseNode>;
