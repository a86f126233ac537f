import type { ReactNode } from 'react';
import type { KeyTimeField, KeyTimes } from '../../../../shared/domain';
import { formatDuration } from '../../../../shared/format';
import { PHASE_MARKS, phaseMetrics } from '../../../../shared/timeline-edit';

interface TimelineToolbarProps {
  zoneControls: ReactNode;
  keyTimes: KeyTimes;
  onJump: (field: KeyTimeField) => void;
  importButton: ReactNode;
  laneBy: 'service' | 'kind';
  onLaneBy: (v: 'service' | 'kind') => void;
  onExportSvg: () => void;
  onExportPng: () => void;
}

const dur = (ms: number | null) => (ms === null ? '—' : formatDuration(ms));

/** Zone, jump-to-phase, the phase durations and import on top; chart options below. */
export function TimelineToolbar(p: TimelineToolbarProps) {
  const m = phaseMetrics(p.keyTimes);
  return (
    <>
      <div className="panel-toolbar tl-toolbar">
        {p.zoneControls}
        <div className="tl-jump" role="group" aria-label="Jump to phase">
          <span className="muted">Jump to</span>
          {PHASE_MARKS.slice(0, 4).map((mark) => (
            <button
              key={mark.field}
              type="button"
              className="btn btn-small"
              disabled={p.keyTimes[mark.field] === null}
              onClick={() => p.onJump(mark.field)}
            >
              {mark.label}
            </button>
          ))}
        </div>
        <span className="tl-metrics muted" aria-label="Phase durations">
          TTD {dur(m.ttd)} · TTM {dur(m.ttm)} · TTR {dur(m.ttr)}
        </span>
        <span className="spacer" />
        {p.importButton}
      </div>
      <div className="tl-chart-bar">
        <label>
          Lanes{' '}
          <select value={p.laneBy} onChange={(e) => p.onLaneBy(e.target.value as 'service' | 'kind')}>
            <option value="service">per service</option>
            <option value="kind">per kind</option>
          </select>
        </label>
        <span className="muted">
          Drag across the chart to filter by time; click a mark to select its event.
        </span>
        <span className="spacer" />
        <button type="button" className="btn btn-small" onClick={p.onExportSvg}>
          Export SVG
        </button>
        <button type="button" className="btn btn-small" onClick={p.onExportPng}>
          Export PNG
        </button>
      </div>
    </>
  );
}
