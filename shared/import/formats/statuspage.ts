import type { EventKind } from '../../domain';
import { parseTimeValue } from '../../time/parse';
import type { FormatDef, ParseContext, RawRecord } from '../types';
import { clip } from './attrs';
import type { Json } from './json';
import { obj, text } from './json';
import { makeRecord, timeOptions } from './record';
import { feedJsonDocument } from './stream';
import { ComponentStates, componentStatus, statusLabel, statusesInText } from './statuspage-components';
import type { ComponentStatus, ComponentTransition } from './statuspage-components';

/** The type that marks the update closing an incident (PhaseTracker reads Resolved from it). */
const RESOLVED_TYPE = 'statuspage.incident.resolved';
/* Incident impacts that mean users were affected (not `none` or `maintenance`). */
const USER_IMPACTS = new Set(['minor', 'major', 'critical']);

function componentNames(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  const names: string[] = [];
  for (const c of list) {
    const name = text(obj(c)?.name);
    if (name !== null && !names.includes(name)) names.push(name);
  }
  return names;
}

/** `affected_components` of one update: each component's new status, when it is one we know. */
function affectedStatuses(list: unknown): { component: string; status: ComponentStatus }[] {
  if (!Array.isArray(list)) return [];
  const out: { component: string; status: ComponentStatus }[] = [];
  for (const item of list) {
    const c = obj(item);
    const name = text(c?.name);
    const status = componentStatus(text(c?.new_status));
    if (name !== null && status !== null) out.push({ component: name, status });
  }
  return out;
}

function transitionMessage(t: ComponentTransition): string {
  if (t.to === 'operational') return `${t.component} is operational again (was ${statusLabel(t.from)})`;
  if (t.from === 'operational') return `${t.component}: ${statusLabel(t.to)}`;
  return `${t.component}: ${statusLabel(t.to)} (was ${statusLabel(t.from)})`;
}

interface Row {
  at: number;
  u: Json;
  index: number;
}

/** The incident's updates in time order (the API lists them newest first); bad ones are errors. */
function updateRows(incident: Json, lineNo: number, ctx: ParseContext): Row[] {
  const updates = Array.isArray(incident.incident_updates) ? incident.incident_updates : [];
  const rows: Row[] = [];
  updates.forEach((item, index) => {
    const u = obj(item);
    if (u === null) {
      ctx.sink.error(lineNo, `update #${index + 1}: not an object`);
      return;
    }
    const at = parseTimeValue(u.display_at ?? u.created_at, timeOptions(ctx));
    if (at === null)
      ctx.sink.error(lineNo, `update #${index + 1}: missing or unreadable "display_at"/"created_at"`);
    else rows.push({ at, u, index });
  });
  // Stable order: equal times keep the API's reverse listing reversed (oldest first).
  return rows.sort((a, b) => a.at - b.at || b.index - a.index);
}

/**
 * One incident. Every update is a `communication` record with its text intact. Component status
 * (from `affected_components`, and from the sentences Statuspage writes into the text) is
 * followed across updates: a component going to degraded/partial/major is an `impact` record for
 * that component, its return to operational a `recovery` record, and the moment every impacted
 * component is operational again a `mitigation` record. The update at `resolved_at` carries the
 * resolved type (Resolved phase). An incident with user impact but no component statuses starts
 * its impact at `started_at`.
 */
function mapIncident(incident: Json, lineNo: number, ctx: ParseContext): void {
  const name = text(incident.name);
  const incidentId = text(incident.id);
  const impact = text(incident.impact);
  const fallbackComponents = componentNames(incident.components);
  const resolvedAt = time(incident.resolved_at, ctx);
  const rows = updateRows(incident, lineNo, ctx);
  const states = new ComponentStates();
  const base = { incident: name, incidentId, impact };
  // Buffered so the records leave in time order (the started_at impact is known only at the end).
  const out: RawRecord[] = [];
  const derived = (at: number, message: string, kind: EventKind, component: string | null): void =>
    void out.push(
      makeRecord(ctx, lineNo, at, message, {
        service: component === null ? null : clip(component, 200),
        attrs: base,
        kindHint: kind,
      }),
    );
  let allBack = false;
  let resolvedMarked = false;
  for (const { at, u } of rows) {
    const status = text(u.status);
    const body = text(u.body) ?? '';
    const affected = componentNames(u.affected_components);
    const components = affected.length > 0 ? affected : fallbackComponents;
    const closes = !resolvedMarked && resolvedAt !== null && Math.abs(at - resolvedAt) <= 1_000;
    if (closes) resolvedMarked = true;
    out.push(
      makeRecord(ctx, lineNo, at, clip(body || (status ?? ''), 10_000), {
        service: components.length > 0 ? clip(components.join(', '), 200) : null,
        attrs: { ...base, status, update: text(u.id) },
        kindHint: 'communication',
        type: closes ? RESOLVED_TYPE : status,
      }),
    );
    for (const { component, status: to } of [
      ...affectedStatuses(u.affected_components),
      ...statusesInText(body),
    ]) {
      const t = states.apply(component, to);
      if (t !== null)
        derived(at, transitionMessage(t), to === 'operational' ? 'recovery' : 'impact', component);
    }
    const all = states.allOperational();
    if (all && !allBack)
      derived(
        at,
        `Every affected component is operational: ${states.components().join(', ')}`,
        'mitigation',
        null,
      );
    allBack = all;
  }
  const startedAt = time(incident.started_at, ctx) ?? rows[0]?.at ?? null;
  if (!states.hadImpact() && startedAt !== null && impact !== null && USER_IMPACTS.has(impact))
    derived(
      startedAt,
      `Incident started (${impact} impact): ${name ?? 'unnamed'}`,
      'impact',
      fallbackComponents.join(', ') || null,
    );
  if (!resolvedMarked && resolvedAt !== null)
    out.push(
      makeRecord(ctx, lineNo, resolvedAt, `Incident resolved: ${name ?? 'unnamed'}`, {
        attrs: base,
        kindHint: 'communication',
        type: RESOLVED_TYPE,
      }),
    );
  // Array.prototype.sort is stable: equal times keep the order they were made in.
  for (const r of out.sort((a, b) => a.at - b.at)) ctx.sink.record(r);
}

function time(v: unknown, ctx: ParseContext): number | null {
  return v === undefined || v === null || v === '' ? null : parseTimeValue(v, timeOptions(ctx));
}

/** Statuspage v2 incidents: one incident, `{incident: {...}}`, `{incidents: [...]}` or an array. */
export const statuspageFormat: FormatDef = {
  id: 'statuspage',
  label: 'Statuspage incident (JSON)',
  mode: 'document',
  detect(head) {
    return head.includes('"incident_updates"') ? 0.95 : 0;
  },
  document(textDoc, ctx) {
    feedJsonDocument(textDoc, ctx, (value, lineNo) => {
      const o = obj(value);
      if (o === null) {
        ctx.sink.error(lineNo, 'expected a Statuspage incident object');
        return;
      }
      const list = Array.isArray(o.incidents) ? o.incidents : [obj(o.incident) ?? o];
      list.forEach((item, i) => {
        const incident = obj(item);
        if (incident === null || !Array.isArray(incident.incident_updates)) {
          ctx.sink.error(lineNo, `incident #${i + 1}: no "incident_updates" list`);
        } else {
          mapIncident(incident, lineNo, ctx);
        }
      });
    });
  },
};
