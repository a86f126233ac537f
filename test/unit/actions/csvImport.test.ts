import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  applyStatusImport,
  describeImportPlan,
  exportActionsCsv,
  parseCsv,
  planStatusImport,
} from '../../../shared/actions';
import type { ActionStatus } from '../../../shared/domain';
import { ACTION_STATUSES } from '../../../shared/domain';
import { item } from './fixtures';

const known = [
  item({ id: 'A1', title: 'Add alert', status: 'open' }),
  item({ id: 'A2', title: 'Runbook', status: 'in-progress' }),
  item({ id: 'A3', title: 'Retire', status: 'wont-do', statusReason: 'old reason' }),
  item({ id: 'A4', title: 'Fixed', status: 'done', completedAt: 5 }),
];

/** Replaces the Status cell of the rows whose id is a key of `to` and re-serialises the file. */
function edit(csv: string, to: Record<string, string>): string {
  const parsed = parseCsv(csv, 'x');
  if (!parsed.ok) throw new Error(parsed.error);
  const statusCol = parsed.table.header.indexOf('Status');
  const data = parsed.table.records.map((r) =>
    r.cells.map((c, i) => (i === statusCol && r.cells[0]! in to ? to[r.cells[0]!]! : c)),
  );
  return Papa.unparse({ fields: parsed.table.header, data });
}

describe('planStatusImport', () => {
  it('leaves an unedited export unchanged', () => {
    const result = planStatusImport(exportActionsCsv(known), 'a.csv', known);
    if (!result.ok) throw new Error(result.error);
    expect(result.plan.unchanged.map((u) => u.id)).toEqual(['A1', 'A2', 'A3', 'A4']);
    expect(result.plan.updates).toEqual([]);
  });

  it('updates statuses from tracker words and stamps completion', () => {
    const csv = edit(exportActionsCsv(known), { A1: 'Done', A2: 'Canceled', A3: 'Todo' });
    const result = planStatusImport(csv, 'a.csv', known);
    if (!result.ok) throw new Error(result.error);
    expect(result.plan.updates.map((u) => [u.id, u.from, u.to, u.line])).toEqual([
      ['A1', 'open', 'done', 2],
      ['A2', 'in-progress', 'wont-do', 3],
      ['A3', 'wont-do', 'open', 4],
    ]);
    const changed = applyStatusImport(known, result.plan, 99);
    expect(changed.map((c) => [c.id, c.status, c.completedAt, c.statusReason])).toEqual([
      ['A1', 'done', 99, ''],
      ['A2', 'wont-do', null, "Marked won't do in a.csv (line 3)"],
      ['A3', 'open', null, ''],
    ]);
  });

  it('reports unknown, duplicate, empty-id, bad-status and blank rows with line numbers', () => {
    const csv = [
      'Summary,Id,Status,Status reason',
      'Keep,A1,Open,',
      'Ghost,ZZ,Done,',
      '"Multi',
      'line",A2,Finished,',
      'Again,A1,Done,',
      'No id,,Done,',
      ',,,',
      "Declined,A4,Won't do,Superseded by OPS-9",
    ].join('\n');
    const result = planStatusImport(csv, 'r.csv', known);
    if (!result.ok) throw new Error(result.error);
    const { plan } = result;
    expect(plan.rowCount).toBe(7);
    expect(plan.unchanged.map((u) => u.line)).toEqual([2]);
    expect(plan.unknown).toEqual([
      { line: 3, id: 'ZZ', summary: 'Ghost', reason: 'no action item with id "ZZ" here' },
    ]);
    expect(plan.invalid.map((r) => [r.line, r.reason])).toEqual([
      [4, 'status "Finished" is not one of To Do, In Progress, Done, Won\'t Do'],
      [6, 'id "A1" already appeared on line 2'],
      [7, 'the Id cell is empty'],
    ]);
    expect(plan.blank).toEqual([8]);
    expect(plan.updates).toEqual([
      { line: 9, id: 'A4', title: 'Fixed', from: 'done', to: 'wont-do', reason: 'Superseded by OPS-9' },
    ]);
    expect(describeImportPlan(plan)).toEqual([
      'r.csv: 7 rows — 1 to update, 1 unchanged, 1 unknown, 3 invalid, 1 blank',
      'line 3: no action item with id "ZZ" here ("Ghost")',
      'line 4: status "Finished" is not one of To Do, In Progress, Done, Won\'t Do ("Multi\nline")',
      'line 6: id "A1" already appeared on line 2 ("Again")',
      'line 7: the Id cell is empty ("No id")',
    ]);
  });

  it('refuses files without Id or Status columns or with repeated ones', () => {
    expect(planStatusImport('Summary,Status\nx,Done\n', 'm.csv', known)).toEqual({
      ok: false,
      error: 'm.csv line 1: no Id column (found: Summary, Status)',
    });
    expect(planStatusImport('Id,id,Status\nA1,A1,Done\n', 'd.csv', known)).toEqual({
      ok: false,
      error: 'd.csv: the header has 2 "Id" columns; keep one',
    });
    expect(planStatusImport('Id,Status\nA1,"Done\n', 'q.csv', known)).toMatchObject({ ok: false });
  });

  it('never drops a row and applies exactly the planned updates (property)', () => {
    const statusWords = fc.constantFrom(
      'To Do',
      'Todo',
      'In Progress',
      'Done',
      "Won't Do",
      'Canceled',
      'bogus',
      '',
    );
    const row = fc.tuple(
      fc.constantFrom('A1', 'A2', 'A3', 'A4', 'ZZ', ''),
      statusWords,
      fc.string({ maxLength: 10 }),
    );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (rows) => {
        const csv = Papa.unparse({ fields: ['Id', 'Status', 'Summary'], data: rows });
        const result = planStatusImport(csv, 'p.csv', known);
        if (!result.ok) throw new Error(result.error);
        const p = result.plan;
        expect(p.rowCount).toBe(rows.length);
        const lines = [...p.updates, ...p.unchanged, ...p.unknown, ...p.invalid]
          .map((r) => r.line)
          .concat(p.blank);
        expect(lines.sort((a, b) => a - b)).toEqual(rows.map((_, i) => i + 2));
        const changed = applyStatusImport(known, p, 7);
        expect(changed).toHaveLength(p.updates.length);
        for (const c of changed) {
          expect(ACTION_STATUSES).toContain<ActionStatus>(c.status);
          if (c.status === 'wont-do') expect(c.statusReason).not.toBe('');
        }
      }),
      { numRuns: 300 },
    );
  });
});
