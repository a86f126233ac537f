import type { ImportDensity } from '../../../../shared/chart';

/** The imports whose density is not stored yet (made before densities were kept). */
export interface DensityRequest {
  imports: Pick<ImportDensity, 'importId' | 'incidentId' | 'importedAt' | 'blockCount'>[];
}

export type DensityMessage =
  | { type: 'progress'; blocksRead: number; blocks: number }
  | { type: 'done'; rows: ImportDensity[] }
  | { type: 'error'; message: string };
