import { describe, expect, it } from 'vitest';
import { UndoManager, type UndoCommand } from '../../../renderer/features/undo/UndoManager';

/** A fake document: a number that commands set. */
function setter(state: { v: number }, from: number, to: number, key?: string): UndoCommand {
  return {
    label: `set ${to}`,
    coalesceKey: key,
    undo: async () => {
      state.v = from;
    },
    redo: async () => {
      state.v = to;
    },
  };
}

describe('UndoManager', () => {
  it('undoes and redoes in order and clears redo on a new push', async () => {
    const s = { v: 0 };
    const m = new UndoManager();
    s.v = 1;
    m.push(setter(s, 0, 1));
    s.v = 2;
    m.push(setter(s, 1, 2));
    expect(m.getState()).toMatchObject({ canUndo: true, canRedo: false, undoLabel: 'set 2' });
    expect(await m.undo()).toBe(true);
    expect(s.v).toBe(1);
    expect(await m.undo()).toBe(true);
    expect(s.v).toBe(0);
    expect(await m.undo()).toBe(false);
    expect(await m.redo()).toBe(true);
    expect(s.v).toBe(1);
    expect(m.getState().redoLabel).toBe('set 2');
    s.v = 5;
    m.push(setter(s, 1, 5));
    expect(m.getState().canRedo).toBe(false);
    await m.undo();
    expect(s.v).toBe(1);
  });

  it('coalesces pushes with the same key inside the window, not outside it', async () => {
    let now = 1_000;
    const s = { v: 0 };
    const m = new UndoManager({ coalesceWindowMs: 1_000, now: () => now });
    m.push(setter(s, 0, 1, 'title'));
    now += 500;
    m.push(setter(s, 1, 2, 'title'));
    now += 5_000;
    m.push(setter(s, 2, 3, 'title'));
    s.v = 3;
    await m.undo();
    expect(s.v).toBe(2);
    await m.undo();
    expect(s.v).toBe(0);
    expect(m.getState().canUndo).toBe(false);
    await m.redo();
    expect(s.v).toBe(2);
  });

  it('does not coalesce different keys, or across breakCoalescing', async () => {
    let now = 0;
    const s = { v: 0 };
    const m = new UndoManager({ now: () => now });
    m.push(setter(s, 0, 1, 'a'));
    m.push(setter(s, 1, 2, 'b'));
    m.breakCoalescing();
    now += 10;
    m.push(setter(s, 2, 3, 'b'));
    s.v = 3;
    await m.undo();
    expect(s.v).toBe(2);
    await m.undo();
    expect(s.v).toBe(1);
    await m.undo();
    expect(s.v).toBe(0);
  });

  it('keeps at most `limit` steps, dropping the oldest', async () => {
    const s = { v: 0 };
    const m = new UndoManager({ limit: 3 });
    for (let i = 1; i <= 5; i++) m.push(setter(s, i - 1, i));
    s.v = 5;
    let n = 0;
    while (await m.undo()) n++;
    expect(n).toBe(3);
    expect(s.v).toBe(2);
  });

  it('runs flushers before undo so pending edits are recorded first', async () => {
    const s = { v: 0 };
    const m = new UndoManager();
    let pending = true;
    m.registerFlush(async () => {
      if (!pending) return;
      pending = false;
      s.v = 7;
      m.push(setter(s, 0, 7));
    });
    await m.undo();
    expect(s.v).toBe(0);
  });

  it('serialises concurrent requests and keeps a failed step on its stack', async () => {
    const log: string[] = [];
    const m = new UndoManager();
    let fail = true;
    // The first step undone is slow: it finishes only when the test opens the gate.
    let open = (): void => undefined;
    const gate = new Promise<void>((r) => (open = r));
    m.push({
      label: 'a',
      undo: async () => {
        log.push('undo a');
      },
      redo: async () => {
        log.push('redo a');
      },
    });
    m.push({
      label: 'b',
      undo: async () => {
        if (fail) throw new Error('disk full');
        log.push('undo b started');
        await gate;
        log.push('undo b');
      },
      redo: async () => undefined,
    });
    await expect(m.undo()).rejects.toThrow('disk full');
    expect(m.getState().undoLabel).toBe('b');
    fail = false;
    const both = Promise.all([m.undo(), m.undo()]);
    expect(m.getState().busy).toBe(true);
    for (let i = 0; i < 20; i++) await Promise.resolve();
    // The second request waits for the first, however long it takes.
    expect(log).toEqual(['undo b started']);
    open();
    await both;
    expect(log).toEqual(['undo b started', 'undo b', 'undo a']);
    expect(m.getState().busy).toBe(false);
  });

  it('notifies subscribers with a new state object', () => {
    const m = new UndoManager();
    const seen: boolean[] = [];
    const off = m.subscribe(() => seen.push(m.getState().canUndo));
    const before = m.getState();
    m.push({ label: 'x', undo: async () => undefined, redo: async () => undefined });
    expect(m.getState()).not.toBe(before);
    off();
    m.clear();
    expect(seen).toEqual([true]);
  });
});
