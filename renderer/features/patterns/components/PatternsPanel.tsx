import { useMemo } from 'react';
import type { Incident, LogPattern } from '../../../../shared/domain';
import { incidentWindow } from '../../../../shared/patterns/window';
import { usePatterns } from '../hooks/usePatterns';
import { PatternsTable, type PatternRow } from './PatternsTable';

interface PatternsPanelProps {
  incident: Incident;
  zone: string;
  activeKey: string | null;
  onPick: (p: LogPattern) => void;
}

/**
 * The Timeline's Patterns view: the incident's mined patterns in a disclosure, each a button
 * that filters the timeline (and its evidence) to that pattern.
 */
export function PatternsPanel({ incident, zone, activeKey, onPick }: PatternsPanelProps) {
  const patterns = usePatterns(incident.id);
  const window = useMemo(() => incidentWindow(incident.keyTimes), [incident.keyTimes]);
  if (patterns === undefined || patterns.length === 0) return null;
  const byId = new Map(patterns.map((p) => [p.id, p]));
  return (
    <details className="pattern-panel">
      <summary>Patterns ({patterns.length.toLocaleString('en-US')})</summary>
      <div className="scroll-box">
        <PatternsTable
          patterns={patterns}
          zone={zone}
          window={window}
          activeKey={activeKey}
          label="Log patterns"
          onPick={(p: PatternRow) => {
            const row = byId.get(p.id);
            if (row) onPick(row);
          }}
        />
      </div>
    </details>
  );
}
