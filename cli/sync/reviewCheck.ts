import type { ReviewCheck } from './review';

/**
 * The check `rootline serve` runs on review-document changes. Until the model's
 * `checkReviewChange` (shared/sync/permissions.ts) is merged here, reviewers' changes are
 * refused and authors' accepted as they are.
 */
export const serverReviewCheck: ReviewCheck = (_before, _after, writer) =>
  writer.role === 'author'
    ? { ok: true }
    : { ok: false, reason: 'this server build cannot check reviewer changes yet' };
