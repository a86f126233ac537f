/**
 * Finds where a value sits in JSON text, so a schema error can name a line. The text must
 * already be valid JSON (JSON.parse succeeded); this is a small scanner, not a validator.
 */
export function locateJsonPath(text: string, path: readonly PropertyKey[]): number {
  let i = 0;

  function ws(): void {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  }
  function str(): string {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  }
  /** Skips one value starting at i (after whitespace). */
  function skip(): void {
    ws();
    const c = text[i];
    if (c === '"') {
      str();
    } else if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          ws();
          str();
          ws();
          i++; // colon
        }
        skip();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        i++; // close
        return;
      }
    } else {
      while (i < text.length && !/[\s,}\]]/.test(text[i]!)) i++;
    }
  }
  /** Moves i to the start of child `key` of the value at i; false when absent. */
  function enter(key: PropertyKey): boolean {
    ws();
    const c = text[i];
    if (c === '{' && typeof key === 'string') {
      i++;
      for (;;) {
        ws();
        if (text[i] !== '"') return false;
        const name = str();
        ws();
        i++; // colon
        ws();
        if (name === key) return true;
        skip();
        ws();
        if (text[i] !== ',') return false;
        i++;
      }
    }
    if (c === '[' && typeof key === 'number') {
      i++;
      for (let n = 0; ; n++) {
        ws();
        if (text[i] === ']') return false;
        if (n === key) return true;
        skip();
        ws();
        if (text[i] !== ',') return false;
        i++;
      }
    }
    return false;
  }

  // A missing key points at its parent: that is where the field has to be added.
  for (const key of path) {
    const before = i;
    if (!enter(key)) {
      i = before;
      break;
    }
  }
  ws();
  return i;
}
