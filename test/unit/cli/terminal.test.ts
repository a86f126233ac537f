import { describe, expect, it } from 'vitest';
import { terminalSafe, toText } from '../../../cli/render';
import { importTexts } from '../../../shared/import/pipeline';

/** Issue 11, item 7: text-mode output never carries a terminal escape from a log. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const SEQUENCES = {
  title: '\u001b]0;pwned\u0007',
  clipboard: '\u001b]52;c;ZXZpbA==\u0007',
  hyperlink: '\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\',
  clear: '\u001b[2J\u001b[H',
  csi8bit: '\u009b31m',
  cr: 'fake\rline',
};

describe('CLI text output', () => {
  it.each(Object.entries(SEQUENCES))('%s sequence in a log is shown escaped', (_, seq) => {
    const log = [
      JSON.stringify({ time: '2024-01-01T00:00:00Z', level: 'error', msg: `boom ${seq}`, service: seq }),
      `not json ${seq}`,
    ].join('\n');
    const text = toText(importTexts([{ name: `f${seq}.jsonl`, text: log }], { zone: 'UTC' }));
    for (const line of text.split('\n')) expect(line).not.toMatch(CONTROL);
    expect(text).toContain('\\x');
  });

  it('terminalSafe shows controls as \\xNN and keeps text and tabs', () => {
    expect(terminalSafe('a\u001b[2Jb\tc\nd\u009b')).toBe('a\\x1b[2Jb\tc\\x0ad\\x9b');
    expect(terminalSafe('plain — ✓')).toBe('plain — ✓');
  });
});
