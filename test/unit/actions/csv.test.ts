import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, exportActionsCsv, parseCsv, parseStatusWord, typeLabel } from '../../../shared/actions';
import type { ActionItem } from '../../../shared/domain';
import { neutraliseCsvCell as escapeFormulaCell } from '../../../shared/export/csv';
import { ACTION_STATUSES, PRIORITIES } from '../../../shared/domain';
import { item } from './fixtures';

const tricky = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc
    .array(
      fc.constantFrom(
        ',',
        '"',
        '""',
        '\n',
        '\r\n',
        '\r',
        ';',
        '\t',
        ' ',
        'é',
        '日本語',
        '👩‍💻',
        'a',
        '=',
        '-',
        "'",
        '\uFEFF',
      ),
      {
        maxLength: 12,
      },
    )
    .map((parts) => parts.join('')),
);

const anItem = fc.record({
  id: fc.stringMatching(/^[0-9A-Z]{4,26}$/),
  title: tricky,
  description: tricky,
  owner: tricky,
  priority: fc.constantFrom(...PRIORITIES),
  type: tricky,
  status: fc.constantFrom(...ACTION_STATUSES),
  statusReason: tricky,
  ticketUrl: tricky,
  dueDate: fc.option(fc.constantFrom('2026-03-08', '2026-11-01', '2024-02-29'), { nil: null }),
});

const items = fc
  .uniqueArray(anItem, { selector: (a) => a.id, maxLength: 8 })
  .map((rows) => rows.map((r) => item(r)));

describe('exportActionsCsv', () => {
  it('writes the tracker column names and tracker vocabulary', () => {
    const a = item({
      id: 'A1',
      title: 'Add alert',
      owner: 'ana',
      priority: 'P0',
      dueDate: '2026-03-15',
      type: 'detect gap',
    });
    const jira = exportActionsCsv([a]);
    expect(jira.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(jira).toContain('A1,Add alert,,ana,Highest,2026-03-15,detect-gap,To Do,');
    const linear = exportActionsCsv([{ ...a, status: 'wont-do', statusReason: 'dup' }], { flavor: 'linear' });
    expect(linear).toContain(',Urgent,2026-03-15,detect-gap,Canceled,dup,');
  });

  it('names linked causes and the incident when titles are known', () => {
    const a = item({ id: 'A1', causeIds: ['c1', 'c2'] });
    const csv = exportActionsCsv([a], {
      causeTitle: (id) => (id === 'c1' ? 'No alert' : undefined),
      incidentTitle: () => 'DB failover',
    });
    expect(csv).toContain('No alert; c2,DB failover,');
  });

  it('defuses spreadsheet formulae in free text but not in ids or statuses', () => {
    expect(escapeFormulaCell('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(escapeFormulaCell('@SUM(1)')).toBe("'@SUM(1)");
    expect(escapeFormulaCell('plain = fine')).toBe('plain = fine');
    const csv = exportActionsCsv([item({ id: 'A1', title: '=1+1' })]);
    expect(csv).toContain("A1,'=1+1,");
  });

  it('round-trips commas, quotes, newlines and unicode exactly (as the neutralised text)', () => {
    fc.assert(
      fc.property(items, (list) => {
        const csv = exportActionsCsv(list);
        const parsed = parseCsv(csv, 'x.csv');
        if (!parsed.ok) throw new Error(parsed.error);
        expect(parsed.table.header).toEqual([...CSV_COLUMNS]);
        expect(parsed.table.records).toHaveLength(list.length);
        parsed.table.records.forEach((rec, i) => {
          const a = list[i]!;
          expect(rec.cells[0]).toBe(a.id);
          expect(rec.cells[1]).toBe(escapeFormulaCell(a.title));
          expect(rec.cells[2]).toBe(escapeFormulaCell(a.description));
          expect(rec.cells[3]).toBe(escapeFormulaCell(a.owner));
          expect(rec.cells[6]).toBe(escapeFormulaCell(typeLabel(a.type)));
          expect(parseStatusWord(rec.cells[7]!)).toBe(a.status);
          expect(rec.cells[8]).toBe(escapeFormulaCell(a.statusReason));
          expect(rec.cells[9]).toBe(escapeFormulaCell(a.ticketUrl));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips with formula escaping on, as the escaped text', () => {
    fc.assert(
      fc.property(items, (list: ActionItem[]) => {
        const parsed = parseCsv(exportActionsCsv(list), 'x.csv');
        if (!parsed.ok) throw new Error(parsed.error);
        parsed.table.records.forEach((rec, i) => {
          expect(rec.cells[1]).toBe(escapeFormulaCell(list[i]!.title));
          expect(rec.cells[0]).toBe(list[i]!.id);
        });
      }),
      { numRuns: 100 },
    );
  });
});

describe('parseCsv', () => {
  it('reports the physical line where each record starts', () => {
    for (const nl of ['\n', '\r\n', '\r']) {
      const text = ['Id,Status', 'A,"multi\nline\r\nvalue"', '', 'B,Done', 'C,"x"', 'D,Open'].join(nl);
      const parsed = parseCsv(text, 'f.csv');
      if (!parsed.ok) throw new Error(parsed.error);
      expect(parsed.table.records.map((r) => [r.line, r.cells[0]])).toEqual([
        [2, 'A'],
        [6, 'B'],
        [7, 'C'],
        [8, 'D'],
      ]);
      expect(parsed.table.records[0]!.cells[1]).toBe('multi\nline\r\nvalue');
    }
  });

  it('strips a BOM and reads semicolon and tab files', () => {
    const semi = parseCsv('\uFEFFId;Status\nA;"Done, really"\n', 's.csv');
    expect(semi.ok && semi.table.records[0]!.cells).toEqual(['A', 'Done, really']);
    const tab = parseCsv('Id\tStatus\nA\tDone; ok\n', 't.csv');
    expect(tab.ok && tab.table.records[0]!.cells).toEqual(['A', 'Done; ok']);
    const comma = parseCsv('Id,Status,Description\nA,Done,"a;b;c;d"\n', 'c.csv');
    expect(comma.ok && comma.table.records[0]!.cells).toEqual(['A', 'Done', 'a;b;c;d']);
  });

  it('refuses damaged files with file and line', () => {
    expect(parseCsv('', 'e.csv')).toEqual({ ok: false, error: 'e.csv: the file is empty' });
    expect(parseCsv('Id,Status\nA,Done\nB,"open\nC,Done\n', 'q.csv')).toEqual({
      ok: false,
      error: 'q.csv line 3: a quoted field is never closed',
    });
    expect(parseCsv('Id,Status\nA,Done\nB,Done,extra\n', 'n.csv')).toEqual({
      ok: false,
      error: 'n.csv line 3: 3 cells but the header has 2; the file looks damaged',
    });
    expect(parseCsv('Id,Status\nA\n', 'n.csv').ok).toBe(false);
  });

  it('parses what papaparse itself writes for arbitrary tables', () => {
    const cell = fc.string({ unit: 'binary', maxLength: 15 });
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell), { maxLength: 6 }), (rows) => {
        const csv = Papa.unparse({ fields: ['Id', 'Status', 'X'], data: rows }, { newline: '\n' });
        const parsed = parseCsv(csv, 'p.csv');
        if (!parsed.ok) throw new Error(parsed.error);
        // Rows whose cells are all empty serialise as ",," (kept), never as a blank line.
        expect(parsed.table.records.map((r) => r.cells)).toEqual(rows);
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseStatusWord', () => {
  it('understands Rootline, Jira and Linear words', () => {
    expect(parseStatusWord('To Do')).toBe('open');
    expect(parseStatusWord(' todo ')).toBe('open');
    expect(parseStatusWord('IN_PROGRESS')).toBe('in-progress');
    expect(parseStatusWord('in-progress')).toBe('in-progress');
    expect(parseStatusWord('Done')).toBe('done');
    expect(parseStatusWord('Won’t Do')).toBe('wont-do');
    expect(parseStatusWord('wont-do')).toBe('wont-do');
    expect(parseStatusWord('Cancelled')).toBe('wont-do');
    expect(parseStatusWord('Maybe')).toBeNull();
    expect(parseStatusWord('')).toBeNull();
  });
});
