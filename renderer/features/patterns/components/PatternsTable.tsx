import { useCallback, useMemo } from 'react';
import type { LogPattern } from '../../../../shared/domain';
import { formatZonedFull } from '../../../../shared/format';
import { isNewInWindow } from '../../../../shared/patterns/window';
import type { IncidentWindow } from '../../../../shared/patterns/window';
import { Sparkline } from '../../../ui/Sparkline';
import { RevealedRows } from '../../../ui/RevealedRows';
import './patterns.css';

/** The fields of a pattern row the table shows (stored rows and an import's proposal alike). */
export type PatternRow = Pick<
  LogPattern,
  'id' | 'patternKey' | 'template' | 'count' | 'level' | 'firstAt' | 'lastAt' | 'histogram' | 'rangeFromAt'
>;

const SHOWN = 300;

const n = (x: number) => x.toLocaleString('en-US');

interface PatternsTableProps {
  patterns: readonly PatternRow[];
  zone: string;
  window: IncidentWindow | null;
  /** Makes each template a button that filters to the pattern. */
  onPick?: (p: PatternRow) => void;
  /** The row id of the pattern the view is filtered to, if any. */
  activeKey?: string | null;
  label: string;
}

/**
 * One row per mined pattern, most frequent first: template (with a "new" mark for patterns
 * first seen within the incident window), count, level, first and last seen, and a sparkline
 * of its count over the import's time range.
 */
export function PatternsTable({ patterns, zone, window, onPick, activeKey, label }: PatternsTableProps) {
  const shown = useMemo(() => patterns.slice(0, SHOWN), [patterns]);
  const row = useCallback(
    (p: PatternRow) => {
      const fresh = isNewInWindow(p, window);
      const template = p.template || '(empty message)';
      return (
        <tr key={p.id} aria-current={activeKey === p.id ? 'true' : undefined}>
          <td className="pattern-template">
            {fresh && (
              <span className="pattern-new" title="First seen within the incident window">
                new
              </span>
            )}
            {onPick ? (
              <button
                type="button"
                className="btn-link mono"
                aria-pressed={activeKey === p.id}
                title="Show only the events and evidence of this pattern"
                onClick={() => onPick(p)}
              >
                {template}
              </button>
            ) : (
              <span className="mono">{template}</span>
            )}
          </td>
          <td className="num">{n(p.count)}</td>
          <td>
            <span className={`pattern-level level-${p.level ?? 'none'}`}>{p.level ?? '—'}</span>
          </td>
          <td className="mono nowrap">{formatZonedFull(p.firstAt, zone)}</td>
          <td className="mono nowrap">{formatZonedFull(p.lastAt, zone)}</td>
          <td>
            <Sparkline values={p.histogram} label={`${n(p.count)} records over time`} />
          </td>
        </tr>
      );
    },
    [window, activeKey, onPick, zone],
  );
  return (
    <>
      <table className="table compact pattern-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Template</th>
            <th scope="col" className="num">
              Count
            </th>
            <th scope="col">Level</th>
            <th scope="col">First seen</th>
            <th scope="col">Last seen</th>
            <th scope="col">Over time</th>
          </tr>
        </thead>
        <tbody>
          <RevealedRows items={shown} row={row} columns={6} />
        </tbody>
      </table>
      {patterns.length > SHOWN && <p className="muted">…and {n(patterns.length - SHOWN)} more patterns.</p>}
    </>
  );
}
