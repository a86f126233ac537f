import { elementScroll, type Rect, type Virtualizer } from '@tanstack/react-virtual';

// How the virtualised table reads its scroll box and writes its scroll position without making
// the browser lay the page out inside React's commit. The library's defaults read `clientHeight`
// and write `scrollTop = 0` as the table mounts: each forces a layout of the whole page in that
// task, and opening a big incident laid out there (12–38 ms of a 50–67 ms task) what the
// browser lays out in its next frame anyway. The table starts measured as 0 high (its first
// frame shows the overscan's few rows) and the rest follow as soon as the box is measured.

type TableVirtualizer = Virtualizer<HTMLDivElement, Element>;

/** Where the table starts, unmeasured. */
export const UNMEASURED: Rect = { width: 0, height: 0 };

/**
 * The scroll box's size, from a ResizeObserver only: its first report comes once the browser has
 * laid the page out, and later ones when the box changes size.
 */
export function observeTableRect(instance: TableVirtualizer, cb: (rect: Rect) => void): () => void {
  const element = instance.scrollElement;
  if (!element) return () => {};
  const observer = new ResizeObserver(() => cb({ width: element.clientWidth, height: element.clientHeight }));
  observer.observe(element, { box: 'content-box' });
  return () => observer.disconnect();
}

/** Scroll boxes written to at least once. */
const written = new WeakSet<Element>();

/**
 * Scrolls the table, except the library's first write to a new scroll box when it is to the top:
 * a new box is already there, and the write would only force the layout.
 */
export function scrollTable(
  offset: number,
  options: { adjustments?: number; behavior?: ScrollBehavior },
  instance: TableVirtualizer,
): void {
  const element = instance.scrollElement;
  if (element && !written.has(element)) {
    written.add(element);
    if (offset + (options.adjustments ?? 0) === 0) return;
  }
  elementScroll(offset, options, instance);
}
