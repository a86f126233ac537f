import type { Attrs, EventKind, LogLevel } from '../../domain';
import { nullProto } from '../../domain/lookup';
import type { ChangeInfo, FormatDef, ParseContext } from '../types';
import { clip } from './attrs';
import { changeOf, isoId, target, timeOf } from './change';
import type { Json } from './json';
import { obj, text } from './json';
import { levelFromName } from './levels';
import { headLines, makeRecord } from './record';
import { jsonStreamParser } from './stream';

/** Actions that take something away: they stand out in a plan and an apply. */
const DESTRUCTIVE = new Set(['delete', 'replace', 'destroy', 'create_then_delete', 'delete_then_create']);

const ACTION_VERB: Record<string, string> = nullProto({
  create: 'create',
  update: 'update',
  delete: 'destroy',
  replace: 'replace',
  read: 'read',
  noop: 'leave',
  'no-op': 'leave',
  move: 'move',
  import: 'import',
  remove: 'forget',
});

interface Resource {
  addr: string | null;
  type: string | null;
  provider: string | null;
}

function resourceOf(v: unknown): Resource {
  const r = obj(v) ?? {};
  return {
    addr: text(r.addr) ?? text(r.resource),
    type: text(r.resource_type),
    provider: text(r.implied_provider),
  };
}

interface Meaning {
  kind: EventKind;
  message: string;
  level?: LogLevel | null;
  phase?: ChangeInfo['phase'];
  resource?: Resource;
}

/** What one UI message means; `apply` is true once the run has started applying. */
function meaning(o: Json, type: string | null, fallback: string, applying: boolean): Meaning {
  const change = obj(o.change) ?? {};
  const hook = obj(o.hook) ?? {};
  const resource = resourceOf(change.resource ?? hook.resource);
  const action = text(change.action) ?? text(hook.action);
  const verb = action === null ? 'change' : (ACTION_VERB[action] ?? action);
  const addr = resource.addr ?? 'a resource';
  const reason = text(change.reason);
  switch (type) {
    case 'planned_change': {
      const destructive = action !== null && DESTRUCTIVE.has(action);
      return {
        // A plan changes nothing yet; what it would take away stands out as a change event.
        kind: destructive ? 'change' : 'log',
        message: `Plan: ${verb} ${addr}${reason === null ? '' : ` (${reason.replace(/_/g, ' ')})`}`,
        level: destructive ? 'warn' : 'info',
        resource,
      };
    }
    case 'resource_drift':
      return {
        kind: 'log',
        message: `Drift: ${addr} changed outside Terraform (${verb})`,
        level: 'warn',
        resource,
      };
    case 'apply_start':
      return { kind: 'change', message: `Apply: ${verb} ${addr}`, phase: 'step', resource };
    case 'apply_complete':
      return { kind: 'log', message: `Apply: ${verb} ${addr} complete`, resource };
    case 'apply_errored':
      return {
        kind: 'impact',
        message: `Apply: ${verb} ${addr} failed`,
        level: 'error',
        phase: 'failed',
        resource,
      };
    case 'change_summary': {
      const op = text(obj(o.changes)?.operation);
      return op === 'apply' || (op === null && applying)
        ? { kind: 'change', message: fallback, phase: 'completed' }
        : { kind: 'log', message: fallback };
    }
    case 'diagnostic': {
      const d = obj(o.diagnostic) ?? {};
      const summary = text(d.summary) ?? fallback;
      const detail = text(d.detail);
      return {
        kind: 'log',
        message: clip(detail === null ? summary : `${summary}: ${detail}`, 2_000),
        level: levelFromName(text(d.severity) ?? '') ?? null,
        resource: { addr: text(d.address), type: null, provider: null },
      };
    }
    default:
      return { kind: 'log', message: fallback, resource };
  }
}

/** Reads `terraform plan -json` / `apply -json` (one UI message per line). */
function terraformParser(ctx: ParseContext): ReturnType<NonNullable<FormatDef['lines']>> {
  // One change id per run: the first record's time and the file.
  let runId: string | null = null;
  let applying = false;
  const targets = new Map<string, true>();
  return jsonStreamParser(ctx, (value, lineNo, lineCtx) => {
    const o = obj(value);
    if (o === null) {
      lineCtx.sink.error(lineNo, 'expected a Terraform UI message (a JSON object)');
      return;
    }
    const at = timeOf(o['@timestamp'], lineCtx);
    if (at === null) {
      lineCtx.sink.error(lineNo, 'no readable "@timestamp"');
      return;
    }
    runId ??= `terraform ${ctx.file} ${isoId(at)}`;
    const type = text(o.type);
    if (type === 'apply_start') applying = true;
    const m = meaning(o, type, text(o['@message']) ?? type ?? 'terraform', applying);
    const addr = m.resource?.addr ?? null;
    if (type === 'apply_start' && addr !== null) targets.set(addr, true);
    let change: ChangeInfo | null = null;
    if (m.kind === 'change' || m.phase !== undefined) {
      const phase = m.phase ?? null;
      const ts = phase === 'completed' ? [...targets.keys()].flatMap((a) => target(a)) : target(addr);
      const first = phase === 'step' && targets.size === 1;
      change = changeOf(runId, 'infrastructure', first ? 'started' : phase, ts, m.message);
    }
    const attrs: Attrs = { type, module: text(o['@module']), change: runId };
    if (addr !== null) attrs.address = addr;
    if (m.resource?.type) attrs.resourceType = m.resource.type;
    if (m.resource?.provider) attrs.provider = m.resource.provider;
    const hook = obj(o.hook);
    if (hook !== null && typeof hook.elapsed_seconds === 'number')
      attrs.elapsedSeconds = hook.elapsed_seconds;
    lineCtx.sink.record(
      makeRecord(lineCtx, lineNo, at, m.message, {
        level: m.level ?? levelFromName(text(o['@level']) ?? ''),
        service: addr,
        attrs,
        kindHint: m.kind,
        type,
        change,
      }),
    );
  });
}

/** Terraform's machine-readable UI (`terraform plan -json`, `terraform apply -json`). */
export const terraformFormat: FormatDef = {
  id: 'terraform',
  label: 'Terraform plan/apply -json (machine-readable UI)',
  mode: 'lines',
  detect(head) {
    const first = headLines(head, 3).join('\n');
    if (!first.includes('"@message"') || !first.includes('"@timestamp"')) return 0;
    if (first.includes('"terraform.ui"') || /"type"\s*:\s*"(version|planned_change|apply_start)"/.test(first))
      return 0.95;
    return 0;
  },
  lines: terraformParser,
};
