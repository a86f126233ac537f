import { LOG_BLOCK_SIZE, packLogBlock, type LogBlock, type LogRecord } from '../domain';
import { logBlockId } from './blockStore';

/**
 * Groups a stream of records into storage blocks of `size` records (one IndexedDB row each),
 * packed by column. Block ids derive from the import id and position ({@link logBlockId}), so
 * re-importing a file rewrites the same rows.
 */
export function createBlockBuilder(opts: {
  importId: string;
  incidentId: string;
  onBlock: (block: LogBlock) => void;
  size?: number;
}): { add(record: LogRecord): void; flush(): void; readonly blockCount: number } {
  const size = opts.size ?? LOG_BLOCK_SIZE;
  let records: LogRecord[] = [];
  let seq = 0;
  const emit = (): void => {
    if (records.length === 0) return;
    const head = {
      id: logBlockId(opts.importId, seq),
      importId: opts.importId,
      incidentId: opts.incidentId,
      seq,
    };
    opts.onBlock(packLogBlock(head, records));
    seq += 1;
    records = [];
  };
  return {
    add(record) {
      records.push(record);
      if (records.length >= size) emit();
    },
    flush: emit,
    get blockCount() {
      return seq;
    },
  };
}
