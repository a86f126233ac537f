import {
  INDEXED_TABLES,
  libraryQueryString,
  type IndexedTable,
  type LibraryQuery,
  type LibraryResult,
} from '../../../../shared/library/search';
import { getDb } from '../../../db/db';
import { incidentChangeTimes, subscribeIncidentChanges } from '../../../db/changeLog';
import type { IndexState, SearchReply, SearchRequest } from './worker/protocol';

/** User Timing mark set when the search starts (the benchmark counts main-thread tasks from it). */
export const START_MARK = 'rootline:search-start';

/** User Timing measure of one change, from its commit to the index having it (`npm run bench:library`). */
export const UPDATE_MEASURE = 'rootline:search-update';

/** The same change until the page handled the worker's word that the index has it. */
export const UPDATE_SEEN_MEASURE = 'rootline:search-update-seen';

/** User Timing measure of the worker's time computing one query's answer. */
export const QUERY_WORKER_MEASURE = 'rootline:search-query-worker';

/** User Timing mark set each time the worker has stored the index (the benchmark waits for it). */
export const SAVED_MARK = 'rootline:search-saved';

/** A channel to the search service: a Web Worker in the app, the service in-process in tests. */
export interface SearchChannel {
  send(msg: SearchRequest): void;
  onReply(fn: (reply: SearchReply) => void): void;
  close(): void;
}

/** A channel whose service could not start: it says so once, and the list works without search. */
function failedChannel(message: string): SearchChannel {
  return {
    send: () => undefined,
    onReply: (fn) => queueMicrotask(() => fn({ type: 'status', status: { state: 'failed', message } })),
    close: () => undefined,
  };
}

function workerChannel(): SearchChannel {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./worker/search.worker.ts', import.meta.url), { type: 'module' });
  } catch (e) {
    return failedChannel(`Search could not start: ${e instanceof Error ? e.message : String(e)}`);
  }
  return {
    send: (msg) => worker.postMessage(msg),
    onReply: (fn) => {
      worker.onmessage = (e: MessageEvent<SearchReply>) => fn(e.data);
      worker.onerror = (e) => fn({ type: 'status', status: { state: 'failed', message: e.message } });
    },
    close: () => worker.terminate(),
  };
}

/** A query asked of the worker: who waits for its complete answer and its first one. */
interface Asked {
  resolve: (r: LibraryResult) => void;
  promise: Promise<LibraryResult>;
  early: ((r: LibraryResult) => void) | undefined;
  /** A first answer that came before anyone listened for it (a primed query). */
  earlyResult: LibraryResult | undefined;
  answered: boolean;
}

/** Two queries with the same key get the same answer. */
const queryKey = (query: LibraryQuery, limit: number) => `${limit}:${libraryQueryString(query)}`;

/** Above this many written rows, the worker re-reads the incident's table instead. */
const MAX_ROW_KEYS = 500;

const indexedTable = (table: string | null): IndexedTable | null | undefined =>
  table === null ? null : INDEXED_TABLES.find((t) => t === table);

/**
 * The page's side of the library search: starts the service once asked to (`start`, or the
 * first query), forwards every committed change of an incident from the change log (the app's
 * one invalidation signal), and runs queries. Cheap on the main thread: the index is loaded and
 * kept in the worker. Creating it starts nothing, so a view can hold it from its first render
 * and start the service once its own first screen is drawn.
 */
export class LibrarySearchClient {
  private seq = 0;
  private readonly answers = new Map<number, Asked>();
  /** The query sent ahead of the view that will ask for it (see `prime`). */
  private primed: { key: string; asked: Asked } | null = null;
  private readonly statusListeners = new Set<() => void>();
  private readonly updateListeners = new Set<(incidentId: string, ms: number) => void>();
  private current: IndexState = { state: 'loading' };
  private unsubscribe: (() => void) | null = null;
  private channel: SearchChannel | null = null;
  /** When each incident's oldest change not yet in the index was committed. */
  private readonly changedAt = new Map<string, number>();

  constructor(
    private readonly makeChannel: () => SearchChannel,
    private readonly dbName: string,
  ) {}

  /** Starts the service (once): it loads the stored index and catches up with the change log. */
  start(): SearchChannel {
    if (this.channel !== null) return this.channel;
    performance.mark(START_MARK);
    const channel = this.makeChannel();
    this.channel = channel;
    channel.onReply((reply) => this.onReply(reply));
    this.unsubscribe = subscribeIncidentChanges((change) => {
      const table = indexedTable(change.table);
      if (table === undefined) return;
      if (!this.changedAt.has(change.incidentId)) this.changedAt.set(change.incidentId, performance.now());
      const { incidentId } = change;
      // A bulk write (an import) is cheaper to re-read as a table than row by row.
      const keys = change.keys !== undefined && change.keys.length <= MAX_ROW_KEYS ? change.keys : undefined;
      // The rows as written go along: the worker indexes them without reading them back.
      if (keys === undefined) channel.send({ type: 'changed', incidentId, table });
      else if (change.rows === undefined) channel.send({ type: 'changed', incidentId, table, keys });
      else channel.send({ type: 'changed', incidentId, table, keys, rows: change.rows });
    });
    // Changes committed before the start are in the change log's times.
    channel.send({ type: 'start', dbName: this.dbName, changes: incidentChangeTimes() });
    return channel;
  }

  get status(): IndexState {
    return this.current;
  }

  /**
   * Runs a query; resolves with its complete result (every query gets one, in order). `early`
   * receives a first answer whose hits are not complete yet (`pendingHits`), when there is one.
   */
  query(query: LibraryQuery, limit = 25, early?: (r: LibraryResult) => void): Promise<LibraryResult> {
    const primed = this.primed;
    this.primed = null;
    if (primed !== null && primed.key === queryKey(query, limit)) {
      // Sent already: take its answers (a first one that came meanwhile is given now).
      primed.asked.early = early;
      if (primed.asked.earlyResult !== undefined) early?.(primed.asked.earlyResult);
      return primed.asked.promise;
    }
    return this.ask(query, limit, early).promise;
  }

  /**
   * Sends a query before the view asks for it: a keystroke's query goes out as the key is
   * handled, so the worker answers while the page draws the keystroke itself; the view's next
   * `query` for the same query and limit then takes this one's answers instead of asking again.
   */
  prime(query: LibraryQuery, limit: number): void {
    this.primed = { key: queryKey(query, limit), asked: this.ask(query, limit, undefined) };
  }

  private ask(query: LibraryQuery, limit: number, early: ((r: LibraryResult) => void) | undefined): Asked {
    const seq = ++this.seq;
    let resolve!: (r: LibraryResult) => void;
    const promise = new Promise<LibraryResult>((r) => (resolve = r));
    const asked: Asked = { resolve, promise, early, earlyResult: undefined, answered: false };
    this.answers.set(seq, asked);
    this.start().send({ type: 'query', seq, query, limit });
    return asked;
  }

  onStatus(fn: () => void): () => void {
    this.statusListeners.add(fn);
    return () => this.statusListeners.delete(fn);
  }

  /** Called each time an incident's change is in the index. */
  onUpdated(fn: (incidentId: string, ms: number) => void): () => void {
    this.updateListeners.add(fn);
    return () => this.updateListeners.delete(fn);
  }

  close(): void {
    this.unsubscribe?.();
    this.channel?.close();
  }

  private onReply(reply: SearchReply): void {
    switch (reply.type) {
      case 'status':
        this.current = reply.status;
        for (const fn of this.statusListeners) fn();
        break;
      case 'result': {
        const asked = this.answers.get(reply.seq);
        // The worker's own time until its first answer (the rest of the round trip is waiting and messaging).
        if (asked?.answered === false)
          performance.measure(QUERY_WORKER_MEASURE, {
            start: performance.now() - reply.ms,
            end: performance.now(),
            detail: reply.result.indexed,
          });
        if (asked === undefined) break;
        asked.answered = true;
        if (!reply.final) {
          if (asked.early === undefined) asked.earlyResult = reply.result;
          else asked.early(reply.result);
          break;
        }
        this.answers.delete(reply.seq);
        asked.resolve(reply.result);
        break;
      }
      case 'updated': {
        const start = this.changedAt.get(reply.incidentId);
        this.changedAt.delete(reply.incidentId);
        if (start !== undefined) {
          // The worker's time on the page's clock (both from epoch milliseconds).
          const indexed = Math.max(start, reply.at - performance.timeOrigin);
          performance.measure(UPDATE_MEASURE, { start, end: indexed });
          performance.measure(UPDATE_SEEN_MEASURE, { start, end: performance.now() });
        }
        for (const fn of this.updateListeners) fn(reply.incidentId, reply.ms);
        break;
      }
      case 'saved':
        performance.mark(SAVED_MARK);
        break;
    }
  }
}

let client: LibrarySearchClient | null = null;
let makeChannel: () => SearchChannel = workerChannel;

/** The app's search client (started by `start()` or its first query). */
export function librarySearch(): LibrarySearchClient {
  client ??= new LibrarySearchClient(makeChannel, getDb().name);
  return client;
}

/** Replaces how the channel is made and drops the current client (tests). */
export function setSearchChannelFactory(factory: (() => SearchChannel) | null): void {
  client?.close();
  client = null;
  makeChannel = factory ?? workerChannel;
}
