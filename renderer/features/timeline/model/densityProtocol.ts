import type { DensitySeries } from '../../../../shared/chart';
import type { BlockSpan } from '../../../db/repos';

export interface DensityRequest {
  incidentId: string;
}

export type DensityMessage =
  | { type: 'progress'; blocksRead: number; blocks: number }
  | { type: 'done'; density: DensitySeries | null; spans: BlockSpan[]; records: number }
  | { type: 'error'; message: string };
