import type { ImportSink } from '../types';

/** A sink that gives each line exactly one outcome, and the flush that ends the current line. */
export interface LineLedger {
  sink: ImportSink;
  /** Emits what the current line collected; call at end of input. */
  flush(): void;
}

/**
 * Makes line accounting exact for parsers that can report several outcomes for one line (a JSON
 * array of events on one line, a buffered document whose pieces share a line, `{]!` failing
 * first as a line and then as a document). Outcomes for one line must arrive consecutively,
 * which both JSON paths guarantee; they are held until another line starts, then:
 * - any error: the line counts as one error (the first reason, plus how many more there were),
 *   and the records it still produced are kept — a good event in a batch is not thrown away;
 * - otherwise any records: a record line (a batch of N is N records on one record line);
 * - otherwise: one skip.
 * So for every file: lines = error lines + record lines + skipped lines.
 */
export function createLineLedger(target: ImportSink): LineLedger {
  let line = -1;
  // Nearly every line has one record: keep it in a variable, the rare others in `more`.
  let first: Parameters<ImportSink['record']>[0] | null = null;
  const more: Parameters<ImportSink['record']>[0][] = [];
  let firstError: string | null = null;
  let moreErrors = 0;
  let skipped = false;

  const flush = (): void => {
    if (line < 0) return;
    if (firstError !== null) {
      const extra =
        moreErrors > 0 ? ` (and ${moreErrors} more problem${moreErrors === 1 ? '' : 's'} on this line)` : '';
      target.error(line, firstError + extra);
    } else if (first === null && skipped) target.skip(line);
    if (first !== null) {
      target.record(first);
      first = null;
      if (more.length > 0) {
        for (const r of more) target.record(r);
        more.length = 0;
      }
    }
    line = -1;
    firstError = null;
    moreErrors = 0;
    skipped = false;
  };
  const at = (lineNo: number): void => {
    if (lineNo !== line) {
      flush();
      line = lineNo;
    }
  };

  return {
    flush,
    sink: {
      record(record) {
        at(record.source.line);
        if (first === null) first = record;
        else more.push(record);
      },
      error(lineNo, reason) {
        at(lineNo);
        if (firstError === null) firstError = reason;
        else moreErrors++;
      },
      skip(lineNo) {
        at(lineNo);
        skipped = true;
      },
    },
  };
}
