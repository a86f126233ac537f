import { memo, startTransition, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';

/** Rows a long table shows at once, and adds each time the reader nears its end. */
export const ROWS_PER_PART = 25;

/** How far below what the reader sees the next part is already added (in heights of the view). */
const LOOK_AHEAD = '0px 0px 200% 0px';

/**
 * The element whose scrolling shows `el` (the nearest ancestor that scrolls vertically), or
 * null for the page itself.
 */
export function scrollParentOf(el: Element): Element | null {
  for (let at = el.parentElement; at !== null; at = at.parentElement) {
    const { overflowY } = getComputedStyle(at);
    if (overflowY === 'auto' || overflowY === 'scroll') return at;
  }
  return null;
}

/**
 * How many of `total` parts of a list to render: one at first, then one more whenever `marker`
 * (an element after the rendered parts) comes within {@link LOOK_AHEAD} of the view that scrolls
 * it. `list` names what is shown (compared by identity): another list starts again from one part.
 * A list of hundreds of rows costs its first part when it appears, and the rest only as it is
 * read; rendering every row in one task took 120–320 ms for an import summary of 500 events and
 * 300 patterns, and adding them a part per frame regardless made each frame lay out and paint
 * every row shown so far (up to ~80 ms per frame by the end).
 */
export function useRevealedParts(total: number, list: unknown, marker: RefObject<Element | null>): number {
  const [state, setState] = useState({ list, parts: 1 });
  const current = state.list === list ? state : { list, parts: 1 };
  if (current !== state) setState(current);
  // Where the marker cannot be watched, every part is shown.
  const parts = typeof IntersectionObserver === 'undefined' ? total : Math.min(total, current.parts);
  useEffect(() => {
    const target = marker.current;
    if (parts >= total || target === null) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        startTransition(() =>
          setState((s) => (s.list === list && s.parts === parts ? { list, parts: parts + 1 } : s)),
        );
      },
      { root: scrollParentOf(target), rootMargin: LOOK_AHEAD },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [parts, total, list, marker]);
  return parts;
}

interface RevealedRowsProps<T> {
  items: readonly T[];
  /** One row (with its key). Keep it stable (useCallback): a new one renders every part again. */
  row: (item: T, index: number) => ReactNode;
  /** Columns of the table, for the marker row. */
  columns: number;
  /** Rows per part. */
  size?: number;
}

/**
 * The rows of a long table (a tbody's children), {@link ROWS_PER_PART} at a time: the first part
 * at once, the next as the reader scrolls near the end of those shown (see useRevealedParts).
 * Parts already shown are not rendered again while the items and `row` stay the same.
 */
export function RevealedRows<T>({
  items,
  row,
  columns,
  size = ROWS_PER_PART,
}: RevealedRowsProps<T>): ReactNode {
  const markerRef = useRef<HTMLTableRowElement>(null);
  const total = Math.ceil(items.length / size);
  const parts = useRevealedParts(total, items, markerRef);
  return (
    <>
      {Array.from({ length: parts }, (_, p) => (
        <RowPart key={p} items={items} from={p * size} size={size} row={row as PartProps['row']} />
      ))}
      {parts < total && (
        <tr ref={markerRef} className="rows-more" aria-hidden="true">
          <td colSpan={columns}>…</td>
        </tr>
      )}
    </>
  );
}

interface PartProps {
  items: readonly unknown[];
  from: number;
  size: number;
  row: (item: unknown, index: number) => ReactNode;
}

const RowPart = memo(function RowPart({ items, from, size, row }: PartProps) {
  return items.slice(from, from + size).map((item, i) => row(item, from + i));
});
