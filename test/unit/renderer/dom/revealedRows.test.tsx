// @vitest-environment happy-dom
// A long table shows its first part of rows at once and adds the next part each time the marker
// after them nears the view of the box that scrolls it; the rows stay in order and each is
// rendered once while the list stays the same; another list starts again from its first part, a
// short list is whole at once, and without IntersectionObserver every row is shown.
import { useCallback, useState, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RevealedRows, ROWS_PER_PART } from '../../../../renderer/ui/RevealedRows';
import { act, render } from './render';

/** The observers the component made; the test says when their target comes into view. */
class FakeObserver {
  static live: FakeObserver[] = [];
  targets: Element[] = [];
  constructor(
    private readonly callback: IntersectionObserverCallback,
    readonly options: IntersectionObserverInit,
  ) {
    FakeObserver.live.push(this);
  }
  observe(target: Element) {
    this.targets.push(target);
  }
  disconnect() {
    FakeObserver.live = FakeObserver.live.filter((o) => o !== this);
  }
  static show(isIntersecting: boolean) {
    const observer = FakeObserver.live.at(-1);
    if (!observer) throw new Error('nothing is observed');
    const entries = observer.targets.map(
      (target) => ({ target, isIntersecting }) as IntersectionObserverEntry,
    );
    act(() => observer.callback(entries, observer as unknown as IntersectionObserver));
  }
}

const saved = globalThis.IntersectionObserver;
beforeEach(() => {
  FakeObserver.live = [];
  globalThis.IntersectionObserver = FakeObserver as unknown as typeof IntersectionObserver;
});
afterEach(() => {
  globalThis.IntersectionObserver = saved;
});

const list = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag}${i}`);
const expected = (items: string[]) => items.map((x, i) => `${i}:${x}`);

let swap: (items: string[]) => void = () => undefined;

function Table({ initial, rendered }: { initial: string[]; rendered: string[] }): ReactNode {
  const [items, setItems] = useState(initial);
  swap = setItems;
  const row = useCallback(
    (item: string, index: number) => {
      rendered.push(item);
      return (
        <tr key={item}>
          <td>
            {index}:{item}
          </td>
        </tr>
      );
    },
    [rendered],
  );
  return (
    <div data-testid="box" style={{ overflowY: 'auto', maxHeight: '100px' }}>
      <table>
        <tbody>
          <RevealedRows items={items} row={row} columns={1} />
        </tbody>
      </table>
    </div>
  );
}

const cells = (container: HTMLElement) =>
  [...container.querySelectorAll('tr:not(.rows-more) td')].map((td) => td.textContent);
const marker = (container: HTMLElement) => container.querySelector('tr.rows-more');

describe('RevealedRows', () => {
  it('adds a part each time the marker nears the view of its scroll box, in order, each row once', () => {
    const rendered: string[] = [];
    const items = list(2 * ROWS_PER_PART + 3, 'a');
    const view = render(<Table initial={items} rendered={rendered} />);
    expect(cells(view.container)).toEqual(expected(items.slice(0, ROWS_PER_PART)));
    // The marker after the rows is what is watched, within the box that scrolls them.
    const [observer] = FakeObserver.live;
    expect(observer?.targets).toEqual([marker(view.container)]);
    expect(observer?.options.root).toBe(view.container.querySelector('[data-testid="box"]'));
    expect(marker(view.container)?.getAttribute('aria-hidden')).toBe('true');

    FakeObserver.show(false);
    expect(cells(view.container)).toHaveLength(ROWS_PER_PART);
    FakeObserver.show(true);
    expect(cells(view.container)).toEqual(expected(items.slice(0, 2 * ROWS_PER_PART)));
    FakeObserver.show(true);
    expect(cells(view.container)).toEqual(expected(items));
    expect(marker(view.container)).toBeNull();
    expect(FakeObserver.live).toEqual([]);
    expect(rendered).toEqual(items);
  });

  it('starts again from the first part for another list, and shows a short list whole', () => {
    const rendered: string[] = [];
    const view = render(<Table initial={list(3 * ROWS_PER_PART, 'a')} rendered={rendered} />);
    FakeObserver.show(true);
    expect(cells(view.container)).toHaveLength(2 * ROWS_PER_PART);
    const next = list(2 * ROWS_PER_PART, 'b');
    act(() => swap(next));
    expect(cells(view.container)).toEqual(expected(next.slice(0, ROWS_PER_PART)));
    expect(FakeObserver.live).toHaveLength(1);
    FakeObserver.show(true);
    expect(cells(view.container)).toEqual(expected(next));

    const short = list(ROWS_PER_PART - 1, 'c');
    act(() => swap(short));
    expect(cells(view.container)).toEqual(expected(short));
    expect(marker(view.container)).toBeNull();
    act(() => swap([]));
    expect(cells(view.container)).toEqual([]);
  });

  it('shows every row where the browser cannot watch the marker', () => {
    globalThis.IntersectionObserver = undefined as unknown as typeof IntersectionObserver;
    const items = list(3 * ROWS_PER_PART + 1, 'a');
    const view = render(<Table initial={items} rendered={[]} />);
    expect(cells(view.container)).toEqual(expected(items));
  });
});
