import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EVENT_KINDS,
  LOG_LEVELS,
  LogBlock,
  packLogBlock,
  restoreLogBlock,
  unpackLogRecords,
  type LogRecord,
} from '../../../shared/domain';

const HEAD = { id: 'imp:000000', importId: 'imp', incidentId: 'inc', seq: 0 };

const record: fc.Arbitrary<LogRecord> = fc.record({
  at: fc.integer({ min: -8.64e15, max: 8.64e15 }),
  level: fc.option(fc.constantFrom(...LOG_LEVELS), { nil: null }),
  kind: fc.constantFrom(...EVENT_KINDS),
  service: fc.option(fc.string({ maxLength: 20 }), { nil: null }),
  region: fc.option(fc.constantFrom('eu-west-1', 'us-east-1'), { nil: null }),
  message: fc.string(),
  attrs: fc.dictionary(
    fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', '10', '2')),
    fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
    { maxKeys: 5 },
  ),
  source: fc.record({ file: fc.constantFrom('a.log', 'b.jsonl'), line: fc.nat({ max: 1e9 }) }),
});

/** Attributes as sorted entries, so records compare whatever order their keys were made in. */
const comparable = (r: LogRecord) => ({
  ...r,
  attrs: Object.entries(r.attrs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
});

describe('log blocks stored by column', () => {
  it('packing then unpacking gives the same records, and the block passes its schema', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), (records) => {
        const block = packLogBlock(HEAD, records);
        expect(LogBlock.safeParse(block).success).toBe(true);
        expect(unpackLogRecords(block).map(comparable)).toEqual(records.map(comparable));
        // Through JSON (a bundle) too.
        const again = LogBlock.parse(JSON.parse(JSON.stringify(block)));
        expect(unpackLogRecords(again).map(comparable)).toEqual(records.map(comparable));
      }),
    );
  });

  it('keeps a __proto__ attribute an ordinary key', () => {
    const attrs = JSON.parse('{"__proto__": "x", "a": 1}') as LogRecord['attrs'];
    const r: LogRecord = {
      at: 5,
      level: null,
      kind: 'log',
      service: null,
      region: null,
      message: 'm',
      attrs,
      source: { file: 'a.log', line: 1 },
    };
    const [back] = unpackLogRecords(packLogBlock(HEAD, [r]));
    expect(Object.keys(back!.attrs)).toEqual(['__proto__', 'a']);
    expect(Object.getOwnPropertyDescriptor(back!.attrs, '__proto__')?.value).toBe('x');
  });

  it('writes each repeated string once', () => {
    const r = (line: number): LogRecord => ({
      at: 1_700_000_000_000 + line,
      level: 'info',
      kind: 'log',
      service: 'api',
      region: null,
      message: `request ${line}`,
      attrs: { trace: String(line), user: 'u1' },
      source: { file: 'service-with-a-long-name.log', line },
    });
    const block = packLogBlock(
      HEAD,
      Array.from({ length: 1000 }, (_, i) => r(i + 1)),
    );
    const text = JSON.stringify(block);
    expect(text.split('service-with-a-long-name.log')).toHaveLength(2);
    expect(text.split('"trace"')).toHaveLength(2);
    expect(block.shapes).toHaveLength(1);
    expect(new Set(block.line)).toEqual(new Set([1]));
  });

  it('refuses columns that would decode to a half record', () => {
    const good = packLogBlock(HEAD, [
      {
        at: 10,
        level: 'warn',
        kind: 'impact',
        service: 'api',
        region: null,
        message: 'm',
        attrs: { k: 1 },
        source: { file: 'a.log', line: 3 },
      },
    ]);
    const issue = (patch: Partial<LogBlock>) => {
      const r = LogBlock.safeParse({ ...good, ...patch });
      return r.success ? null : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    };
    expect(issue({})).toBeNull();
    expect(issue({ message: [] })).toMatch(/^message: has 0 entries for 1 records/);
    expect(issue({ kind: [0] })).toMatch(/^kind\.0: is not the index of an event kind/);
    expect(issue({ level: [9] })).toMatch(/^level\.0: is not the index of a log level/);
    expect(issue({ file: [99] })).toMatch(/^file\.0: is not an index into strings/);
    expect(issue({ at: [1] })).toMatch(/^at\.0: is outside the block’s firstAt…lastAt/);
    expect(issue({ at: [-1] })).toMatch(/^at\.0: is outside/);
    expect(issue({ line: [-4] })).toMatch(/^line\.0: makes the source line negative/);
    expect(issue({ shape: [3] })).toMatch(/^shape\.0: is not an index into shapes/);
    expect(issue({ values: [] })).toMatch(/^values: has 0 values; the shapes call for 1/);
    expect(issue({ shapes: [[42]] })).toMatch(/^shapes\.0\.0: is not an index into strings/);
  });

  it('restores a block stored one object per record (bundle v1, older databases)', () => {
    const records = fc.sample(record, { numRuns: 20, seed: 7 });
    const packed = packLogBlock(HEAD, records);
    const old = { ...HEAD, firstAt: packed.firstAt, lastAt: packed.lastAt, records };
    expect(restoreLogBlock(old)).toEqual(packed);
    // Already current, or unreadable: left for the schema to judge.
    expect(restoreLogBlock(packed)).toBe(packed);
    const broken = { ...old, records: [{ at: 'soon' }] };
    expect(restoreLogBlock(broken)).toBe(broken);
  });
});
