import { beforeEach, describe, expect, it } from 'vitest';
import { createIncident } from '../../../../shared/domain';
import { DRAFT_FIELDS } from '../../../../renderer/features/overview/draft';
import {
  hasUnsavedEdits,
  journalCommitted,
  journalDrop,
  journalHas,
  journalNewer,
  journalPut,
  onUnsavedChange,
} from '../../../../renderer/features/journal/journal';
import { replayableOverview } from '../../../../renderer/features/journal/replay';

/** A Storage made for tests (the unit tests run in Node, which has no localStorage). */
class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
  setItem(k: string, v: string) {
    this.map.set(k, String(v));
  }
}

beforeEach(() => {
  Object.assign(globalThis, { localStorage: new MemoryStorage() });
  journalDrop('a');
  journalDrop('b');
});

describe('keystroke journal', () => {
  it('keeps each value from the moment it is put until its own write committed', () => {
    journalPut('a', 'summary', 'Hel', 100);
    journalPut('a', 'summary', 'Hello', 110);
    expect(hasUnsavedEdits()).toBe(true);
    // An older write (of "Hel") committing does not clear the newer keystrokes.
    journalCommitted('a', { summary: 'Hel' });
    expect(journalNewer('a', 0)).toEqual({ summary: { value: 'Hello', at: 110 } });
    expect(hasUnsavedEdits()).toBe(true);
    journalCommitted('a', { summary: 'Hello' });
    expect(journalHas('a')).toBe(false);
    expect(hasUnsavedEdits()).toBe(false);
  });

  it('survives the page: a new read of storage sees what was put', () => {
    journalPut('b', 'title', 'Typed just before reload', 500);
    const raw = localStorage.getItem('rootline:journal:b');
    expect(raw).toContain('Typed just before reload');
  });

  it('yields to a stored row written after the keystroke', () => {
    journalPut('a', 'summary', 'old draft', 100);
    journalPut('a', 'title', 'new title', 300);
    expect(Object.keys(journalNewer('a', 200))).toEqual(['title']);
    // The superseded value is gone for good.
    expect(Object.keys(journalNewer('a', 0))).toEqual(['title']);
  });

  it('ignores damaged storage', () => {
    localStorage.setItem('rootline:journal:a', '{not json');
    expect(journalNewer('a', 0)).toEqual({});
    localStorage.setItem('rootline:journal:a', JSON.stringify({ summary: { value: 'x' } }));
    expect(journalNewer('a', 0)).toEqual({});
  });

  it('tells listeners when unsaved edits come and go', () => {
    let calls = 0;
    const off = onUnsavedChange(() => calls++);
    journalPut('a', 'summary', 'x', 1);
    journalCommitted('a', { summary: 'x' });
    off();
    expect(calls).toBe(2);
  });
});

describe('replaying journaled overview edits', () => {
  const incident = createIncident({ id: 'I1', now: 0, title: 'Stored' });

  it('replays changed draft fields and key-time text, skips unchanged and invalid values', () => {
    const at = 10;
    const { fields, times } = replayableOverview(
      incident,
      {
        title: { value: 'Stored', at },
        summary: { value: 'typed 100 ms before the reload', at },
        severity: { value: 'SEV9', at },
        createdAt: { value: 5, at },
        'times.detectedAt': { value: '2014-11-19 00:51', at },
        'times.notAField': { value: 'x', at },
      },
      DRAFT_FIELDS,
    );
    expect(fields).toEqual({ summary: 'typed 100 ms before the reload' });
    expect(times).toEqual({ detectedAt: '2014-11-19 00:51' });
  });
});
