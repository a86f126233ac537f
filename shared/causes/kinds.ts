import { CAUSE_KINDS } from '../domain';

/** How each built-in kind reads in the UI; other (user-added) kinds show as typed. */
const KIND_LABELS: Record<(typeof CAUSE_KINDS)[number], string> = {
  incident: 'Incident',
  cause: 'Cause',
  'root-cause': 'Root cause',
  'contributing-factor': 'Contributing factor',
  trigger: 'Trigger',
  'detection-gap': 'Detection gap',
  'response-gap': 'Response gap',
  'mitigating-factor': 'Mitigating factor',
};

/** Human label of a cause kind (`root-cause` → `Root cause`; unknown kinds are shown as written). */
export function kindLabel(kind: string): string {
  return (KIND_LABELS as Record<string, string>)[kind] ?? kind;
}

/** Turns a label typed by a user into a kind value (`Safety net` → `safety-net`). */
export function kindFromLabel(label: string): string {
  const builtIn = CAUSE_KINDS.find((k) => KIND_LABELS[k].toLowerCase() === label.trim().toLowerCase());
  if (builtIn !== undefined) return builtIn;
  return label
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** The kinds whose leaves need an action item (coverage). */
export const ACTIONABLE_KINDS: readonly string[] = [
  'root-cause',
  'contributing-factor',
  'detection-gap',
  'response-gap',
];

/** The kinds a user can pick for a node below the top (the top node is always `incident`). */
export const PICKABLE_KINDS: readonly string[] = CAUSE_KINDS.filter((k) => k !== 'incident');
