import { z } from 'zod';
import { EpochMs, Id } from './common';

export const COMMENT_TARGET_TYPES = ['incident', 'cause', 'event', 'action', 'section'] as const;
export const CommentTargetType = z.enum(COMMENT_TARGET_TYPES);
export type CommentTargetType = z.infer<typeof CommentTargetType>;

/** A reviewer comment. A thread is a root comment (parentId null) plus its replies. */
export const Comment = z.object({
  id: Id,
  incidentId: Id,
  targetType: CommentTargetType,
  targetId: Id,
  parentId: Id.nullable(),
  author: z.string().min(1).max(200),
  /** Markdown. */
  body: z.string().max(100_000),
  createdAt: EpochMs,
  editedAt: EpochMs.nullable(),
  /** Only meaningful on a thread's root comment. */
  resolved: z.boolean(),
  resolvedAt: EpochMs.nullable(),
  resolvedBy: z.string().nullable(),
});
export type Comment = z.infer<typeof Comment>;
