// @vitest-environment happy-dom
// Undo "New incident" from inside that incident: the user goes back to the list instead of
// staying on an "Incident not found" page (issue 12's newcomer walk); Redo opens it again.
import { beforeEach, describe, expect, it } from 'vitest';
import type { ReactNode } from 'react';
import { getIncident } from '../../../../renderer/db/repos/incidents';
import { useIncidentActions } from '../../../../renderer/features/incidents/hooks/useIncidentActions';
import { UndoContext } from '../../../../renderer/features/undo';
import { UndoManager } from '../../../../renderer/features/undo/UndoManager';
import { parseRoute, routeHash } from '../../../../renderer/routing/route';
import { freshDb } from '../../db/testDb';
import { acting, render, until } from './render';

beforeEach(() => {
  freshDb('new-incident-undo');
  window.location.hash = '#/';
});

describe('undoing New incident', () => {
  it('leaves the incident it removes for the list, and Redo brings it back on screen', async () => {
    const manager = new UndoManager();
    let actions: ReturnType<typeof useIncidentActions> | null = null;
    function Probe(): null {
      actions = useIncidentActions();
      return null;
    }
    const wrap = (ui: ReactNode) => <UndoContext.Provider value={manager}>{ui}</UndoContext.Provider>;
    render(wrap(<Probe />));
    const incident = (await acting(() => actions!.create()))!;
    window.location.hash = routeHash({ name: 'incident', id: incident.id, tab: 'overview' });

    await acting(() => manager.undo());
    await until(async () => expect(await getIncident(incident.id)).toBeUndefined());
    expect(parseRoute(window.location.hash)).toEqual({ name: 'list' });

    await acting(() => manager.redo());
    await until(async () => expect(await getIncident(incident.id)).toBeDefined());
    expect(parseRoute(window.location.hash)).toEqual({ name: 'incident', id: incident.id, tab: 'overview' });
  });

  it('does not move a user who is elsewhere', async () => {
    const manager = new UndoManager();
    let actions: ReturnType<typeof useIncidentActions> | null = null;
    function Probe(): null {
      actions = useIncidentActions();
      return null;
    }
    render(
      <UndoContext.Provider value={manager}>
        <Probe />
      </UndoContext.Provider>,
    );
    await acting(() => actions!.create());
    window.location.hash = '#/actions';
    await acting(() => manager.undo());
    expect(window.location.hash).toBe('#/actions');
  });
});
