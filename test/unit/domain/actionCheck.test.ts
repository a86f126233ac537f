// Lists of every incident's action items check each row with isValidActionItem instead of the
// zod schema (6,000 rows through zod were a 100 ms task when the incident list started); a row
// it accepts must be one the schema accepts, and it should accept every row the schema accepts.
import { describe, expect, it } from 'vitest';
import { expectAgreesWithSchema } from '../../helpers/domain/quickCheck';
import { ActionItem, isValidActionItem } from '../../../shared/domain';

const BASE: ActionItem = {
  id: 'ACT-1',
  incidentId: 'INC-1',
  title: 'Flight config changes one slice at a time',
  description: 'Gate the **global** flag.',
  owner: 'Ana',
  priority: 'P1',
  type: 'prevent',
  dueDate: '2026-02-28',
  status: 'in-progress',
  statusReason: '',
  causeIds: ['C-1', 'C-2'],
  ticketUrl: 'https://tracker.example/T-1',
  createdAt: Date.UTC(2026, 0, 1),
  updatedAt: Date.UTC(2026, 0, 2),
  completedAt: null,
};

/** Values each field may be given: some valid, most not. */
const VALUES: Partial<Record<keyof ActionItem | 'extra', unknown[]>> = {
  id: ['', 'x'.repeat(129), 7, 'x'.repeat(128), undefined],
  incidentId: [null, 'INC-2', ''],
  title: ['x'.repeat(2_001), 'x'.repeat(2_000), 3],
  description: ['x'.repeat(100_001), '', null],
  owner: ['x'.repeat(201), 'x'.repeat(200), undefined],
  priority: ['P4', 'P0', 'p1', null],
  type: ['custom type', 'x'.repeat(201), 1],
  dueDate: [null, '2026-02-30', '2026-2-3', '2026-12-31', '2026-12-31T00:00', 20260101, ''],
  status: ['done', 'wont-do', 'closed', 'open', null],
  statusReason: ['x'.repeat(2_001), 'duplicate'],
  causeIds: [[], [''], ['x'.repeat(129)], 'C-1', [3], ['C-9']],
  ticketUrl: ['', 'x'.repeat(2_001), null],
  createdAt: [1.5, -1, Number.NaN, 8.64e15 + 1, '2026'],
  updatedAt: [undefined, Date.UTC(2027, 0, 1)],
  completedAt: [Date.UTC(2026, 0, 3), 1.5, undefined, '2026-01-03'],
  extra: ['kept by a later build'],
};

describe('isValidActionItem', () => {
  it('agrees with the schema on a valid row, on each field made wrong and on random mixes of those values', () => {
    expectAgreesWithSchema(isValidActionItem, ActionItem, BASE, VALUES as Record<string, unknown[]>);
    expect(isValidActionItem(null)).toBe(false);
    expect(isValidActionItem([BASE])).toBe(false);
    expect(isValidActionItem('ACT-1')).toBe(false);
  });
});
