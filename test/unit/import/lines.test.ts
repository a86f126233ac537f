import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLineSplitter } from '../../../shared/import/lines';

const RUNS = Number(process.env.FC_RUNS ?? 200);

function split(
  chunks: string[],
  maxLength?: number,
): { lines: [string, number][]; tooLong: [number, number][] } {
  const lines: [string, number][] = [];
  const tooLong: [number, number][] = [];
  const s = createLineSplitter((t, n) => lines.push([t, n]), {
    ...(maxLength === undefined ? {} : { maxLength }),
    onTooLong: (n, len) => tooLong.push([n, len]),
  });
  for (const c of chunks) s.push(c);
  s.end();
  return { lines, tooLong };
}

describe('createLineSplitter', () => {
  it('splits on \\n, \\r\\n and lone \\r and drops a leading BOM', () => {
    expect(split(['\ufeffa\r\nb\rc\nd']).lines).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
      ['d', 4],
    ]);
  });

  it('keeps blank lines, does not invent a line after a final newline, keeps a later BOM', () => {
    expect(split(['a\n\n\ufeffb\n']).lines).toEqual([
      ['a', 1],
      ['', 2],
      ['\ufeffb', 3],
    ]);
    expect(split(['']).lines).toEqual([]);
  });

  it('handles \\r\\n split across chunks', () => {
    expect(split(['a\r', '\nb\r', '', '\n', 'c']).lines.map((l) => l[0])).toEqual(['a', 'b', 'c']);
  });

  it('reports lines over the maximum instead of buffering them', () => {
    const r = split(['ok\n', 'x'.repeat(6), 'y'.repeat(6), '\nnext\n'], 10);
    expect(r.lines).toEqual([
      ['ok', 1],
      ['next', 3],
    ]);
    expect(r.tooLong).toEqual([[2, 12]]);
  });

  it('gives the same lines for any chunking', () => {
    const text = fc.array(
      fc.oneof(fc.constantFrom('\n', '\r', '\r\n', '\ufeff', 'a', 'é', ' '), fc.string({ maxLength: 5 })),
      {
        maxLength: 40,
      },
    );
    fc.assert(
      fc.property(text, fc.array(fc.nat(50), { maxLength: 10 }), (parts, cuts) => {
        const whole = parts.join('');
        const points = [...new Set(cuts.map((c) => c % (whole.length + 1)))].sort((a, b) => a - b);
        const chunks: string[] = [];
        let prev = 0;
        for (const p of points) {
          chunks.push(whole.slice(prev, p));
          prev = p;
        }
        chunks.push(whole.slice(prev));
        expect(split(chunks)).toEqual(split([whole]));
        const expected = (whole.startsWith('\ufeff') ? whole.slice(1) : whole).split(/\r\n|\r|\n/);
        if (expected[expected.length - 1] === '') expected.pop();
        expect(split([whole]).lines.map((l) => l[0])).toEqual(expected);
      }),
      { numRuns: RUNS },
    );
  });
});
