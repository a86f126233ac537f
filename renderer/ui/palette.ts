/**
 * Colours of the event kinds: the Okabe–Ito palette, which stays distinguishable for the common
 * forms of colour blindness. One table for the whole app (table, chart, diagram, export); keys
 * follow the order of EVENT_KINDS, which is also the legend order.
 */
export const EVENT_KIND_COLORS = {
  change: '#E69F00',
  impact: '#D55E00',
  detection: '#56B4E9',
  response: '#0072B2',
  mitigation: '#009E73',
  recovery: '#F0E442',
  communication: '#CC79A7',
  note: '#999999',
  log: '#000000',
} as const;

export type PaletteKind = keyof typeof EVENT_KIND_COLORS;

/** Colour for a kind; unknown kinds get the neutral note grey. */
export function kindColor(kind: string): string {
  return (EVENT_KIND_COLORS as Record<string, string>)[kind] ?? EVENT_KIND_COLORS.note;
}
