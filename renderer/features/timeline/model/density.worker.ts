/// <reference lib="webworker" />
import { countImportDensities } from './countDensities';
import type { DensityMessage, DensityRequest } from './densityProtocol';

/*
 * Counts the raw records of imports whose density is not stored yet (imports made before it
 * was kept at import time), off the main thread: a million records is ~1,000 blocks. The rows
 * it returns are stored, so this happens once per import.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (e: MessageEvent<DensityRequest>) => {
  void run(e.data).then(
    (msg) => scope.postMessage(msg),
    (err: unknown) =>
      scope.postMessage({
        type: 'error',
        message: err instanceof Error ? err.message : String(err),
      } satisfies DensityMessage),
  );
};

async function run(req: DensityRequest): Promise<DensityMessage> {
  const blocks = req.imports.reduce((n, i) => n + i.blockCount, 0);
  const rows = await countImportDensities(req.imports, (blocksRead) =>
    scope.postMessage({ type: 'progress', blocksRead, blocks } satisfies DensityMessage),
  );
  return { type: 'done', rows };
}
