import type { EventKind, KeyTimeField, TimelineEvent } from '../../../../shared/domain';
import { eventDefaults, newId } from '../../../../shared/domain';
import { mergeEvents, splitEvent, withKeyTime, type KeyTimeState } from '../../../../shared/timeline-edit';
import { applyTimelineEdit, getIncident } from '../../../db/repos';
import type { UndoManager } from '../../undo';
import type { TimelineStore } from './store';

interface Change {
  put: TimelineEvent[];
  remove: string[];
  keyTimes?: KeyTimeState;
}

/**
 * Every timeline edit: written in one transaction, applied to the in-memory store, and pushed
 * to the app's undo manager with its exact inverse (rows before, rows after, key times before).
 */
export class TimelineEdits {
  constructor(
    private readonly store: TimelineStore,
    private readonly undo: UndoManager,
    private readonly now: () => number = Date.now,
  ) {}

  private async write(c: Change): Promise<void> {
    await applyTimelineEdit({
      incidentId: this.store.incidentId,
      put: c.put,
      remove: c.remove,
      keyTimes: c.keyTimes,
      now: this.now(),
      origin: this.store.origin,
    });
    this.store.apply(c.put, c.remove);
  }

  private async commit(
    label: string,
    forward: Change,
    backward: Change,
    coalesceKey?: string,
  ): Promise<void> {
    await this.write(forward);
    this.undo.push({ label, coalesceKey, undo: () => this.write(backward), redo: () => this.write(forward) });
  }

  private rows(ids: readonly string[]): TimelineEvent[] {
    return ids.map((id) => this.store.byId.get(id)).filter((e): e is TimelineEvent => e !== undefined);
  }

  /** Adds a hand-written event and returns it. */
  async add(
    init: Pick<TimelineEvent, 'at' | 'kind' | 'title'> & Partial<TimelineEvent>,
  ): Promise<TimelineEvent> {
    const now = this.now();
    const event: TimelineEvent = {
      ...eventDefaults(),
      ...init,
      id: newId(now),
      incidentId: this.store.incidentId,
      createdAt: now,
      updatedAt: now,
    };
    await this.commit(`Add “${event.title}”`, { put: [event], remove: [] }, { put: [], remove: [event.id] });
    return event;
  }

  /** Changes fields of events; typing in one field coalesces into one undo step. */
  async update(
    ids: readonly string[],
    patch: Partial<Omit<TimelineEvent, 'id' | 'incidentId'>>,
    label: string,
  ): Promise<void> {
    const before = this.rows(ids);
    if (before.length === 0) return;
    const now = this.now();
    const after = before.map((e) => ({ ...e, ...patch, updatedAt: now }));
    const key = before.length === 1 ? `timeline:${before[0]!.id}:${Object.keys(patch).join(',')}` : undefined;
    await this.commit(label, { put: after, remove: [] }, { put: before, remove: [] }, key);
  }

  setKind(ids: readonly string[], kind: EventKind): Promise<void> {
    return this.update(
      ids,
      { kind },
      ids.length === 1 ? `Set kind to ${kind}` : `Set ${ids.length} events to ${kind}`,
    );
  }

  setKey(ids: readonly string[], key: boolean): Promise<void> {
    const what = ids.length === 1 ? 'event' : `${ids.length} events`;
    return this.update(ids, { key }, key ? `Mark ${what} as key` : `Unmark ${what} as key`);
  }

  async remove(ids: readonly string[]): Promise<void> {
    const before = this.rows(ids);
    if (before.length === 0) return;
    const label = before.length === 1 ? `Delete “${before[0]!.title}”` : `Delete ${before.length} events`;
    await this.commit(label, { put: [], remove: before.map((e) => e.id) }, { put: before, remove: [] });
  }

  /** Merges events into one; returns the merged event. */
  async merge(ids: readonly string[]): Promise<TimelineEvent> {
    const before = this.rows(ids);
    const now = this.now();
    const merged = mergeEvents(before, { id: newId(now), now });
    await this.commit(
      `Merge ${before.length} events`,
      { put: [merged], remove: before.map((e) => e.id) },
      { put: before, remove: [merged.id] },
    );
    return merged;
  }

  /** Replaces a folded event with one event per record found; returns how the split went. */
  async split(id: string, records: Parameters<typeof splitEvent>[1]): Promise<ReturnType<typeof splitEvent>> {
    const event = this.store.byId.get(id);
    if (!event) throw new Error('That event no longer exists.');
    const now = this.now();
    let n = 0;
    const result = splitEvent(event, records, { newId: () => newId(now + n++), now });
    if (result.events.length === 0)
      throw new Error('None of the records behind this event were found in the stored logs.');
    await this.commit(
      `Split “${event.title}” into ${result.events.length}`,
      { put: result.events, remove: [event.id] },
      { put: [event], remove: result.events.map((e) => e.id) },
    );
    return result;
  }

  /** Sets (or clears) a key time of the incident from an event's time; the Overview follows. */
  async setPhase(field: KeyTimeField, at: number | null, label: string): Promise<void> {
    const incident = await getIncident(this.store.incidentId);
    if (!incident) throw new Error('The incident no longer exists.');
    const before: KeyTimeState = { keyTimes: incident.keyTimes, keyTimeOrigins: incident.keyTimeOrigins };
    const after = withKeyTime(before, field, at);
    await this.commit(
      label,
      { put: [], remove: [], keyTimes: after },
      { put: [], remove: [], keyTimes: before },
    );
  }
}
