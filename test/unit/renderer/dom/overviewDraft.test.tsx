// @vitest-environment happy-dom
// The overview form's draft, its keystroke journal and its saver, through the live incident
// query as the Overview tab wires them: what is typed is journaled at once, written after the
// pause, replayed after a reload, and edits made elsewhere reach the form.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Incident } from '../../../../shared/domain';
import { addIncident, getIncident, updateIncident } from '../../../../renderer/db/repos/incidents';
import { useIncident } from '../../../../renderer/features/incidents/hooks/useIncidents';
import {
  hasUnsavedEdits,
  incidentJournalKey,
  journalDrop,
  journalHas,
  journalPut,
  useUnsavedWarning,
} from '../../../../renderer/features/journal';
import {
  SAVE_DEBOUNCE_MS,
  useOverviewDraft,
} from '../../../../renderer/features/overview/hooks/useOverviewDraft';
import { UndoContext, UndoManager } from '../../../../renderer/features/undo';
import { freshDb } from '../../db/testDb';
import { acting, render, until } from './render';

type Draft = ReturnType<typeof useOverviewDraft>;
let form: Draft | null = null;
const current = (): Draft => {
  if (!form) throw new Error('the form has not rendered');
  return form;
};

function Fields({ incident }: { incident: Incident }) {
  form = useOverviewDraft(incident);
  useUnsavedWarning();
  return (
    <p data-testid="title" data-status={form.status.state}>
      {form.draft.title}
    </p>
  );
}

function Overview({ id }: { id: string }) {
  const incident = useIncident(id);
  return incident ? <Fields incident={incident} /> : null;
}

let undo: UndoManager;
const mount = (id: string) =>
  render(
    <UndoContext.Provider value={undo}>
      <Overview id={id} />
    </UndoContext.Provider>,
  );

const unloadPrevented = (): boolean => {
  const e = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(e);
  return e.defaultPrevented;
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  freshDb('overview-draft');
  localStorage.clear();
  undo = new UndoManager();
  form = null;
});
afterEach(() => {
  vi.useRealTimers();
});

describe('useOverviewDraft', () => {
  it('journals a keystroke at once and writes it only after the pause', async () => {
    const incident = await addIncident({ title: 'Before' });
    const view = mount(incident.id);
    await until(() => expect(view.text('title')).toBe('Before'));

    await acting(async () => current().setField('title', 'After', 'debounce'));
    const key = incidentJournalKey(incident.id);
    expect(journalHas(key)).toBe(true);
    expect(hasUnsavedEdits()).toBe(true);
    expect(unloadPrevented()).toBe(true);
    expect(view.text('title')).toBe('After');
    expect((await getIncident(incident.id))?.title).toBe('Before');

    await acting(() => vi.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS));
    await until(() => expect(view.container.querySelector('p')?.dataset.status).toBe('saved'));
    expect((await getIncident(incident.id))?.title).toBe('After');
    expect(journalHas(key)).toBe(false);
    expect(hasUnsavedEdits()).toBe(false);
    expect(unloadPrevented()).toBe(false);
    expect(undo.getState()).toMatchObject({ canUndo: true, undoLabel: expect.stringContaining('title') });

    await acting(() => undo.undo());
    await until(() => expect(view.text('title')).toBe('Before'));
  });

  it('replays what a page that went away had typed, and drops what the stored row supersedes', async () => {
    const incident = await addIncident({ title: 'Stored', summary: 'stored summary' });
    const key = incidentJournalKey(incident.id);
    journalPut(key, 'title', 'Typed before the crash', incident.updatedAt + 1);
    journalPut(key, 'summary', 'typed long ago', incident.updatedAt - 1);

    const view = mount(incident.id);
    await until(() => expect(view.text('title')).toBe('Typed before the crash'));
    await until(async () => expect(journalHas(key)).toBe(false));
    const stored = await getIncident(incident.id);
    expect(stored).toMatchObject({ title: 'Typed before the crash', summary: 'stored summary' });
  });

  it('shows an edit made elsewhere, but keeps a field the user is still typing', async () => {
    const incident = await addIncident({ title: 'Mine', summary: 'old summary' });
    const view = mount(incident.id);
    await until(() => expect(view.text('title')).toBe('Mine'));
    await acting(async () => current().setField('title', 'Mine, still typing', 'debounce'));

    await updateIncident(incident.id, { title: 'Theirs', summary: 'their summary' });
    await until(() => expect(current().draft.summary).toBe('their summary'));
    expect(view.text('title')).toBe('Mine, still typing');
  });

  it('writes what is waiting when the form goes away', async () => {
    const incident = await addIncident({ title: 'Open' });
    const view = mount(incident.id);
    await until(() => expect(view.text('title')).toBe('Open'));
    await acting(async () => current().setField('title', 'Closed too soon', 'debounce'));
    view.unmount();
    await until(async () => expect(journalHas(incidentJournalKey(incident.id))).toBe(false));
    expect((await getIncident(incident.id))?.title).toBe('Closed too soon');
    journalDrop(incidentJournalKey(incident.id));
  });
});
