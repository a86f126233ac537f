import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createImportWith } from '../../../shared/import/importer';
import type { ImportResult } from '../../../shared/import/importer';
import { PatternMiner } from '../../../shared/patterns/miner';
import { fitsTemplate, patternKey } from '../../../shared/patterns/tokens';
import { pipeRegistry, T0 } from '../timeline/helpers';

/* Message shapes with slots: `#` a number, `@` a word from a small set, `%` an IP. */
const SHAPES = [
  'worker # started on %',
  'connection from % closed after # ms',
  'user @ logged in',
  'user @ logged out',
  'disk @ is # percent full',
  'request @ failed: timeout after #s',
  '[req-# - -] GET /v2/@/servers status: #',
  'cache @ evicted # entries',
];
const WORDS = ['alpha', 'beta', 'gamma', 'delta', 'eps', 'zeta', 'eta', 'theta'];

const line = fc
  .record({
    shape: fc.integer({ min: 0, max: SHAPES.length - 1 }),
    n: fc.integer({ min: 0, max: 100_000 }),
    w: fc.integer({ min: 0, max: WORDS.length - 1 }),
    ip: fc.tuple(fc.nat(255), fc.nat(255)),
    dt: fc.integer({ min: 0, max: 60_000 }),
    level: fc.constantFrom('info', 'warn', 'error', ''),
  })
  .map((r) => ({
    dt: r.dt,
    level: r.level,
    message: SHAPES[r.shape]!.replace(/#/g, String(r.n))
      .replace(/@/g, WORDS[r.w]!)
      .replace(/%/g, `10.0.${r.ip[0]}.${r.ip[1]}`),
  }));

function toText(lines: { dt: number; level: string; message: string }[]): string {
  let at = T0;
  return lines
    .map((l) => {
      at += l.dt;
      return `${at}|${l.level}|svc||${l.message}`;
    })
    .join('\n');
}

function run(text: string, cuts: number[]): ImportResult {
  const imp = createImportWith(pipeRegistry, { zone: 'UTC', patternLines: true });
  const input = imp.addFile('p.log');
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    const to = Math.min(text.length, cut);
    if (to > from) input.push(text.slice(from, to));
    from = Math.max(from, to);
  }
  input.push(text.slice(from));
  input.end();
  return imp.finish();
}

const summary = (r: ImportResult) =>
  r.patterns.map((p) => ({ id: p.id, template: p.template, count: p.count, lines: p.lines }));

describe('pattern mining properties', () => {
  it('gives every line the same pattern however the input is chunked, and on every run', () => {
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 120 }),
        fc.array(fc.nat(20_000), { maxLength: 12 }),
        (lines, cuts) => {
          const text = toText(lines);
          const whole = summary(run(text, []));
          expect(summary(run(text, cuts))).toEqual(whole);
          expect(summary(run(text, []))).toEqual(whole);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('puts every record in exactly one pattern that fits it, equal messages in the same one', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 150 }), (lines) => {
        const r = run(toText(lines), []);
        expect(r.patterns.reduce((n, p) => n + p.count, 0)).toBe(r.stats.records);
        const patternOfLine = new Map<number, string>();
        for (const p of r.patterns) {
          expect(p.lines).toHaveLength(p.count);
          for (const l of p.lines ?? []) {
            expect(patternOfLine.has(l.line), `line ${l.line} in two patterns`).toBe(false);
            patternOfLine.set(l.line, p.id);
            expect(fitsTemplate(p.template, lines[l.line - 1]!.message), p.template).toBe(true);
          }
        }
        expect(patternOfLine.size).toBe(lines.length);
        const byMessage = new Map<string, string>();
        lines.forEach((l, i) => {
          const id = patternOfLine.get(i + 1)!;
          expect(byMessage.get(l.message) ?? id).toBe(id);
          byMessage.set(l.message, id);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('keeps pattern ids unique and orders patterns by count, most frequent first', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 100 }), (lines) => {
        const r = run(toText(lines), []);
        expect(new Set(r.patterns.map((p) => p.id)).size).toBe(r.patterns.length);
        for (let i = 1; i < r.patterns.length; i++)
          expect(r.patterns[i - 1]!.count).toBeGreaterThanOrEqual(r.patterns[i]!.count);
      }),
      { numRuns: 40 },
    );
  });

  it('gives the same clusters whether keys come worked out (parallel import) or not, past maxKeys too', () => {
    // Short messages of a few words, so that templates overlap and clusters generalise.
    const word = fc.constantFrom('get', 'put', 'disk', 'user', 'alpha', 'beta', 'ok', '7', '42');
    const message = fc.array(word, { minLength: 2, maxLength: 4 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(
        fc.array(message, { minLength: 1, maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(29), fc.boolean()), { minLength: 1, maxLength: 150 }),
        fc.record({
          maxKeys: fc.integer({ min: 1, max: 12 }),
          maxClusters: fc.integer({ min: 2, max: 20 }),
          memoSize: fc.integer({ min: 1, max: 8 }),
          similarity: fc.constantFrom(0.3, 0.5, 0.85),
        }),
        (distinct, picks, options) => {
          // Messages repeat (the memo's case) and come with and without a header left.
          const adds = picks.map(([i, headerLeft]) => ({
            message: distinct[i % distinct.length]!,
            headerLeft,
          }));
          const plain = new PatternMiner(options);
          const keyed = new PatternMiner(options);
          const a = adds.map((x) => plain.add(x.message, x.headerLeft));
          const b = adds.map((x) => keyed.add(x.message, x.headerLeft, patternKey(x.message, x.headerLeft)));
          expect(b).toEqual(a);
          expect(keyed.finish().templates).toEqual(plain.finish().templates);
        },
      ),
      { numRuns: 300 },
    );
  });
});
