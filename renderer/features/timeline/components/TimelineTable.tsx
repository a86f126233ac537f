import { useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, useImperativeHandle, useMemo, useRef, type KeyboardEvent } from 'react';
import type { TimelineEvent } from '../../../../shared/domain';
import {
  ROW_DAY,
  ROW_GAP,
  createZoneFormatter,
  dayHeading,
  describeGap,
  type RowModel,
} from '../../../../shared/timeline-edit';
import { zoneLabel } from '../../../../shared/format';
import { EventRow, type EditField, type RowActions } from './EventRow';
import { observeTableRect, scrollTable, UNMEASURED } from './tableViewport';

export const ROW_HEIGHT = 30;

export interface TimelineTableHandle {
  scrollToEvent(position: number): void;
  focus(): void;
}

interface TimelineTableProps {
  rows: RowModel;
  shown: TimelineEvent[];
  selected: ReadonlySet<string>;
  focusedId: string | null;
  editing: { id: string; field: EditField } | null;
  zone: string;
  second: string | null;
  impactStart: number | null;
  cited: ReadonlyMap<string, number>;
  phaseLabels: ReadonlyMap<number, string>;
  actions: RowActions;
  onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => void;
  /** Rows still being read (shown as placeholders below the loaded ones). */
  pending: number;
}

/**
 * The virtualised table: only the rows in view (plus a few) are in the DOM, each a memoised
 * EventRow, so the page stays a few hundred nodes whether there are 10 events or 100,000.
 */
export const TimelineTable = forwardRef<TimelineTableHandle, TimelineTableProps>(
  function TimelineTable(p, ref) {
    const scrollRef = useRef<HTMLDivElement>(null);
    const count = p.rows.length + (p.pending > 0 ? 1 : 0);
    const virtualizer = useVirtualizer({
      count,
      getScrollElement: () => scrollRef.current,
      estimateSize: () => ROW_HEIGHT,
      overscan: 4,
      initialRect: UNMEASURED,
      observeElementRect: observeTableRect,
      scrollToFn: scrollTable,
    });
    useImperativeHandle(
      ref,
      () => ({
        scrollToEvent(position: number) {
          const row = p.rows.rowOfEvent[position];
          if (row !== undefined) virtualizer.scrollToIndex(row, { align: 'auto' });
        },
        focus() {
          scrollRef.current?.focus();
        },
      }),
      [p.rows, virtualizer],
    );
    const fmt = useMemo(() => createZoneFormatter(p.zone), [p.zone]);
    const fmt2 = useMemo(() => (p.second ? createZoneFormatter(p.second) : null), [p.second]);
    const items = virtualizer.getVirtualItems();
    return (
      <div
        ref={scrollRef}
        className="tl-scroll"
        role="grid"
        aria-label="Timeline events"
        aria-rowcount={p.rows.length}
        aria-multiselectable="true"
        aria-busy={p.pending > 0}
        tabIndex={0}
        onKeyDown={p.onKeyDown}
      >
        <div className="tl-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const i = item.index;
            if (i >= p.rows.length) {
              return (
                <div
                  key="pending"
                  role="row"
                  className="tl-row tl-note"
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  <div role="gridcell">Reading {p.pending.toLocaleString('en-US')} more events…</div>
                </div>
              );
            }
            const kind = p.rows.kind[i];
            const ref = p.rows.ref[i]!;
            if (kind === ROW_GAP) {
              const g = p.rows.gaps[ref]!;
              return (
                <div
                  key={`g${ref}`}
                  role="row"
                  className="tl-row tl-gap"
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  <div role="gridcell">{describeGap(g.ms)}</div>
                </div>
              );
            }
            if (kind === ROW_DAY) {
              const at = p.rows.days[ref]!;
              return (
                <div
                  key={`d${ref}`}
                  role="row"
                  className="tl-row tl-day"
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  <div role="gridcell">
                    {dayHeading(at, p.zone)} <span className="muted">({zoneLabel(at, p.zone)})</span>
                    {p.second && (
                      <span className="muted">
                        {' '}
                        · {dayHeading(at, p.second)} ({zoneLabel(at, p.second)})
                      </span>
                    )}
                  </div>
                </div>
              );
            }
            const e = p.shown[ref]!;
            return (
              <EventRow
                key={e.id}
                event={e}
                rowIndex={i}
                top={item.start}
                selected={p.selected.has(e.id)}
                focused={p.focusedId === e.id}
                editing={p.editing?.id === e.id ? p.editing.field : null}
                fmt={fmt}
                fmt2={fmt2}
                impactStart={p.impactStart}
                cited={p.cited.get(e.id) ?? 0}
                phases={p.phaseLabels.get(e.at) ?? null}
                actions={p.actions}
              />
            );
          })}
        </div>
      </div>
    );
  },
);
