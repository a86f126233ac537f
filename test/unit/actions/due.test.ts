import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DUE_DAYS,
  calendarDateAt,
  defaultDueDate,
  describeDue,
  dueDateAfterPriorityChange,
  isOverdue,
  restoreActionTypes,
  restoreDueDays,
  spanWords,
} from '../../../shared/actions';
import { DEFAULT_ACTION_TYPES } from '../../../shared/domain';

describe('default due dates per priority', () => {
  it('uses two, four and eight weeks and none for P3 by default', () => {
    expect(defaultDueDate('P0', '2026-03-01', DEFAULT_DUE_DAYS)).toBe('2026-03-15');
    expect(defaultDueDate('P1', '2026-03-01', DEFAULT_DUE_DAYS)).toBe('2026-03-29');
    expect(defaultDueDate('P2', '2026-03-01', DEFAULT_DUE_DAYS)).toBe('2026-04-26');
    expect(defaultDueDate('P3', '2026-03-01', DEFAULT_DUE_DAYS)).toBeNull();
  });

  it('follows edited preferences', () => {
    const prefs = { ...DEFAULT_DUE_DAYS, P3: 84, P0: 0 };
    expect(defaultDueDate('P3', '2026-03-01', prefs)).toBe('2026-05-24');
    expect(defaultDueDate('P0', '2026-03-01', prefs)).toBe('2026-03-01');
  });

  it('counts from the local calendar day even when the instant is across a DST change', () => {
    // 2026-03-08 00:30 EST, the night the clocks spring forward in New York.
    const today = calendarDateAt(Date.parse('2026-03-08T05:30:00Z'), 'America/New_York');
    expect(defaultDueDate('P0', today, DEFAULT_DUE_DAYS)).toBe('2026-03-22');
    // Adding 14×24h to local midnight and reading the date back in UTC would have given the 21st.
  });

  it('moves the due date with the priority only while it is still the default', () => {
    const created = '2026-03-01';
    const untouched = { priority: 'P2' as const, dueDate: '2026-04-26' };
    expect(dueDateAfterPriorityChange(untouched, 'P0', created, DEFAULT_DUE_DAYS)).toBe('2026-03-15');
    expect(dueDateAfterPriorityChange(untouched, 'P3', created, DEFAULT_DUE_DAYS)).toBeNull();
    const picked = { priority: 'P2' as const, dueDate: '2026-04-01' };
    expect(dueDateAfterPriorityChange(picked, 'P0', created, DEFAULT_DUE_DAYS)).toBe('2026-04-01');
  });
});

describe('overdue and relative wording', () => {
  const today = '2026-03-10';
  it('is overdue only for open items due strictly before today', () => {
    expect(isOverdue({ status: 'open', dueDate: '2026-03-09' }, today)).toBe(true);
    expect(isOverdue({ status: 'in-progress', dueDate: '2026-01-01' }, today)).toBe(true);
    expect(isOverdue({ status: 'open', dueDate: '2026-03-10' }, today)).toBe(false);
    expect(isOverdue({ status: 'open', dueDate: null }, today)).toBe(false);
    expect(isOverdue({ status: 'done', dueDate: '2026-01-01' }, today)).toBe(false);
    expect(isOverdue({ status: 'wont-do', dueDate: '2026-01-01' }, today)).toBe(false);
  });

  it('flips to overdue at local midnight, not at UTC midnight', () => {
    const item = { status: 'open' as const, dueDate: '2026-11-01' };
    // 23:30 on Nov 1 in Los Angeles (after fall back) is 07:30 UTC on Nov 2.
    const lateEvening = calendarDateAt(Date.parse('2026-11-02T07:30:00Z'), 'America/Los_Angeles');
    expect(isOverdue(item, lateEvening)).toBe(false);
    const afterMidnight = calendarDateAt(Date.parse('2026-11-02T08:00:00Z'), 'America/Los_Angeles');
    expect(isOverdue(item, afterMidnight)).toBe(true);
  });

  it('words the distance in days, weeks, months and years', () => {
    const open = (dueDate: string) => describeDue({ status: 'open', dueDate }, today);
    expect(open('2026-03-13')).toEqual({ state: 'soon', days: 3, text: 'in 3 days' });
    expect(open('2026-03-11').text).toBe('tomorrow');
    expect(open('2026-03-10')).toEqual({ state: 'today', days: 0, text: 'due today' });
    expect(open('2026-03-09')).toEqual({ state: 'overdue', days: -1, text: 'overdue by 1 day' });
    expect(open('2026-02-24').text).toBe('overdue by 2 weeks');
    expect(open('2026-02-20').text).toBe('overdue by 2 weeks'); // 18 days rounds down
    expect(open('2026-03-31')).toEqual({ state: 'later', days: 21, text: 'in 3 weeks' });
    expect(open('2026-06-10').text).toBe('in 3 months');
    expect(open('2024-03-10').text).toBe('overdue by 2 years');
    expect(describeDue({ status: 'open', dueDate: null }, today)).toEqual({
      state: 'none',
      days: null,
      text: 'no due date',
    });
    expect(describeDue({ status: 'open', dueDate: '2026-02-31' }, today).state).toBe('invalid');
    // A closed item says nothing that could read against "overdue by …" in the same column.
    expect(describeDue({ status: 'done', dueDate: '2026-02-24' }, today)).toEqual({
      state: 'closed',
      days: -14,
      text: '',
    });
    expect(describeDue({ status: 'wont-do', dueDate: '2014-02-24' }, today).text).toBe('');
  });

  it('rounds spans down so wording never overstates', () => {
    expect(spanWords(0)).toBe('0 days');
    expect(spanWords(13)).toBe('13 days');
    expect(spanWords(20)).toBe('2 weeks');
    expect(spanWords(-62)).toBe('8 weeks');
    expect(spanWords(63)).toBe('2 months');
    expect(spanWords(364)).toBe('11 months');
    expect(spanWords(365)).toBe('1 year');
  });
});

describe('preferences restore', () => {
  it('keeps valid values and replaces bad ones per priority', () => {
    expect(restoreDueDays({ P0: 7, P1: -3, P2: 'x', P3: 84 })).toEqual({ P0: 7, P1: 28, P2: 56, P3: 84 });
    expect(restoreDueDays({ P3: null })).toEqual(DEFAULT_DUE_DAYS);
    expect(restoreDueDays({ P0: null })).toEqual({ ...DEFAULT_DUE_DAYS, P0: null });
    expect(restoreDueDays('garbage')).toEqual(DEFAULT_DUE_DAYS);
    expect(restoreDueDays({ P0: 1.5 })).toEqual(DEFAULT_DUE_DAYS);
  });

  it('cleans the type list and falls back to the built-in types', () => {
    expect(restoreActionTypes([' prevent ', 'Prevent', '', 'learn', 3])).toEqual(['prevent', 'learn']);
    expect(restoreActionTypes([])).toEqual([...DEFAULT_ACTION_TYPES]);
    expect(restoreActionTypes(undefined)).toEqual([...DEFAULT_ACTION_TYPES]);
  });
});
