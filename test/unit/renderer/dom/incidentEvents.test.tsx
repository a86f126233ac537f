// @vitest-environment happy-dom
// The document takes an incident's events from the timeline's store: all of them or none (null
// while reading), never the first screen the timeline shows early; from packs the same as rows.
import { beforeEach, describe, expect, it } from 'vitest';
import { createIncident, eventDefaults, type TimelineEvent } from '../../../../shared/domain';
import { resetChangeLog } from '../../../../renderer/db/changeLog';
import { putEvents, readEventRows } from '../../../../renderer/db/repos/events';
import { buildEventPacks, readPackedEvents } from '../../../../renderer/db/repos/eventPacks';
import { putIncident } from '../../../../renderer/db/repos/incidents';
import { useIncidentEvents } from '../../../../renderer/features/timeline';
import { freshDb } from '../../db/testDb';
import { renderHook, until } from './render';

const event = (i: number): TimelineEvent => ({
  ...eventDefaults(),
  id: `e${String(i).padStart(4, '0')}`,
  incidentId: 'inc-doc',
  at: 1_000 * (i % 50),
  title: `event ${i}`,
  kind: 'log',
  createdAt: 1,
  updatedAt: 1,
});

beforeEach(async () => {
  localStorage.clear();
  resetChangeLog();
  freshDb('incident-events');
  await putIncident(createIncident({ id: 'inc-doc', now: 1, title: 'Doc' }));
  // More than the timeline's first screen (80), so a partial list would be visible.
  await putEvents(Array.from({ length: 300 }, (_, i) => event(i)));
});

describe('useIncidentEvents', () => {
  for (const source of ['rows', 'packs'] as const) {
    it(`gives every event or none, never a first screen (from ${source})`, async () => {
      if (source === 'packs') {
        expect(await buildEventPacks('inc-doc', await readEventRows('inc-doc'), 64)).toBe(true);
        expect(await readPackedEvents('inc-doc')).not.toBeNull();
      }
      const seen: Array<number | null> = [];
      const hook = renderHook(() => {
        const { events } = useIncidentEvents(`inc-doc`);
        seen.push(events === null ? null : events.length);
        return events;
      });
      await until(() => expect(hook.current()?.length).toBe(300));
      expect(seen.filter((n) => n !== null && n !== 300)).toEqual([]);
      const expected = (await readEventRows('inc-doc')).events.map((e) => e.id);
      expect(hook.current()!.map((e) => e.id)).toEqual(expected);
    });
  }
});
