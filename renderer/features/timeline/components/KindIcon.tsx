import type { EventKind } from '../../../../shared/domain';
import { DARK_CHART, KIND_ICON_PATHS, LIGHT_CHART } from '../../../../shared/chart';
import { useColorScheme } from '../../../ui/useColorScheme';

/**
 * The kind's shape in its palette colour (the same shape and colour the chart draws, in the
 * chart's theme for the app's light or dark look: a black log icon would vanish on dark).
 */
export function KindIcon({ kind }: { kind: EventKind }) {
  const theme = useColorScheme() === 'dark' ? DARK_CHART : LIGHT_CHART;
  return (
    <svg className="kind-icon" width="12" height="12" viewBox="-1 -1 12 12" aria-hidden="true">
      <path
        d={KIND_ICON_PATHS[kind]}
        fill={theme.kinds[kind]}
        stroke={theme.markStroke}
        strokeWidth="0.5"
        data-kind={kind}
      />
    </svg>
  );
}
