import { mergeDensities, type DensitySeries, type ImportDensity } from '../../../../shared/chart';
import type { BlockSpan } from '../../../db/repos';
import { listImportDensities, listImports, putImportDensities } from '../../../db/repos';
import type { DensityMessage, DensityRequest } from './densityProtocol';

export interface DensityResult {
  density: DensitySeries | null;
  spans: BlockSpan[];
  records: number;
}

const cache = new Map<string, Promise<DensityResult>>();
const settled = new Map<string, DensityResult>();

/**
 * Records-per-minute of an incident's raw logs, cached per incident and import set (`key`
 * changes when an import is added or removed). Each import's counts are stored when it is
 * made, so this reads a few small rows; an import from before that is counted once in a worker
 * (the same counts, from its raw blocks) and stored.
 */
export function loadDensity(
  incidentId: string,
  key: string,
  onProgress?: (read: number, total: number) => void,
): Promise<DensityResult> {
  const cacheKey = `${incidentId}|${key}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  const job = (async () => {
    const imports = await listImports(incidentId);
    const stored = await listImportDensities(imports);
    const have = new Set(stored.map((r) => r.importId));
    const missing = imports.filter((i) => !have.has(i.id));
    let counted: ImportDensity[] = [];
    if (missing.length > 0) {
      counted = await countInWorker(
        {
          imports: missing.map((i) => ({
            importId: i.id,
            incidentId: i.incidentId,
            importedAt: i.importedAt,
            blockCount: i.blockCount,
          })),
        },
        onProgress,
      );
      await putImportDensities(counted);
    }
    const result = mergeDensities([...stored, ...counted]);
    settled.set(cacheKey, result);
    return result;
  })();
  job.catch(() => cache.delete(cacheKey));
  cache.set(cacheKey, job);
  return job;
}

function countInWorker(
  req: DensityRequest,
  onProgress?: (read: number, total: number) => void,
): Promise<ImportDensity[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./density.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<DensityMessage>) => {
      const msg = e.data;
      if (msg.type === 'progress') onProgress?.(msg.blocksRead, msg.blocks);
      else {
        worker.terminate();
        if (msg.type === 'done') resolve(msg.rows);
        else reject(new Error(msg.message));
      }
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'The density worker failed to start.'));
    };
    worker.postMessage(req);
  });
}

/** The block spans of an incident from a finished density pass, or null (never waits). */
export function cachedSpans(incidentId: string, key: string): BlockSpan[] | null {
  return settled.get(`${incidentId}|${key}`)?.spans ?? null;
}
