import { BlockDensity, type ImportDensity } from '../../../../shared/chart';
import { listLogBlocks } from '../../../db/repos/logBlocks';
import type { DensityRequest } from './densityProtocol';

const PAGE = 8;

/**
 * Counts the raw records of imports whose density is not stored (imports made before it was
 * kept at import time), reading their blocks a page at a time; `onPage` reports blocks read.
 */
export async function countImportDensities(
  imports: DensityRequest['imports'],
  onPage?: (blocksRead: number) => void,
): Promise<ImportDensity[]> {
  let read = 0;
  const rows: ImportDensity[] = [];
  for (const imp of imports) {
    const density = new BlockDensity();
    for (let offset = 0; ; offset += PAGE) {
      const page = await listLogBlocks(imp.importId, offset, PAGE);
      for (const b of page) density.add(b);
      read += page.length;
      if (page.length < PAGE) break;
      onPage?.(read);
    }
    rows.push(density.result(imp));
  }
  return rows;
}
