/// <reference lib="webworker" />
import { DensityAccumulator } from '../../../../shared/chart';
import { forEachRecordTime } from '../../../../shared/domain';
import { countIncidentLogBlocks, listIncidentLogBlocks, type BlockSpan } from '../../../db/repos/logBlocks';
import type { DensityMessage, DensityRequest } from './densityProtocol';

/*
 * Reads every raw-record block of an incident (a million records is ~1,000 blocks) off the
 * main thread and counts records per minute, impact records apart. It also returns each
 * block's time span, so the evidence viewer can fetch only the blocks an event overlaps.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const PAGE = 8;

scope.onmessage = (e: MessageEvent<DensityRequest>) => {
  void run(e.data.incidentId).then(
    (msg) => scope.postMessage(msg),
    (err: unknown) =>
      scope.postMessage({
        type: 'error',
        message: err instanceof Error ? err.message : String(err),
      } satisfies DensityMessage),
  );
};

async function run(incidentId: string): Promise<DensityMessage> {
  const blocks = await countIncidentLogBlocks(incidentId);
  const acc = new DensityAccumulator(60_000);
  const spans: BlockSpan[] = [];
  for (let offset = 0; offset < blocks; offset += PAGE) {
    const page = await listIncidentLogBlocks(incidentId, offset, PAGE);
    for (const b of page) {
      spans.push({ id: b.id, firstAt: b.firstAt, lastAt: b.lastAt });
      forEachRecordTime(b, (at, kind) => acc.add(at, kind === 'impact'));
    }
    if (page.length < PAGE) break;
    scope.postMessage({ type: 'progress', blocksRead: spans.length, blocks } satisfies DensityMessage);
  }
  return { type: 'done', density: acc.finish(), spans, records: acc.records };
}
