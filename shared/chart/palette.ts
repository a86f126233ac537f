import type { EventKind } from '../domain';

/*
 * Event-kind colours (Okabe–Ito, colour-blind safe) and shapes: the one table for the whole app
 * (renderer/ui/palette.ts re-exports it; table, chart, diagram and exports all use it). Shapes
 * repeat the kind for readers who cannot tell the colours apart.
 */
export const CHART_KIND_COLORS: Record<EventKind, string> = {
  change: '#E69F00',
  impact: '#D55E00',
  detection: '#56B4E9',
  response: '#0072B2',
  mitigation: '#009E73',
  recovery: '#F0E442',
  communication: '#CC79A7',
  note: '#999999',
  log: '#000000',
};

/** SVG path of each kind's icon in a 10×10 box centred on (5,5). */
export const KIND_ICON_PATHS: Record<EventKind, string> = {
  change: 'M5 0L10 5L5 10L0 5Z',
  impact: 'M5 0L10 9.5H0Z',
  detection: 'M5 0A5 5 0 1 1 4.99 0Z',
  response: 'M0.5 0.5H9.5V9.5H0.5Z',
  mitigation: 'M0 4H4V0H6V4H10V6H6V10H4V6H0Z',
  recovery: 'M1 5L4 8L9 1.5L10 2.5L4 10L0 6Z',
  communication: 'M0 1H10V7H4L1 10V7H0Z',
  note: 'M1 0H7L10 3V10H1Z',
  log: 'M0 2H10V3.5H0ZM0 6.5H10V8H0Z',
};
