import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStatusWord } from '../../../shared/actions';
import { parseBundle } from '../../../shared/bundle/parse';
import { LogRecord, unpackLogRecords, type LogRecord as LogRecordRow } from '../../../shared/domain';
import { levelFromName } from '../../../shared/import/formats/levels';
import { importTexts } from '../../../shared/import/pipeline';
import { rootline } from '../cli/rootline';

/** Issue 11, item 4: words every JavaScript object has as keys must not be taken for levels. */
const WORDS = ['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty'];

const jsonl = WORDS.map((w, i) =>
  JSON.stringify({ time: `2024-01-01T00:00:0${i}Z`, level: w, msg: `${w} said` }),
).join('\n');
const text = WORDS.map((w, i) => `2024-01-01T00:00:0${i}Z ${w} something failed`).join('\n');

describe('prototype words in input', () => {
  it.each(WORDS)('%s is not a level or a status word', (word) => {
    expect(levelFromName(word)).toBeNull();
    expect(parseStatusWord(word)).toBeNull();
  });

  it('the app import path keeps every record, each one valid for storage', () => {
    for (const [name, body] of [
      ['levels.jsonl', jsonl],
      ['levels.log', text],
    ] as const) {
      const records: LogRecordRow[] = [];
      const result = importTexts([{ name, text: body }], { zone: 'UTC', onRecord: (r) => records.push(r) });
      expect(result.stats.errorCount, name).toBe(0);
      expect(records, name).toHaveLength(WORDS.length);
      for (const r of records)
        expect(LogRecord.safeParse(r).success, `${name}: ${JSON.stringify(r)}`).toBe(true);
    }
  });

  it('rootline new writes the bundle and rootline timeline keeps the word in the title', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rootline-proto-'));
    writeFileSync(join(dir, 'levels.jsonl'), jsonl);
    writeFileSync(join(dir, 'levels.log'), `${text}\n`);
    const out = join(dir, 'x.rootline.json');
    const made = rootline(
      'new',
      '--title',
      'T',
      '--logs',
      join(dir, 'levels.jsonl'),
      join(dir, 'levels.log'),
      '--out',
      out,
    );
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    const opened = parseBundle(readFileSync(out, 'utf8'), 'levels.rootline.json');
    if (!opened.ok) throw new Error(opened.error);
    expect(opened.snapshot.logBlocks.flatMap(unpackLogRecords)).toHaveLength(2 * WORDS.length);

    const shown = rootline('timeline', join(dir, 'levels.log'), '--json');
    expect(shown.code).toBe(0);
    const titles = (JSON.parse(shown.stdout) as { events: { title: string }[] }).events.map((e) => e.title);
    expect(titles).toContain('constructor something failed');
    expect(titles).toContain('__proto__ something failed');
  });
});
