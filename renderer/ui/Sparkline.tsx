import { sparklinePoints } from '../../shared/chart/sparkline';

interface SparklineProps {
  values: readonly number[];
  /** What the line shows, for screen readers. */
  label: string;
  width?: number;
  height?: number;
}

/** A small line of counts over time, drawn in the current text colour. */
export function Sparkline({ values, label, width = 96, height = 18 }: SparklineProps) {
  return (
    <svg
      className="sparkline"
      width={width}
      height={height + 2}
      viewBox={`0 -1 ${width} ${height + 2}`}
      role="img"
      aria-label={label}
    >
      <polyline
        points={sparklinePoints(values, width, height)}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
      />
    </svg>
  );
}
