import type { EventKind } from '../../../../shared/domain';
import { CHART_KIND_COLORS, KIND_ICON_PATHS } from '../../../../shared/chart';

/** The kind's shape in its palette colour (the same shape the chart draws). */
export function KindIcon({ kind }: { kind: EventKind }) {
  return (
    <svg className="kind-icon" width="12" height="12" viewBox="-1 -1 12 12" aria-hidden="true">
      <path d={KIND_ICON_PATHS[kind]} fill={CHART_KIND_COLORS[kind]} stroke="#1f2328" strokeWidth="0.5" />
    </svg>
  );
}
