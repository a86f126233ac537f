// A record that is not JSON is named in the import's errors by its line, the place where it stops
// being JSON (column; file line and column for a record spanning lines) and the engine's reason,
// without the record echoed back.
import { describe, expect, it } from 'vitest';
import { runText } from './run';

describe('records that are not JSON', () => {
  it('a JSON-lines log: the line, the column and the reason', () => {
    const text = [
      '{"time":"2024-01-01T00:00:00Z","msg":"ok"}',
      '{"time":"2024-01-01T00:00:01Z","msg":"cut',
      '{"time":"2024-01-01T00:00:02Z","msg": oops}',
    ].join('\n');
    const r = runText('jsonl', text);
    expect(r.records).toHaveLength(1);
    expect(r.errors).toEqual([
      { line: 2, reason: 'not valid JSON at column 42: Unterminated string' },
      { line: 3, reason: "not valid JSON at column 39: Unexpected token 'o'" },
    ]);
  });

  it('a record spanning lines: the file line and column where it breaks', () => {
    const text = [
      '[',
      '  {"specversion": "1.0", "id": "1", "source": "s", "type": "t", "time": "2024-01-01T00:00:00Z"},',
      '  {',
      '    "specversion": "1.0",',
      '    "id": 2x,',
      '    "source": "s"',
      '  }',
      ']',
    ].join('\n');
    const r = runText('cloudevents', text);
    expect(r.errors).toEqual([
      { line: 3, reason: "not valid JSON at line 5, column 12: Expected ',' or '}' after property value" },
    ]);
  });
});
