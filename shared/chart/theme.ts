import type { EventKind } from '../domain';
import { CHART_KIND_COLORS } from './palette';

/** The colours a chart is drawn in, apart from the event kinds' own. */
export interface ChartTheme {
  name: 'light' | 'dark';
  background: string;
  /** Titles, lane names, key-time lines and labels. */
  ink: string;
  /** Axis labels. */
  muted: string;
  /** Secondary notes ("peak 3") and the density bars. */
  faint: string;
  grid: string;
  gridMajor: string;
  /** Every other lane. */
  stripe: string;
  /** Outline of a mark, so marks read apart from each other and from the background. */
  markStroke: string;
  /** Kind colours, with those that vanish on this background replaced. */
  kinds: Record<EventKind, string>;
}

/** Paper: what exports and printouts use. */
export const LIGHT_CHART: ChartTheme = {
  name: 'light',
  background: '#ffffff',
  ink: '#1f2328',
  muted: '#59636e',
  faint: '#8c959f',
  grid: '#d1d9e0',
  gridMajor: '#8c959f',
  stripe: '#f6f8fa',
  markStroke: '#1f2328',
  kinds: CHART_KIND_COLORS,
};

/** The app's dark theme (renderer/ui/theme.css): the same chart on its background. */
export const DARK_CHART: ChartTheme = {
  name: 'dark',
  background: '#16181d',
  ink: '#e6e8eb',
  muted: '#9aa3ae',
  faint: '#7d8590',
  grid: '#2d323c',
  gridMajor: '#59636e',
  stripe: '#1f232b',
  markStroke: '#0d0f13',
  // Log marks are black on paper; on a dark background they take the ink's light grey.
  kinds: { ...CHART_KIND_COLORS, log: '#c9d1d9' },
};
