/** Default longest line kept (chars): longer ones are reported, not buffered without bound. */
export const MAX_LINE_LENGTH = 1024 * 1024;

export interface LineSplitter {
  push(chunk: string): void;
  /** Flushes the last line (a file need not end with a newline). */
  end(): void;
}

export interface LineSplitterOptions {
  maxLength?: number;
  /** Called instead of `onLine` for a line longer than `maxLength`, with its real length. */
  onTooLong?: (lineNo: number, length: number) => void;
  /** Drop a byte-order mark at the start (default). False for text that begins mid-file. */
  bom?: boolean;
}

/**
 * Streaming line splitter: `\n`, `\r\n` and lone `\r` all end a line, a leading BOM is dropped,
 * and chunks may split anywhere (even between `\r` and `\n`). Line numbers are 1-based.
 * A line longer than `maxLength` is not buffered: it goes to `onTooLong` (or is dropped when no
 * callback is given) and still takes its line number.
 */
export function createLineSplitter(
  onLine: (text: string, lineNo: number) => void,
  options: LineSplitterOptions = {},
): LineSplitter {
  const maxLength = options.maxLength ?? MAX_LINE_LENGTH;
  const onTooLong = options.onTooLong;
  let carry = '';
  let carryLength = 0;
  let overflow = false;
  let lineNo = 0;
  let first = options.bom ?? true;
  let pendingCr = false;

  function emit(text: string): void {
    lineNo++;
    if (overflow) {
      onTooLong?.(lineNo, carryLength);
    } else {
      onLine(text, lineNo);
    }
    carry = '';
    carryLength = 0;
    overflow = false;
  }

  function append(part: string): void {
    if (part.length === 0) return;
    carryLength += part.length;
    if (overflow) return;
    if (carryLength > maxLength) {
      overflow = true;
      carry = '';
      return;
    }
    carry = carry.length === 0 ? part : carry + part;
  }

  return {
    push(chunk: string): void {
      let s = chunk;
      // An empty chunk must not clear a pending \r (its \n may come in the next one).
      if (s.length === 0) return;
      if (first) {
        first = false;
        if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
      }
      let start = 0;
      if (pendingCr) {
        pendingCr = false;
        if (s.charCodeAt(0) === 10) start = 1;
      }
      const n = s.length;
      // Most logs have no \r at all: jump between \n with indexOf (native, far faster than a
      // per-character loop) and fall back to the careful scan only when a \r appears.
      if (s.indexOf('\r', start) < 0) {
        for (let i = s.indexOf('\n', start); i >= 0; i = s.indexOf('\n', start)) {
          const part = s.slice(start, i);
          if (carryLength === 0 && part.length <= maxLength) {
            carryLength = part.length;
            carry = part;
          } else {
            append(part);
          }
          emit(carry);
          start = i + 1;
        }
        if (start < n) append(s.slice(start));
        return;
      }
      for (let i = start; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c !== 10 && c !== 13) continue;
        const part = s.slice(start, i);
        if (carry.length === 0 && !overflow && part.length <= maxLength && carryLength === 0) {
          carryLength = part.length;
          carry = part;
        } else {
          append(part);
        }
        emit(carry);
        if (c === 13) {
          if (i + 1 < n) {
            if (s.charCodeAt(i + 1) === 10) i++;
          } else {
            pendingCr = true;
          }
        }
        start = i + 1;
      }
      if (start < n) append(s.slice(start));
    },
    end(): void {
      if (carryLength > 0) emit(carry);
    },
  };
}
