import type { LineParser, ParseContext } from '../types';
import { splitJsonValues, tryParse } from './json';
import { createLineLedger } from './ledger';
import { isBlank, isComment } from './record';

/**
 * Called with each JSON value, the 1-based line it starts on and the context to report through
 * (for the streaming parser, one whose sink keeps line accounting exact — use it, not the outer one).
 */
export type OnJsonValue = (value: unknown, lineNo: number, ctx: ParseContext) => void;

/**
 * Feeds each value of a JSON document (a single value, a top-level array's elements, or
 * concatenated pretty-printed values) to `onValue`. Each piece is parsed on its own so one bad
 * element is one error, not a lost file. Lines where no value starts count as skipped.
 */
export function feedJsonDocument(
  text: string,
  ctx: ParseContext,
  onValue: OnJsonValue,
  firstLine = 1,
  lineCount: number | null = null,
): void {
  const pieces = splitJsonValues(text, firstLine);
  const started = new Set<number>();
  for (const piece of pieces) {
    started.add(piece.line);
    const parsed = tryParse(piece.text);
    if (parsed.ok) onValue(parsed.value, piece.line, ctx);
    else ctx.sink.error(piece.line, `not valid JSON (${parsed.reason})`);
  }
  let lines = lineCount ?? 1;
  if (lineCount === null) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
    if (text.length === 0 || text.charCodeAt(text.length - 1) === 10) lines--;
  }
  for (let l = firstLine; l < firstLine + lines; l++) if (!started.has(l)) ctx.sink.skip(l);
}

/**
 * A LineParser for JSON that streams JSONL one line at a time but also accepts a whole
 * document: when the first non-blank line opens an array, or opens an object that does not
 * close on that line, the rest of the file is buffered and read as one document at `end()`.
 * Every line ends with exactly one outcome (see createLineLedger); `onValue` gets the context
 * whose sink does that bookkeeping.
 */
export function jsonStreamParser(outer: ParseContext, onValue: OnJsonValue): LineParser {
  const ledger = createLineLedger(outer.sink);
  const ctx: ParseContext = { ...outer, sink: ledger.sink };
  let mode: 'start' | 'lines' | 'buffer' = 'start';
  const buffer: string[] = [];
  let bufferStart = 0;

  const startBuffer = (text: string, lineNo: number): void => {
    mode = 'buffer';
    bufferStart = lineNo;
    buffer.push(text);
  };

  return {
    line(text, lineNo) {
      if (mode === 'buffer') {
        buffer.push(text);
        return;
      }
      if (isBlank(text) || isComment(text)) {
        ctx.sink.skip(lineNo);
        return;
      }
      let k = 0;
      while (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9) k++;
      const first = text.charCodeAt(k);
      if (mode === 'start' && first === 91) {
        startBuffer(text, lineNo);
        return;
      }
      // Hot path: a bare try/catch around JSON.parse, no result object per line.
      let value: unknown;
      let ok = true;
      let reason = '';
      try {
        value = JSON.parse(text) as unknown;
      } catch (e) {
        ok = false;
        reason = e instanceof Error ? e.message : String(e);
      }
      if (ok) {
        mode = 'lines';
        onValue(value, lineNo, ctx);
        return;
      }
      if (mode === 'start' && first === 123 && !text.trimEnd().endsWith('}')) {
        startBuffer(text, lineNo);
        return;
      }
      mode = 'lines';
      ctx.sink.error(lineNo, `not valid JSON (${reason})`);
    },
    end() {
      if (mode === 'buffer') feedJsonDocument(buffer.join('\n'), ctx, onValue, bufferStart, buffer.length);
      buffer.length = 0;
      ledger.flush();
    },
  };
}
