// Who is here: read from awareness states, foreign or malformed states left out.
import { describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { localTabOf, readPeers, setLocalTab, subscribeLocalTabs } from '../../../../renderer/sync/presence';

describe('readPeers', () => {
  it('lists Rootline peers with their tab, this profile first', () => {
    const mine = new Awareness(new Y.Doc());
    const theirs = new Awareness(new Y.Doc());
    const odd = new Awareness(new Y.Doc());
    mine.setLocalState({ user: { name: 'Alice', role: 'author' }, tab: 'causes' });
    theirs.setLocalState({ user: { name: 'Rita', role: 'reviewer' }, tab: 'review' });
    odd.setLocalState({ user: { name: 'Mallory', role: 'admin' }, tab: 'x' });
    for (const other of [theirs, odd]) {
      applyAwarenessUpdate(mine, encodeAwarenessUpdate(other, [other.clientID]), 'remote');
    }
    expect(readPeers(mine).map((p) => [p.name, p.role, p.tab, p.self])).toEqual([
      ['Alice', 'author', 'causes', true],
      ['Rita', 'reviewer', 'review', false],
    ]);
  });
});

describe('local tab', () => {
  it('tells subscribers only when it changes', () => {
    const seen: string[] = [];
    const stop = subscribeLocalTabs((id) => seen.push(`${id}:${localTabOf(id)}`));
    setLocalTab('i1', 'timeline');
    setLocalTab('i1', 'timeline');
    setLocalTab('i1', null);
    stop();
    expect(seen).toEqual(['i1:timeline', 'i1:null']);
  });
});
