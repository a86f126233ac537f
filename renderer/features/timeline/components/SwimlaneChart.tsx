import { useDeferredValue, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { KeyTimes, TimelineEvent } from '../../../../shared/domain';
import { hitTest, timeAtX, type ChartMark, type DensitySeries } from '../../../../shared/chart';
import { formatSideBySide } from '../../../../shared/timeline-edit';
import { useColorScheme } from '../../../ui/useColorScheme';
import { useChartDrawing } from '../hooks/useChartDrawing';
import { ChartImage } from './ChartImage';

interface SwimlaneChartProps {
  events: readonly TimelineEvent[];
  zone: string;
  second: string | null;
  keyTimes: KeyTimes;
  laneBy: 'service' | 'kind';
  density: DensitySeries | null;
  range: { from: number; to: number } | null;
  selectedId: string | null;
  title: string;
  onSelect: (eventId: string) => void;
  onBrush: (range: { from: number; to: number }) => void;
  /** Receives, whenever the chart changes, a getter of its SVG text on paper (for export). */
  onSvg: (paper: () => string) => void;
  /** Milliseconds the last layout + SVG took (the benchmark reads it from the DOM). */
  onRendered?: (ms: number) => void;
}

/**
 * The swimlane chart: the SVG text comes from shared/chart (the same text the export writes);
 * hover, click and brushing are resolved against the pure layout, not against DOM nodes.
 */
export function SwimlaneChart(p: SwimlaneChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(900);
  const [hover, setHover] = useState<{ mark: ChartMark; x: number; y: number } | null>(null);
  const [brush, setBrush] = useState<{ x0: number; x1: number } | null>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(
      ([entry]) => entry && setWidth(Math.max(320, Math.floor(entry.contentRect.width))),
    );
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const dark = useColorScheme() === 'dark';
  // Drawn in a render of its own after the table's: when 100,000 events arrive at once, the
  // table and the chart are two tasks instead of one long one.
  const events = useDeferredValue(p.events);
  const options = useMemo(
    () => ({
      width,
      laneBy: p.laneBy,
      zone: p.zone,
      keyTimes: p.keyTimes,
      density: p.density,
      title: p.title,
    }),
    [width, p.laneBy, p.zone, p.keyTimes, p.density, p.title],
  );
  const { layout, layers, paper, ms, options: drawn } = useChartDrawing(events, options, dark);
  const { onSvg, onRendered } = p;
  useEffect(() => {
    onSvg(paper);
    onRendered?.(ms);
  }, [paper, ms, onSvg, onRendered]);
  // Built on the first hover, not with every drawing (100,000 entries are ~15 ms).
  const eventById = useMemo(() => {
    let map: Map<string, TimelineEvent> | null = null;
    return (id: string) => (map ??= new Map(events.map((e) => [e.id, e]))).get(id);
  }, [events]);
  const local = (e: MouseEvent) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const selectedMark = p.selectedId ? layout.marks.find((m) => m.eventId === p.selectedId) : undefined;
  const hovered = hover ? eventById(hover.mark.eventId) : undefined;
  const injectedMarks = useMemo(() => layout.marks.filter((m) => m.injected).length, [layout]);
  const xOf = (t: number) =>
    layout.plotLeft + ((t - layout.from) / (layout.to - layout.from)) * (layout.plotRight - layout.plotLeft);
  return (
    <div
      ref={box}
      className="tl-chart"
      data-chart-ms={ms.toFixed(1)}
      data-density={drawn.density ? 'drawn' : 'none'}
      data-theme={dark ? 'dark' : 'light'}
      // The plot geometry, so tests and tools can aim at a time and lane without the pixels.
      data-plot={`${layout.plotLeft},${layout.plotRight},${layout.lanesTop},${layout.laneHeight},${layout.from},${layout.to}`}
      data-lanes={layout.lanes.join('|')}
      data-injected-marks={injectedMarks}
      onMouseDown={(e) => {
        const { x } = local(e);
        if (x >= layout.plotLeft) setBrush({ x0: x, x1: x });
      }}
      onMouseMove={(e) => {
        const { x, y } = local(e);
        if (brush) setBrush({ ...brush, x1: x });
        const mark = hitTest(layout, x, y);
        setHover(mark ? { mark, x, y } : null);
      }}
      onMouseLeave={() => {
        setHover(null);
        setBrush(null);
      }}
      onMouseUp={(e) => {
        const { x, y } = local(e);
        if (brush && Math.abs(brush.x1 - brush.x0) > 4) {
          const a = timeAtX(layout, Math.min(brush.x0, brush.x1));
          const b = timeAtX(layout, Math.max(brush.x0, brush.x1));
          p.onBrush({ from: Math.floor(a), to: Math.ceil(b) });
        } else {
          const mark = hitTest(layout, x, y);
          if (mark) p.onSelect(mark.eventId);
        }
        setBrush(null);
      }}
    >
      <ChartImage layers={layers} width={layout.width} height={layout.height} injected={injectedMarks} />
      {p.range && (
        <div
          className="tl-chart-range"
          aria-hidden="true"
          style={{
            left: xOf(p.range.from),
            width: Math.max(2, xOf(p.range.to) - xOf(p.range.from)),
            top: layout.lanesTop,
            height: layout.axisY - layout.lanesTop,
          }}
        />
      )}
      {brush && (
        <div
          className="tl-chart-brush"
          aria-hidden="true"
          style={{
            left: Math.min(brush.x0, brush.x1),
            width: Math.abs(brush.x1 - brush.x0),
            top: layout.densityTop,
            height: layout.axisY - layout.densityTop,
          }}
        />
      )}
      {selectedMark && (
        <div
          className="tl-chart-selected"
          aria-hidden="true"
          style={{
            left: selectedMark.x - 8,
            top: layout.lanesTop + selectedMark.lane * layout.laneHeight + 2,
            width: (selectedMark.x2 ?? selectedMark.x) - selectedMark.x + 16,
            height: layout.laneHeight - 4,
          }}
        />
      )}
      {hover && hovered && !brush && (
        <div
          className="tl-chart-tip"
          role="tooltip"
          style={{ left: Math.min(hover.x + 12, layout.width - 280), top: hover.y + 14 }}
        >
          <strong>{hovered.title}</strong>
          {hover.mark.injected && (
            <div className="tl-chart-tip-injected">
              {hovered.injected === true ? 'Injected fault' : 'Includes an injected fault'} (put there on
              purpose by a fault-injection tool)
            </div>
          )}
          <div className="muted">
            {formatSideBySide(hovered.at, p.zone, p.second)} · {hovered.kind}
            {hovered.service ? ` · ${hovered.service}` : ''}
            {hovered.count > 1 ? ` · ×${hovered.count.toLocaleString('en-US')}` : ''}
            {hover.mark.n > 1 ? ` (+${hover.mark.n - 1} nearby)` : ''}
          </div>
        </div>
      )}
    </div>
  );
}
