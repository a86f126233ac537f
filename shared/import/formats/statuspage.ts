import type { EventKind } from '../../domain';
import { parseTimeValue } from '../../time/parse';
import type { FormatDef, ParseContext } from '../types';
import { clip } from './attrs';
import type { Json } from './json';
import { obj, text } from './json';
import { makeRecord, timeOptions } from './record';
import { feedJsonDocument } from './stream';
import { nullProto } from '../../domain/lookup';

const KINDS: Record<string, EventKind> = nullProto({
  investigating: 'detection',
  identified: 'response',
  monitoring: 'mitigation',
  resolved: 'recovery',
  postmortem: 'communication',
  scheduled: 'communication',
  in_progress: 'communication',
  verifying: 'communication',
  completed: 'communication',
});

function componentNames(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  const names: string[] = [];
  for (const c of list) {
    const name = text(obj(c)?.name);
    if (name !== null && !names.includes(name)) names.push(name);
  }
  return names;
}

/** One incident: its updates in time order (the API lists them newest first). */
function mapIncident(incident: Json, lineNo: number, ctx: ParseContext): void {
  const updates = Array.isArray(incident.incident_updates) ? incident.incident_updates : [];
  const name = text(incident.name);
  const fallbackComponents = componentNames(incident.components);
  const rows: { at: number; u: Json; index: number }[] = [];
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
  rows.sort((a, b) => a.at - b.at || b.index - a.index);
  for (const { at, u } of rows) {
    const status = text(u.status);
    const affected = componentNames(u.affected_components);
    const components = affected.length > 0 ? affected : fallbackComponents;
    ctx.sink.record(
      makeRecord(ctx, lineNo, at, clip(text(u.body) ?? status ?? '', 10_000), {
        service: components.length > 0 ? clip(components.join(', '), 200) : null,
        attrs: {
          status,
          incident: name,
          incidentId: text(incident.id),
          impact: text(incident.impact),
          update: text(u.id),
        },
        kindHint: status === null ? null : (KINDS[status] ?? null),
        type: status,
      }),
    );
  }
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
