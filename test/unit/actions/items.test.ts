import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DUE_DAYS,
  bulkWithStatus,
  createActionItem,
  isOpenableTicketUrl,
  withCauses,
  withStatus,
} from '../../../shared/actions';
import { ActionItem } from '../../../shared/domain';
import { item } from './fixtures';

describe('createActionItem', () => {
  it('creates a valid open item with the default due date of its priority', () => {
    const a = createActionItem({
      id: 'a1',
      incidentId: 'inc',
      title: '  Add alert on queue depth ',
      now: 5,
      today: '2026-03-01',
      dueDays: DEFAULT_DUE_DAYS,
      priority: 'P1',
      causeIds: ['c1', 'c1', 'c2'],
    });
    expect(ActionItem.parse(a)).toEqual(a);
    expect(a).toMatchObject({
      title: 'Add alert on queue depth',
      dueDate: '2026-03-29',
      status: 'open',
      causeIds: ['c1', 'c2'],
    });
  });
});

describe('withStatus', () => {
  it('stamps completion on done and clears it when reopened', () => {
    const done = withStatus(item({ id: 'a' }), 'done', 100);
    expect(done).toMatchObject({ status: 'done', completedAt: 100, updatedAt: 100 });
    if (typeof done === 'string') throw new Error(done);
    expect(withStatus(done, 'done', 200)).toBe(done);
    expect(withStatus(done, 'open', 300)).toMatchObject({ status: 'open', completedAt: null });
  });

  it("requires a reason for won't do and drops it on reopen", () => {
    expect(withStatus(item({ id: 'a' }), 'wont-do', 1)).toBe('reason-required');
    expect(withStatus(item({ id: 'a' }), 'wont-do', 1, '   ')).toBe('reason-required');
    const declined = withStatus(item({ id: 'a' }), 'wont-do', 1, 'Service retired');
    expect(declined).toMatchObject({ status: 'wont-do', statusReason: 'Service retired', completedAt: null });
    if (typeof declined === 'string') throw new Error(declined);
    expect(withStatus(declined, 'open', 2)).toMatchObject({ status: 'open', statusReason: '' });
  });
});

describe('withCauses', () => {
  it('de-duplicates and returns the same object when nothing changes', () => {
    const a = item({ id: 'a', causeIds: ['x'] });
    expect(withCauses(a, ['x'], 9)).toBe(a);
    expect(withCauses(a, ['y', 'x', 'y'], 9)).toMatchObject({ causeIds: ['y', 'x'], updatedAt: 9 });
  });
});

describe('isOpenableTicketUrl', () => {
  it('opens only http(s) URLs with a host', () => {
    expect(isOpenableTicketUrl('https://jira.example.com/browse/OPS-12')).toBe(true);
    expect(isOpenableTicketUrl(' http://linear.app/acme/issue/ENG-3?x=1#c ')).toBe(true);
    expect(isOpenableTicketUrl('HTTPS://EXAMPLE.COM')).toBe(true);
    for (const bad of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'https://',
      'ftp://example.com',
      'example.com/x',
      'https://exa mple.com',
      'https://example.com/a b',
      'https://example.com/\u0000',
      'OPS-12',
      '//example.com',
      'data:text/html,hi',
    ]) {
      expect(isOpenableTicketUrl(bad), bad).toBe(false);
    }
  });
});

describe('bulkWithStatus', () => {
  it("changes only what differs and refuses won't do without a reason", () => {
    const rows = [
      item({ id: 'a' }),
      item({ id: 'b', status: 'done', completedAt: 3 }),
      item({ id: 'c', status: 'in-progress' }),
    ];
    const done = bulkWithStatus(rows, 'done', 10);
    expect(done.changed.map((c) => [c.id, c.completedAt])).toEqual([
      ['a', 10],
      ['c', 10],
    ]);
    expect(bulkWithStatus(rows, 'wont-do', 10).refused).toEqual(['a', 'b', 'c']);
    expect(bulkWithStatus(rows, 'wont-do', 10, 'Out of scope').changed).toHaveLength(3);
  });
});
