/// <reference lib="webworker" />
import type { SearchReply, SearchRequest } from './protocol';
import { SearchService } from './service';
import { PlacesStore } from './placesStore';
import { incidentIds, openExisting, readIncidentRows, readIncidentRowsByKey, readSnapshot } from './source';

/*
 * The library's search index lives here, off the main thread: loading it, indexing changed
 * incidents and answering queries never block the UI. It reads incident rows from IndexedDB
 * itself, so no incident's rows cross from the page.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
let service: SearchService | null = null;
const queue: SearchRequest[] = [];

const post = (reply: SearchReply) => scope.postMessage(reply);

scope.onmessage = (e: MessageEvent<SearchRequest>) => {
  const msg = e.data;
  if (msg.type === 'start' && service === null) {
    void openExisting(msg.dbName).then((db) => {
      const places = new PlacesStore(db, msg.dbName);
      void places.open();
      service = new SearchService(
        {
          incidentIds: () => incidentIds(db),
          read: (id, tables) => readIncidentRows(db, id, tables),
          readRows: (id, table, keys) => readIncidentRowsByKey(db, id, table, keys),
          load: () => readSnapshot(db),
          readPlaces: (ids) => places.read(ids),
          save: (snap, changed, fresh) => places.save(snap, changed, fresh),
        },
        post,
      );
      const s = service;
      void s.handle(msg).catch(fail);
      for (const m of queue.splice(0)) void s.handle(m).catch(fail);
    }, fail);
  } else if (service === null) queue.push(msg);
  else void service.handle(msg).catch(fail);
};

function fail(err: unknown): void {
  post({
    type: 'status',
    status: { state: 'failed', message: err instanceof Error ? err.message : String(err) },
  });
}
