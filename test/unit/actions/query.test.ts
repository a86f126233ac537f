import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTER,
  SORT_KEYS,
  countOpenByIncident,
  filterActions,
  groupOpenActions,
  isEmptyFilter,
  ownersOf,
  sortActions,
} from '../../../shared/actions';
import { item } from './fixtures';

const today = '2026-03-10';
const items = [
  item({ id: 'a', title: 'beta', owner: 'Zoe', priority: 'P2', dueDate: '2026-03-01', createdAt: 1 }),
  item({
    id: 'b',
    title: 'Alpha',
    owner: 'ana',
    priority: 'P0',
    dueDate: null,
    createdAt: 2,
    causeIds: ['c2'],
  }),
  item({
    id: 'c',
    title: 'gamma 10',
    owner: '',
    priority: 'P1',
    dueDate: '2026-04-01',
    status: 'done',
    createdAt: 3,
    completedAt: 9,
  }),
  item({
    id: 'd',
    title: 'gamma 9',
    owner: 'Ana',
    priority: 'P3',
    dueDate: '2026-03-09',
    status: 'in-progress',
    createdAt: 4,
    causeIds: ['c1'],
  }),
];
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

describe('sortActions', () => {
  it('sorts text case-insensitively and numerically, blanks last both ways', () => {
    expect(ids(sortActions(items, { key: 'title', dir: 'asc' }))).toEqual(['b', 'a', 'd', 'c']);
    expect(ids(sortActions(items, { key: 'owner', dir: 'asc' }))).toEqual(['b', 'd', 'a', 'c']);
    expect(ids(sortActions(items, { key: 'owner', dir: 'desc' }))).toEqual(['a', 'b', 'd', 'c']);
  });

  it('sorts priority and status by rank and dates with nulls last', () => {
    expect(ids(sortActions(items, { key: 'priority', dir: 'asc' }))).toEqual(['b', 'c', 'a', 'd']);
    expect(ids(sortActions(items, { key: 'status', dir: 'desc' }))).toEqual(['c', 'd', 'a', 'b']);
    expect(ids(sortActions(items, { key: 'dueDate', dir: 'asc' }))).toEqual(['a', 'd', 'c', 'b']);
    expect(ids(sortActions(items, { key: 'dueDate', dir: 'desc' }))).toEqual(['c', 'd', 'a', 'b']);
    expect(ids(sortActions(items, { key: 'completedAt', dir: 'asc' }))).toEqual(['c', 'a', 'b', 'd']);
  });

  it('sorts causes by their titles', () => {
    const titles: Record<string, string> = { c1: 'Alert missing', c2: 'Bad deploy' };
    const sorted = sortActions(items, { key: 'causes', dir: 'asc' }, { causeTitle: (id) => titles[id] });
    expect(ids(sorted)).toEqual(['d', 'b', 'a', 'c']);
  });

  it('is total and stable for every key and direction', () => {
    for (const key of SORT_KEYS) {
      for (const dir of ['asc', 'desc'] as const) {
        const once = sortActions(items, { key, dir });
        expect(once).toHaveLength(items.length);
        expect(ids(sortActions([...items].reverse(), { key, dir }))).toEqual(ids(once));
      }
    }
  });
});

describe('filterActions', () => {
  it('combines status, owner, priority, overdue and text criteria', () => {
    expect(isEmptyFilter(EMPTY_FILTER)).toBe(true);
    expect(ids(filterActions(items, EMPTY_FILTER, today))).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(filterActions(items, { ...EMPTY_FILTER, statuses: ['open', 'in-progress'] }, today))).toEqual([
      'a',
      'b',
      'd',
    ]);
    expect(ids(filterActions(items, { ...EMPTY_FILTER, owners: ['ANA'] }, today))).toEqual(['b', 'd']);
    expect(ids(filterActions(items, { ...EMPTY_FILTER, owners: [''] }, today))).toEqual(['c']);
    expect(ids(filterActions(items, { ...EMPTY_FILTER, priorities: ['P0', 'P3'] }, today))).toEqual([
      'b',
      'd',
    ]);
    expect(ids(filterActions(items, { ...EMPTY_FILTER, overdueOnly: true }, today))).toEqual(['a', 'd']);
    expect(ids(filterActions(items, { ...EMPTY_FILTER, text: 'GAMMA', overdueOnly: true }, today))).toEqual([
      'd',
    ]);
  });

  it('lists owners once, unassigned last', () => {
    expect(ownersOf(items)).toEqual(['ana', 'Zoe', '']);
  });
});

describe('cross-incident grouping and counts', () => {
  const many = [
    ...items,
    item({ id: 'e', incidentId: 'inc-2', owner: 'Zoe', dueDate: '2026-02-01', createdAt: 5 }),
    item({ id: 'f', incidentId: 'inc-2', owner: 'zoe', dueDate: '2026-03-20', createdAt: 6 }),
  ];

  it('groups open items by owner, overdue first within and across groups', () => {
    const groups = groupOpenActions(many, 'owner', today);
    expect(groups.map((g) => [g.label, g.open, g.overdue, ids(g.items)])).toEqual([
      ['Zoe', 3, 2, ['e', 'a', 'f']],
      ['ana', 2, 1, ['d', 'b']],
    ]);
  });

  it('groups by incident with titles and counts open/overdue per incident', () => {
    const titles: Record<string, string> = { 'inc-1': 'DB failover', 'inc-2': 'CDN outage' };
    const groups = groupOpenActions(many, 'incident', today, (id) => titles[id]);
    expect(groups.map((g) => [g.label, ids(g.items)])).toEqual([
      ['DB failover', ['a', 'd', 'b']],
      ['CDN outage', ['e', 'f']],
    ]);
    const counts = countOpenByIncident(many, today);
    expect(Object.fromEntries(counts)).toEqual({
      'inc-1': { open: 3, overdue: 2 },
      'inc-2': { open: 2, overdue: 1 },
    });
  });
});
