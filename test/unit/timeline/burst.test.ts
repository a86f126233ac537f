import { describe, expect, it } from 'vitest';
import { BurstTracker } from '../../../shared/timeline/burst';
import { MIN, T0 } from './helpers';

const SEC = 1_000;

describe('BurstTracker', () => {
  it('is silent until the stream has a window of history before the window', () => {
    const b = new BurstTracker();
    // Ten records in the first ten seconds of a stream: nothing earlier to compare with.
    const flags = Array.from({ length: 10 }, (_, i) => b.observe(0, 'p', T0 + i * SEC));
    expect(flags.every((f) => !f)).toBe(true);
  });

  it('flags a pattern that jumps far above its own earlier rate, from the minCount-th record', () => {
    const b = new BurstTracker();
    b.seen(0, T0);
    // One record every 10 minutes for an hour: the earlier rate is 0.1 per minute.
    for (let i = 0; i < 6; i++) expect(b.observe(0, 'p', T0 + i * 10 * MIN)).toBe(false);
    const start = T0 + 65 * MIN;
    const flags = Array.from({ length: 8 }, (_, i) => b.observe(0, 'p', start + i * SEC));
    expect(flags).toEqual([false, false, false, false, true, true, true, true]);
  });

  it('does not flag a steady rate, however high', () => {
    const b = new BurstTracker();
    const flags: boolean[] = [];
    // Ten per second for ten minutes.
    for (let i = 0; i < 6_000; i++) flags.push(b.observe(0, 'p', T0 + i * 100));
    expect(flags.some((f) => f)).toBe(false);
  });

  it('needs minCount records in one window', () => {
    const b = new BurstTracker({ minCount: 5 });
    b.seen(0, T0);
    const start = T0 + 30 * MIN;
    const four = Array.from({ length: 4 }, (_, i) => b.observe(0, 'p', start + i * 10 * SEC));
    expect(four).toEqual([false, false, false, false]);
    // The window slides: four records spread over more than a minute never make five in one.
    expect(b.observe(0, 'p', start + 75 * SEC)).toBe(false);
  });

  it('keeps patterns and streams apart', () => {
    const b = new BurstTracker();
    b.seen(0, T0);
    b.seen(1, T0 + 30 * MIN);
    const start = T0 + 31 * MIN;
    for (let i = 0; i < 4; i++) b.observe(0, 'p', start + i * SEC);
    // Another pattern of the same stream starts from zero.
    expect(b.observe(0, 'q', start + 5 * SEC)).toBe(false);
    // Stream 1 has only one minute of history: not yet judged.
    for (let i = 0; i < 6; i++) expect(b.observe(1, 'p', start + i * SEC)).toBe(false);
    expect(b.observe(0, 'p', start + 6 * SEC)).toBe(true);
  });

  it('counts a record that stands for many occurrences by its weight', () => {
    const b = new BurstTracker();
    b.seen(0, T0);
    expect(b.observe(0, 'p', T0 + 20 * MIN, 4)).toBe(false);
    expect(b.observe(0, 'p', T0 + 20 * MIN + SEC, 1)).toBe(true);
  });

  it('ends the burst when the window empties', () => {
    const b = new BurstTracker();
    b.seen(0, T0);
    const start = T0 + 30 * MIN;
    for (let i = 0; i < 10; i++) b.observe(0, 'p', start + i * SEC);
    expect(b.observe(0, 'p', start + 11 * SEC)).toBe(true);
    expect(b.observe(0, 'p', start + 10 * MIN)).toBe(false);
  });

  it('shares one rate per stream past maxPatterns', () => {
    const b = new BurstTracker({ maxPatterns: 1 });
    b.seen(0, T0);
    const start = T0 + 30 * MIN;
    b.observe(0, 'a', start);
    const flags = ['b', 'c', 'd', 'e', 'f'].map((p, i) => b.observe(0, p, start + (i + 1) * SEC));
    expect(flags.at(-1)).toBe(true);
  });
});
