// @vitest-environment happy-dom
// The library search client starts its service only when asked: a view holds it from its first
// render, and the worker's reads begin once the list's rows are drawn.
import { describe, expect, it, vi } from 'vitest';
import { EMPTY_QUERY, type LibraryResult } from '../../../../shared/library/search';
import {
  LibrarySearchClient,
  setSearchChannelFactory,
  type SearchChannel,
} from '../../../../renderer/features/library/search/client';
import { useLibrarySearch } from '../../../../renderer/features/library/search/hooks/useLibrarySearch';
import type {
  SearchReply,
  SearchRequest,
} from '../../../../renderer/features/library/search/worker/protocol';
import { freshDb } from '../../db/testDb';
import { renderHook, until } from './render';

function fakeChannel(sent: SearchRequest[]): SearchChannel {
  let reply: (r: SearchReply) => void = () => undefined;
  return {
    send: (msg) => {
      sent.push(msg);
      if (msg.type === 'query') {
        const result = { incidentIds: [], hits: [], counts: undefined } as unknown as LibraryResult;
        queueMicrotask(() => reply({ type: 'result', seq: msg.seq, result, ms: 0, final: true }));
      }
    },
    onReply: (fn) => {
      reply = fn;
    },
    close: () => undefined,
  };
}

/** An answer about incidents A and B whose hits for `pendingHits` are still to come. */
const result = (pendingHits: string[]) =>
  ({
    incidentIds: ['A', 'B'],
    hits: [],
    counts: undefined,
    indexed: 2,
    pendingHits,
  }) as unknown as LibraryResult;

describe('LibrarySearchClient', () => {
  it('makes its channel on start or on the first query, once', async () => {
    const sent: SearchRequest[] = [];
    const make = vi.fn(() => fakeChannel(sent));
    const client = new LibrarySearchClient(make, 'rootline');
    expect(make).not.toHaveBeenCalled();
    await client.query(EMPTY_QUERY, 10);
    client.start();
    expect(make).toHaveBeenCalledTimes(1);
    expect(sent.map((m) => m.type)).toEqual(['start', 'query']);
    client.close();
  });

  it('hands an answer with hits still to come to `early`, and resolves with the complete one', async () => {
    let reply: (r: SearchReply) => void = () => undefined;
    const client = new LibrarySearchClient(
      () => ({
        send: (msg) => {
          if (msg.type !== 'query') return;
          queueMicrotask(() => {
            reply({ type: 'result', seq: msg.seq, result: result(['B']), ms: 1, final: false });
            reply({ type: 'result', seq: msg.seq, result: result([]), ms: 2, final: true });
          });
        },
        onReply: (fn) => {
          reply = fn;
        },
        close: () => undefined,
      }),
      'rootline',
    );
    const early: LibraryResult[] = [];
    const complete = await client.query(EMPTY_QUERY, 10, (r) => early.push(r));
    expect(early.map((r) => r.pendingHits)).toEqual([['B']]);
    expect(complete.pendingHits).toEqual([]);
    client.close();
  });
});

describe('useLibrarySearch', () => {
  it('a primed query is sent at once; the same query asked next takes its answers, another is sent', async () => {
    const sent: SearchRequest[] = [];
    let reply: (r: SearchReply) => void = () => undefined;
    const client = new LibrarySearchClient(
      () => ({
        send: (msg) => sent.push(msg),
        onReply: (fn) => {
          reply = fn;
        },
        close: () => undefined,
      }),
      'rootline',
    );
    const q = { ...EMPTY_QUERY, text: 'disk' };
    client.prime(q, 25);
    expect(sent.filter((m) => m.type === 'query')).toHaveLength(1);
    const primed = sent.find((m) => m.type === 'query');
    const seq = primed?.type === 'query' ? primed.seq : -1;
    // Its first answer comes before the view asks: the view gets it when it does.
    reply({ type: 'result', seq, result: result(['B']), ms: 1, final: false });
    const early: LibraryResult[] = [];
    const answer = client.query({ ...q }, 25, (r) => early.push(r));
    expect(sent.filter((m) => m.type === 'query')).toHaveLength(1);
    expect(early.map((r) => r.pendingHits)).toEqual([['B']]);
    reply({ type: 'result', seq, result: result([]), ms: 2, final: true });
    expect((await answer).pendingHits).toEqual([]);

    // Primed, then something else asked (another limit): that is sent; the primed one is not reused.
    client.prime(q, 25);
    void client.query(q, 50);
    void client.query(q, 25);
    expect(sent.filter((m) => m.type === 'query').map((m) => m.type === 'query' && m.limit)).toEqual([
      25, 25, 50, 25,
    ]);
    client.close();
  });

  it('asks nothing, and starts nothing, until enabled', async () => {
    freshDb('search-client');
    const sent: SearchRequest[] = [];
    const make = vi.fn(() => fakeChannel(sent));
    setSearchChannelFactory(make);
    try {
      const off = renderHook(() => useLibrarySearch(EMPTY_QUERY, 25, false));
      await until(() => expect(off.current().result).toBeUndefined());
      expect(make).not.toHaveBeenCalled();
      off.unmount();

      const on = renderHook(() => useLibrarySearch(EMPTY_QUERY, 25, true));
      await until(() => expect(on.current().result).toBeDefined());
      expect(make).toHaveBeenCalledTimes(1);
      expect(sent.map((m) => m.type)).toEqual(['start', 'query']);
    } finally {
      setSearchChannelFactory(null);
    }
  });
});
