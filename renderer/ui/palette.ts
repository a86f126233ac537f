import { CHART_KIND_COLORS } from '../../shared/chart/palette';

/**
 * Colours of the event kinds: the Okabe–Ito palette, which stays distinguishable for the common
 * forms of colour blindness. Defined once in shared/chart/palette.ts for the whole app (table,
 * chart, diagram, export); keys follow the order of EVENT_KINDS, which is also the legend order.
 */
export const EVENT_KIND_COLORS = CHART_KIND_COLORS;

export type PaletteKind = keyof typeof EVENT_KIND_COLORS;

/** Colour for a kind; unknown kinds get the neutral note grey. */
export function kindColor(kind: string): string {
  return (EVENT_KIND_COLORS as Record<string, string>)[kind] ?? EVENT_KIND_COLORS.note;
}
