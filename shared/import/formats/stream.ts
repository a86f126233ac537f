import type { LineParser, ParseContext, SplitRule } from '../types';
import { notJson, splitJsonValues, tryParse } from './json';
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
    else ctx.sink.error(piece.line, notJson(piece.text, parsed.error, piece.line));
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
export function jsonStreamParser(outer: ParseContext, onValue: OnJsonValue, resume = false): LineParser {
  const ledger = createLineLedger(outer.sink);
  const ctx: ParseContext = { ...outer, sink: ledger.sink };
  // A resumed segment (parallel import) is mid-file: the file was already judged to be lines.
  let mode: 'start' | 'lines' | 'buffer' = resume ? 'lines' : 'start';
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
      let error: unknown = null;
      try {
        value = JSON.parse(text) as unknown;
      } catch (e) {
        ok = false;
        error = e;
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
      ctx.sink.error(lineNo, notJson(text, error));
    },
    end() {
      if (mode === 'buffer') feedJsonDocument(buffer.join('\n'), ctx, onValue, bufferStart, buffer.length);
      buffer.length = 0;
      ledger.flush();
    },
  };
}

/**
 * The split rule of a JSON-lines format: any line may begin a segment once the file's first
 * value is known to be one complete line that is not an array (otherwise the file is one
 * document, read by one parser). `parser(ctx, resume)` makes the format's line parser.
 */
export function jsonLinesSplit(
  head: string,
  parser: (ctx: ParseContext, resume: boolean) => LineParser,
): SplitRule | null {
  let start = 0;
  for (;;) {
    const end = head.indexOf('\n', start);
    // The head may end inside the first value: then it cannot be judged here.
    if (end < 0) return null;
    const line = head.slice(start, head.charCodeAt(end - 1) === 13 ? end - 1 : end);
    start = end + 1;
    // A lone \r also ends a line for the splitter: leave such files to one parser.
    if (line.includes('\r')) return null;
    if (isBlank(line) || isComment(line)) continue;
    const first = line.trimStart().charCodeAt(0);
    if (first === 91) return null;
    if (first === 123 && !tryParse(line).ok && !line.trimEnd().endsWith('}')) return null;
    return { startsAt: () => true, resume: (ctx) => parser(ctx, true) };
  }
}
