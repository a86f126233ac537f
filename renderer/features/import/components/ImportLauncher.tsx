import { useLiveQuery } from 'dexie-react-hooks';
import { getIncident } from '../../../db/repos';
import type { PickedFile } from '../../../platform';
import { ImportDialog } from './ImportDialog';

export interface ImportTarget {
  incidentId: string;
  files: PickedFile[];
}

/** The import dialog for an incident, kept in step with the stored incident (zone, key times). */
export function ImportLauncher({ target, onClose }: { target: ImportTarget; onClose(): void }) {
  const incident = useLiveQuery(
    async () => (await getIncident(target.incidentId)) ?? null,
    [target.incidentId],
  );
  if (incident === undefined) return null;
  if (incident === null) {
    onClose();
    return null;
  }
  return <ImportDialog incident={incident} initialFiles={target.files} onClose={onClose} />;
}
