// @vitest-environment happy-dom
// Live views of stored data: the export settings two panels share, the comment author, and the
// change signal another tab sends through localStorage, which the timeline's store reloads on.
import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIncident, eventDefaults, type TimelineEvent } from '../../../../shared/domain';
import {
  CHANGE_LOG_STORAGE_KEY,
  incidentChangedAt,
  resetChangeLog,
  subscribeIncidentChanges,
  type IncidentChange,
} from '../../../../renderer/db/changeLog';
import { putEvents } from '../../../../renderer/db/repos/events';
import { putIncident } from '../../../../renderer/db/repos/incidents';
import { setCommentAuthor } from '../../../../renderer/db/repos/comments';
import { setPref } from '../../../../renderer/db/repos/prefs';
import { useCommentAuthor } from '../../../../renderer/features/comments/hooks/useCommentAuthor';
import {
  exportSettingsKey,
  useExportSettings,
} from '../../../../renderer/features/export/hooks/useExportSettings';
import { useTimelineStore } from '../../../../renderer/features/timeline/hooks/useTimelineStore';
import { freshDb } from '../../db/testDb';
import { acting, render, renderHook, until } from './render';

let dbName = '';
beforeEach(() => {
  localStorage.clear();
  resetChangeLog();
  dbName = freshDb('live-views').name;
});

describe('useExportSettings', () => {
  function Panel({ id, name }: { id: string; name: string }) {
    const s = useExportSettings({ id, templateId: null });
    return (
      <p data-testid={name}>
        {s.audience}/{String(s.utcOnly)}
        <button type="button" data-testid={`${name}-customer`} onClick={() => s.setAudience('customer')} />
        <button type="button" data-testid={`${name}-utc`} onClick={() => s.setUtcOnly(!s.utcOnly)} />
      </p>
    );
  }
  const click = (view: ReturnType<typeof render>, id: string) =>
    acting(async () => view.container.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`)!.click());

  it('keeps the Document tab and the Export dialog on one audience', async () => {
    const view = render(
      <>
        <Panel id="inc" name="document" />
        <Panel id="inc" name="dialog" />
        <Panel id="other" name="elsewhere" />
      </>,
    );
    await until(() => expect(view.text('document')).toBe('internal/false'));
    await click(view, 'dialog-customer');
    await until(() => expect(view.text('document')).toBe('customer/true'));
    // Two panels, two live queries: each settles on its own turn.
    await until(() => expect(view.text('dialog')).toBe('customer/true'));
    await click(view, 'document-utc');
    await until(() => expect(view.text('dialog')).toBe('customer/false'));
    expect(view.text('elsewhere')).toBe('internal/false');
  });

  it('reads a damaged stored value as the defaults', async () => {
    await setPref(exportSettingsKey('inc'), { audience: 'everyone', utcOnly: 'yes' });
    const hook = renderHook(() => useExportSettings({ id: 'inc', templateId: 'azure-pir' }));
    await until(() => expect(hook.current()).toMatchObject({ audience: 'customer', utcOnly: true }));
  });
});

describe('useCommentAuthor', () => {
  it('is undefined while loading, empty when unset, then the name once set anywhere', async () => {
    const hook = renderHook(() => useCommentAuthor());
    expect(hook.current()).toBeUndefined();
    await until(() => expect(hook.current()).toBe(''));
    await setCommentAuthor('Reviewer R');
    await until(() => expect(hook.current()).toBe('Reviewer R'));
  });
});

describe('changes made in another tab', () => {
  const event = (id: string, title: string): TimelineEvent => ({
    ...eventDefaults(),
    id,
    incidentId: 'inc-tab',
    at: 1_000,
    title,
    kind: 'log',
    createdAt: 1,
    updatedAt: 1,
  });

  /** What another tab does: writes the shared database, then its newer change time. */
  async function writeFromAnotherTab(title: string, at: number): Promise<void> {
    const other = new Dexie(dbName, { indexedDB, IDBKeyRange });
    await other.open();
    await other.table('events').put(event('e1', title));
    other.close();
    const oldValue = localStorage.getItem(CHANGE_LOG_STORAGE_KEY);
    const newValue = JSON.stringify({ ...JSON.parse(oldValue ?? '{}'), 'inc-tab': at });
    localStorage.setItem(CHANGE_LOG_STORAGE_KEY, newValue);
    window.dispatchEvent(new StorageEvent('storage', { key: CHANGE_LOG_STORAGE_KEY, oldValue, newValue }));
  }

  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('reach the subscribers as a change of the incident, and the timeline shows them', async () => {
    await putIncident(createIncident({ id: 'inc-tab', now: 1, title: 'Tabs' }));
    await putEvents([event('e1', 'before')]);
    await until(() => expect(localStorage.getItem(CHANGE_LOG_STORAGE_KEY)).toContain('inc-tab'));
    const seen: IncidentChange[] = [];
    const stop = subscribeIncidentChanges((c) => seen.push(c));

    function Titles() {
      const { store } = useTimelineStore('inc-tab');
      return <p data-testid="titles">{store.events.map((e) => e.title).join('|')}</p>;
    }
    const view = render(<Titles />);
    await until(() => expect(view.text('titles')).toBe('before'));

    const at = incidentChangedAt('inc-tab')! + 1_000;
    await writeFromAnotherTab('written in another tab', at);
    expect(seen).toEqual([{ incidentId: 'inc-tab', table: null, origin: null }]);
    expect(incidentChangedAt('inc-tab')).toBe(at);
    await until(() => expect(view.text('titles')).toBe('written in another tab'));

    // An older time (a tab that flushed late) is no news.
    await writeFromAnotherTab('stale', at - 5_000);
    expect(seen).toHaveLength(1);
    stop();
  });
});
