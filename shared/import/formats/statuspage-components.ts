/*
 * Component status on a Statuspage incident: what each update's `affected_components` and the
 * sentences Statuspage itself writes ("We are investigating reports of degraded performance for
 * X", "X is experiencing a major outage", "X is operating normally") say about each component.
 */

/** Statuspage component statuses we follow: operational, or one that affects users (worst last). */
export type ComponentStatus = 'operational' | 'degraded_performance' | 'partial_outage' | 'major_outage';

const LABELS: Record<ComponentStatus, string> = {
  operational: 'operational',
  degraded_performance: 'degraded performance',
  partial_outage: 'partial outage',
  major_outage: 'major outage',
};

/** A status value from the API (`major_outage`) or a sentence ("degraded availability"). */
export function componentStatus(value: string | null): ComponentStatus | null {
  if (value === null) return null;
  const v = value
    .toLowerCase()
    .replace(/^an? /, '')
    .replace(/[\s-]+/g, '_');
  if (v === 'operational' || v === 'operating_normally') return 'operational';
  if (v === 'degraded_performance') return 'degraded_performance';
  if (v === 'partial_outage' || v === 'degraded_availability') return 'partial_outage';
  if (v === 'major_outage') return 'major_outage';
  // `under_maintenance` and unknown values say nothing about impact.
  return null;
}

export function statusLabel(status: ComponentStatus): string {
  return LABELS[status];
}

const STATUS_PHRASE = String.raw`(degraded performance|degraded availability|an? partial outage|partial outage|an? major outage|major outage)`;
const NAME = String.raw`([A-Za-z0-9][^.;:!?\n]{0,80}?)`;
const REPORTS = new RegExp(
  String.raw`investigating reports of ${STATUS_PHRASE} for ${NAME}\s*(?:[.;!]|$)`,
  'gi',
);
const EXPERIENCING = new RegExp(
  String.raw`(?:^|[.!?]\s+)${NAME} (?:is|are) (?:now |currently |still )?experiencing ${STATUS_PHRASE}`,
  'gi',
);
const NORMAL = new RegExp(
  String.raw`(?:^|[.!?]\s+)${NAME} (?:is|are) (?:now |again |back )?operating normally`,
  'gi',
);

function names(list: string): string[] {
  return list
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The component statuses an update's text states, in the order it states them. */
export function statusesInText(body: string): { component: string; status: ComponentStatus }[] {
  const found: { index: number; component: string; status: ComponentStatus }[] = [];
  for (const m of body.matchAll(REPORTS)) {
    const status = componentStatus(m[1] ?? null);
    if (status !== null)
      for (const c of names(m[2] ?? '')) found.push({ index: m.index, component: c, status });
  }
  for (const m of body.matchAll(EXPERIENCING)) {
    const status = componentStatus(m[2] ?? null);
    if (status !== null)
      for (const c of names(m[1] ?? '')) found.push({ index: m.index, component: c, status });
  }
  for (const m of body.matchAll(NORMAL))
    for (const c of names(m[1] ?? '')) found.push({ index: m.index, component: c, status: 'operational' });
  return found.sort((a, b) => a.index - b.index).map(({ component, status }) => ({ component, status }));
}

/** A change of one component's status, as the timeline should tell it. */
export interface ComponentTransition {
  component: string;
  from: ComponentStatus;
  to: ComponentStatus;
}

/**
 * Follows each component's status across an incident's updates (oldest first). A component not
 * seen before starts operational, so one that is first named in an outage starts its impact there.
 */
export class ComponentStates {
  private readonly states = new Map<string, ComponentStatus>();
  private everImpacted = false;

  /** Applies one status; returns the transition, or null when nothing changed. */
  apply(component: string, status: ComponentStatus): ComponentTransition | null {
    const from = this.states.get(component) ?? 'operational';
    this.states.set(component, status);
    if (from === status) return null;
    if (status !== 'operational') this.everImpacted = true;
    return { component, from, to: status };
  }

  /** True when some component was impacted and every component is operational now. */
  allOperational(): boolean {
    if (!this.everImpacted) return false;
    for (const s of this.states.values()) if (s !== 'operational') return false;
    return true;
  }

  /** Components seen so far. */
  components(): string[] {
    return [...this.states.keys()];
  }

  /** True when any component ever changed to an impact status. */
  hadImpact(): boolean {
    return this.everImpacted;
  }
}
