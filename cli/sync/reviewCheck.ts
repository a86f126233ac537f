import { checkReviewChange } from '../../shared/sync/permissions';
import type { ReviewCheck } from './review';

/**
 * The check `rootline serve` runs on every change to a review document: the model's rules
 * (docs/sync-design.md, "Access"), the same the app runs before it writes.
 */
export const serverReviewCheck: ReviewCheck = (before, after, writer) =>
  checkReviewChange(before, after, writer.name, writer.role);
