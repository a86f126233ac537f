import { removeShare, shareOf } from '../../../sync/shares';
import { useCallback, useMemo } from 'react';
import type { Incident } from '../../../../shared/domain';
import {
  addIncident,
  deleteIncident,
  duplicateIncident,
  putIncident,
  restoreIncident,
  updateIncident,
} from '../../../db/repos';
import { useAlert } from '../../../ui/Alerts';
import { useToast } from '../../../ui/Toast';
import { useUndoManager } from '../../undo';
import { goTo, parseRoute, type Route } from '../../../routing/route';

export interface IncidentActions {
  create(init?: Partial<Incident>): Promise<Incident | null>;
  rename(id: string, title: string): Promise<void>;
  duplicate(id: string): Promise<Incident | null>;
  /** Deletes at once (the caller has already asked) and offers Undo in a toast. */
  remove(incident: Pick<Incident, 'id' | 'title'>): Promise<void>;
}

/** Incident-level writes, each recorded as an undo step; failures are shown, never thrown. */
export function useIncidentActions(): IncidentActions {
  const undo = useUndoManager();
  const toast = useToast();
  const alert = useAlert();

  const fail = useCallback(
    (what: string, err: unknown) => alert(what, err instanceof Error ? err.message : String(err)),
    [alert],
  );

  const create = useCallback(
    async (init: Partial<Incident> = {}) => {
      try {
        const incident = await addIncident(init);
        let current: Incident = incident;
        // Undo from inside the new incident goes to the list (not to "Incident not found"); Redo comes back.
        let leftFrom: Route | null = null;
        undo.push({
          label: 'New incident',
          undo: async () => {
            const snap = await deleteIncident(incident.id);
            if (snap) current = snap.incident;
            const here = parseRoute(window.location.hash);
            leftFrom = here.name === 'incident' && here.id === incident.id ? here : null;
            if (leftFrom) goTo({ name: 'list' });
          },
          redo: async () => {
            await putIncident(current);
            if (leftFrom) goTo(leftFrom);
          },
        });
        return incident;
      } catch (err) {
        fail('Could not create the incident', err);
        return null;
      }
    },
    [undo, fail],
  );

  const rename = useCallback(
    async (id: string, title: string) => {
      try {
        const { before, after } = await updateIncident(id, { title });
        undo.push({ label: 'Rename', undo: () => putIncident(before), redo: () => putIncident(after) });
      } catch (err) {
        fail('Could not rename the incident', err);
      }
    },
    [undo, fail],
  );

  const duplicate = useCallback(
    async (id: string) => {
      try {
        const copy = await duplicateIncident(id);
        if (!copy) throw new Error('The incident no longer exists.');
        let snapshot: Awaited<ReturnType<typeof deleteIncident>> = null;
        undo.push({
          label: 'Duplicate',
          undo: async () => {
            snapshot = await deleteIncident(copy.id);
          },
          redo: async () => {
            if (snapshot) await restoreIncident(snapshot);
          },
        });
        toast({ message: `Duplicated as “${copy.title}”` });
        return copy;
      } catch (err) {
        fail('Could not duplicate the incident', err);
        return null;
      }
    },
    [undo, toast, fail],
  );

  const remove = useCallback(
    async (incident: Pick<Incident, 'id' | 'title'>) => {
      try {
        // Deleting deletes this machine's copy, never everyone's: a shared incident stops being shared first.
        const shared = shareOf(incident.id) !== undefined;
        if (shared) await removeShare(incident.id);
        const snapshot = await deleteIncident(incident.id);
        if (!snapshot) return;
        let restored = false;
        const restore = async () => {
          if (restored) return;
          await restoreIncident(snapshot);
          restored = true;
        };
        undo.push({
          label: `Delete ${incident.title}`,
          undo: restore,
          redo: async () => {
            await deleteIncident(incident.id);
            restored = false;
          },
        });
        toast({
          message: shared
            ? `Deleted ${incident.title} from this machine (it is no longer shared; the server keeps it)`
            : `Deleted ${incident.title}`,
          action: {
            label: 'Undo',
            run: () => void restore().catch((err: unknown) => fail('Could not restore the incident', err)),
          },
        });
      } catch (err) {
        fail('Could not delete the incident', err);
      }
    },
    [undo, toast, fail],
  );

  return useMemo(() => ({ create, rename, duplicate, remove }), [create, rename, duplicate, remove]);
}
