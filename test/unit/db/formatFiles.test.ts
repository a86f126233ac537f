import { describe, expect, it } from 'vitest';
import {
  addFormatFile,
  formatFileTexts,
  listFormatFiles,
  removeFormatFile,
} from '../../../renderer/db/repos/formatFiles';
import { compileFormatFiles } from '../../../shared/import/textformats/load';
import { freshDb } from './testDb';

function formatFile(name: string, sampleLine = '2024-05-02 08:00:00 E billing failed'): string {
  return JSON.stringify(
    {
      [name]: {
        regex: {
          std: { pattern: '^(?<timestamp>\\S+ \\S+) (?<level>[EWI]) (?<component>\\S+) (?<body>.*)$' },
        },
        level: { error: '^E$', warning: '^W$', info: '^I$' },
        sample: [{ line: sampleLine, level: 'error' }],
      },
    },
    null,
    2,
  );
}

describe('format files repository', () => {
  it('adds valid files in order, lists their formats and removes them', async () => {
    freshDb('formats');
    const a = await addFormatFile('a.json', formatFile('a_log'), 1_000);
    const b = await addFormatFile('b.json', formatFile('b_log'), 2_000);
    expect(a.ok && b.ok).toBe(true);
    expect((await listFormatFiles()).map((r) => [r.name, r.formats])).toEqual([
      ['a.json', ['a_log']],
      ['b.json', ['b_log']],
    ]);
    expect((await formatFileTexts()).map((f) => f.name)).toEqual(['a.json', 'b.json']);
    if (a.ok) await removeFormatFile(a.row.id);
    expect((await listFormatFiles()).map((r) => r.name)).toEqual(['b.json']);
  });

  it('refuses a file that fails its own sample, naming file, line, path and reason', async () => {
    freshDb('formats-bad');
    const r = await addFormatFile('bad.json', formatFile('bad_log', 'no timestamp here'));
    expect(r).toEqual({
      ok: false,
      problems: [
        'bad.json: line 14: bad_log.sample[0]: format "bad_log" fails its own sample 1 ("no timestamp here"): no regex matches it',
      ],
    });
    expect(await listFormatFiles()).toEqual([]);
  });

  it('refuses a second file that defines a format name already stored', async () => {
    freshDb('formats-clash');
    await addFormatFile('one.json', formatFile('same_log'));
    const r = await addFormatFile('two.json', formatFile('same_log'));
    expect(r).toEqual({
      ok: false,
      problems: ['two.json: same_log: this format name is already defined by another format file'],
    });
    expect((await listFormatFiles()).map((x) => x.name)).toEqual(['one.json']);
  });

  it('stored texts compile for the import worker', async () => {
    freshDb('formats-compile');
    await addFormatFile('a.json', formatFile('a_log'));
    const { formats, problems } = compileFormatFiles(await formatFileTexts());
    expect(problems).toEqual([]);
    expect(formats.map((f) => f.name)).toEqual(['a_log']);
  });
});
