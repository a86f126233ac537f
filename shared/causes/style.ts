/**
 * Colours of the cause kinds (Okabe–Ito, colour-blind safe), shared by the outline, the
 * diagram and exports. Kinds a user adds get the neutral grey.
 */
export const CAUSE_KIND_COLORS: Readonly<Record<string, string>> = {
  incident: '#000000',
  cause: '#999999',
  'root-cause': '#D55E00',
  'contributing-factor': '#E69F00',
  trigger: '#CC79A7',
  'detection-gap': '#0072B2',
  'response-gap': '#56B4E9',
  'mitigating-factor': '#009E73',
};

/** Colour of a cause kind. */
export function causeKindColor(kind: string): string {
  return CAUSE_KIND_COLORS[kind] ?? '#777777';
}

/** A mermaid class name for a kind: only `[a-z0-9_]`, so user-made kinds cannot inject syntax. */
export function kindClass(kind: string): string {
  const known = Object.keys(CAUSE_KIND_COLORS).includes(kind);
  return known ? `k_${kind.replace(/-/g, '_')}` : 'k_other';
}
