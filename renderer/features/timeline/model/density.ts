import type { DensitySeries } from '../../../../shared/chart';
import type { BlockSpan } from '../../../db/repos';
import type { DensityMessage, DensityRequest } from './densityProtocol';

export interface DensityResult {
  density: DensitySeries | null;
  spans: BlockSpan[];
  records: number;
}

const cache = new Map<string, Promise<DensityResult>>();
const settled = new Map<string, DensityResult>();

/**
 * Records-per-minute of an incident's raw logs, computed in a worker and cached per incident
 * and import set (`key` changes when an import is added or removed).
 */
export function loadDensity(
  incidentId: string,
  key: string,
  onProgress?: (read: number, total: number) => void,
): Promise<DensityResult> {
  const cacheKey = `${incidentId}|${key}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  const job = new Promise<DensityResult>((resolve, reject) => {
    const worker = new Worker(new URL('./density.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<DensityMessage>) => {
      const msg = e.data;
      if (msg.type === 'progress') onProgress?.(msg.blocksRead, msg.blocks);
      else {
        worker.terminate();
        if (msg.type === 'done') {
          const result = { density: msg.density, spans: msg.spans, records: msg.records };
          settled.set(cacheKey, result);
          resolve(result);
        } else reject(new Error(msg.message));
      }
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'The density worker failed to start.'));
    };
    worker.postMessage({ incidentId } satisfies DensityRequest);
  });
  job.catch(() => cache.delete(cacheKey));
  cache.set(cacheKey, job);
  return job;
}

/** The block spans of an incident from a finished density pass, or null (never waits). */
export function cachedSpans(incidentId: string, key: string): BlockSpan[] | null {
  return settled.get(`${incidentId}|${key}`)?.spans ?? null;
}
