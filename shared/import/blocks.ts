import { LOG_BLOCK_SIZE, type LogBlock, type LogRecord } from '../domain';

/**
 * Groups a stream of records into storage blocks of `size` records (one IndexedDB row each).
 * Block ids derive from the import id and position, so re-importing a file rewrites the same rows.
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
    let firstAt = Infinity;
    let lastAt = -Infinity;
    for (const r of records) {
      if (r.at < firstAt) firstAt = r.at;
      if (r.at > lastAt) lastAt = r.at;
    }
    opts.onBlock({
      id: `${opts.importId}:${String(seq).padStart(6, '0')}`,
      importId: opts.importId,
      incidentId: opts.incidentId,
      seq,
      firstAt,
      lastAt,
      records,
    });
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
