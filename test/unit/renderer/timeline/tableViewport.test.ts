// @vitest-environment happy-dom
// The timeline table's viewport: measured by a ResizeObserver, never by reading the box while
// React commits, and the mount's scroll to the top of a new box not written (both forced a layout
// of the whole page inside the task that first shows a big incident).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Virtualizer } from '@tanstack/react-virtual';
import {
  observeTableRect,
  scrollTable,
} from '../../../../renderer/features/timeline/components/tableViewport';

type Instance = Virtualizer<HTMLDivElement, Element>;
const instanceOf = (element: HTMLDivElement) =>
  ({ scrollElement: element, options: {} }) as unknown as Instance;

/** A box whose size reads are counted. */
function box(width: number, height: number) {
  const element = document.createElement('div');
  const reads = { count: 0 };
  Object.defineProperty(element, 'clientWidth', { get: () => (reads.count++, width) });
  Object.defineProperty(element, 'clientHeight', { get: () => (reads.count++, height) });
  const scrollTo = vi.fn();
  element.scrollTo = scrollTo as unknown as typeof element.scrollTo;
  return { element, reads, scrollTo };
}

afterEach(() => vi.unstubAllGlobals());

describe('observeTableRect', () => {
  it('reads the box only when the observer reports, and stops observing on cleanup', () => {
    const fire: (() => void)[] = [];
    const disconnect = vi.fn();
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(private readonly fn: ResizeObserverCallback) {}
        observe() {
          fire.push(() => this.fn([], this as unknown as ResizeObserver));
        }
        disconnect = disconnect;
      },
    );
    const { element, reads } = box(800, 460);
    const seen: { width: number; height: number }[] = [];
    const stop = observeTableRect(instanceOf(element), (rect) => seen.push(rect));
    expect(reads.count).toBe(0);
    expect(seen).toEqual([]);
    fire.forEach((f) => f());
    expect(seen).toEqual([{ width: 800, height: 460 }]);
    stop();
    expect(disconnect).toHaveBeenCalledOnce();
  });
});

describe('scrollTable', () => {
  it('skips only the first write to a new box when it is to the top', () => {
    const a = box(800, 460);
    scrollTable(0, {}, instanceOf(a.element));
    expect(a.scrollTo).not.toHaveBeenCalled();
    scrollTable(300, {}, instanceOf(a.element));
    scrollTable(0, {}, instanceOf(a.element));
    expect(a.scrollTo.mock.calls.map(([o]) => (o as ScrollToOptions).top)).toEqual([300, 0]);

    const b = box(800, 460);
    scrollTable(90, { adjustments: 30 }, instanceOf(b.element));
    expect(b.scrollTo.mock.calls.map(([o]) => (o as ScrollToOptions).top)).toEqual([120]);

    const c = box(800, 460);
    scrollTable(30, { adjustments: -30 }, instanceOf(c.element));
    expect(c.scrollTo).not.toHaveBeenCalled();
  });
});
