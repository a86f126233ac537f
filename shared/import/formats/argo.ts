import type { Attrs } from '../../domain';
import type { FormatDef, ParseContext } from '../types';
import { clip } from './attrs';
import { changeOf, target, timeOf } from './change';
import type { Json } from './json';
import { obj, text } from './json';
import { createObjectEventReader } from './k8s-changes';
import { makeRecord } from './record';
import { feedJsonDocument } from './stream';

type Reader = ReturnType<typeof createObjectEventReader>;

/** A Rollout's status conditions, read with the same rules as its events. */
function mapRollout(o: Json, lineNo: number, ctx: ParseContext, read: Reader): void {
  const meta = obj(o.metadata) ?? {};
  const name = text(meta.name);
  const namespace = text(meta.namespace);
  const status = obj(o.status) ?? {};
  const conditions = Array.isArray(status.conditions) ? status.conditions : [];
  const rows = conditions
    .map((c) => obj(c) ?? {})
    .map((c) => ({ c, at: timeOf(c.lastTransitionTime, ctx) ?? timeOf(c.lastUpdateTime, ctx) }))
    .sort((a, b) => (a.at ?? 0) - (b.at ?? 0));
  if (rows.length === 0) ctx.sink.error(lineNo, `Rollout ${name ?? ''}: no status conditions to read`);
  for (const { c, at } of rows) {
    if (at === null) {
      ctx.sink.error(lineNo, `Rollout ${name ?? ''}: condition ${text(c.type) ?? '?'} has no time`);
      continue;
    }
    const reason = text(c.reason);
    const note = text(c.message) ?? '';
    const found = read({
      at,
      kind: 'Rollout',
      apiVersion: 'argoproj.io/v1alpha1',
      name,
      namespace,
      reason,
      note,
      warning: false,
      revision: null,
    });
    // The revision annotation names the rollout the way its events do (`Rollout/x revision 7`).
    const rev = text(obj(meta.annotations)?.['rollout.argoproj.io/revision']);
    const m =
      found?.change && rev !== null
        ? { ...found, change: { ...found.change, id: `Rollout/${name ?? ''} revision ${rev}` } }
        : found;
    const attrs: Attrs = {
      condition: text(c.type),
      status: text(c.status),
      reason,
      namespace,
      phase: text(status.phase),
    };
    if (m?.change) attrs.change = m.change.id;
    ctx.sink.record(
      makeRecord(
        ctx,
        lineNo,
        at,
        clip(`${reason ?? text(c.type) ?? 'Condition'} Rollout/${name ?? ''}: ${note}`, 2_000),
        {
          level: 'info',
          service: name,
          attrs,
          kindHint: m?.kindHint ?? 'log',
          type: reason,
          change: m?.change ?? null,
        },
      ),
    );
  }
}

/** An Argo CD Application's `status.history` (each sync) and a failed current operation. */
function mapApplication(o: Json, lineNo: number, ctx: ParseContext): void {
  const meta = obj(o.metadata) ?? {};
  const app = text(meta.name) ?? 'application';
  const dest = obj(obj(o.spec)?.destination) ?? {};
  const cluster = text(dest.name) ?? text(dest.server);
  const status = obj(o.status) ?? {};
  const history = Array.isArray(status.history) ? status.history : [];
  const base: Attrs = { application: app, namespace: text(dest.namespace) };
  if (cluster !== null) base.cluster = cluster;
  let records = 0;
  for (const item of history) {
    const h = obj(item) ?? {};
    const revision =
      text(h.revision) ?? (Array.isArray(h.revisions) ? text(h.revisions[0]) : null) ?? text(h.id) ?? '?';
    const id = `Application/${app} ${revision}`;
    const started = timeOf(h.deployStartedAt, ctx);
    const done = timeOf(h.deployedAt, ctx);
    const attrs: Attrs = { ...base, revision, historyId: text(h.id), change: id };
    const emit = (at: number, phase: 'started' | 'completed'): void => {
      records++;
      const message = `Sync of ${app} to ${revision} ${phase === 'started' ? 'started' : 'deployed'}`;
      ctx.sink.record(
        makeRecord(ctx, lineNo, at, message, {
          level: 'info',
          service: app,
          region: cluster,
          attrs,
          kindHint: 'change',
          type: `sync.${phase}`,
          change: changeOf(id, 'software', phase, target(app, cluster), message),
        }),
      );
    };
    if (started !== null && started !== done) emit(started, 'started');
    if (done !== null) emit(done, 'completed');
  }
  const op = obj(status.operationState);
  const phase = text(op?.phase);
  const finished = op === null ? null : timeOf(op.finishedAt, ctx);
  if (op !== null && finished !== null && (phase === 'Failed' || phase === 'Error')) {
    records++;
    const revision = text(obj(op.syncResult)?.revision) ?? '?';
    const message = clip(
      `Sync of ${app} to ${revision} ${phase.toLowerCase()}: ${text(op.message) ?? ''}`,
      2_000,
    );
    ctx.sink.record(
      makeRecord(ctx, lineNo, finished, message, {
        level: 'error',
        service: app,
        region: cluster,
        attrs: { ...base, revision },
        kindHint: 'detection',
        type: 'sync.failed',
        change: changeOf(
          `Application/${app} ${revision}`,
          'software',
          'failed',
          target(app, cluster),
          message,
        ),
      }),
    );
  }
  if (records === 0) ctx.sink.error(lineNo, `Application ${app}: no status.history entries with a time`);
}

const HISTORY_ROW =
  /^\s*(\d+)\s+(\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:\s*[+-]\d{4})?(?:\s+[A-Z]{2,5})?)\s+(\S.*)$/;

/** `argocd app history APP` text: `ID  DATE  REVISION` rows (the app is not in the output: the file name up to its first dot stands for it). */
function mapHistoryText(doc: string, ctx: ParseContext): void {
  const app = (ctx.file.split('/').pop() ?? ctx.file).split('.')[0] || 'application';
  const lines = doc.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((line, i) => {
    const lineNo = i + 1;
    const m = HISTORY_ROW.exec(line);
    if (m === null) {
      // Headers (`SOURCE …`, `ID DATE REVISION`) and blank lines.
      if (line.trim() === '' || /^\s*(SOURCE|ID)\b/.test(line)) ctx.sink.skip(lineNo);
      else ctx.sink.error(lineNo, 'not an "ID DATE REVISION" history row');
      return;
    }
    const at = timeOf(m[2]?.replace(/\s+[A-Z]{2,5}$/, '').replace(/\s+([+-]\d{4})$/, '$1'), ctx);
    if (at === null) {
      ctx.sink.error(lineNo, `unreadable date "${m[2] ?? ''}"`);
      return;
    }
    const revision = (m[3] ?? '').trim();
    const id = `Application/${app} ${revision}`;
    const message = `Sync of ${app} to ${revision} deployed`;
    ctx.sink.record(
      makeRecord(ctx, lineNo, at, message, {
        level: 'info',
        service: app,
        attrs: { historyId: m[1] ?? null, revision, change: id },
        kindHint: 'change',
        type: 'sync.completed',
        change: changeOf(id, 'software', 'completed', target(app), message),
      }),
    );
  });
}

/** Argo objects: `kubectl get rollout -o json`, `argocd app get -o json`, `argocd app history`. */
export const argoFormat: FormatDef = {
  id: 'argo',
  label: 'Argo Rollouts / Argo CD objects (rollout and app JSON, argocd app history)',
  mode: 'document',
  detect(head) {
    if (/^\s*(SOURCE\s+\S+\s*\n\s*)?ID\s+DATE\s+REVISION\b/.test(head)) return 0.9;
    if (head.includes('"involvedObject"')) return 0;
    return head.includes('argoproj.io/') && /"kind"\s*:\s*"(Rollout|Application)"/.test(head) ? 0.9 : 0;
  },
  document(doc, ctx) {
    const first = doc.trimStart();
    if (!first.startsWith('{') && !first.startsWith('[')) {
      mapHistoryText(doc, ctx);
      return;
    }
    const read = createObjectEventReader();
    feedJsonDocument(doc, ctx, (value, lineNo) => {
      const o = obj(value);
      const items = o !== null && Array.isArray(o.items) ? o.items : [value];
      for (const item of items) {
        const x = obj(item);
        const kind = x === null ? null : text(x.kind);
        if (x !== null && kind === 'Rollout') mapRollout(x, lineNo, ctx, read);
        else if (x !== null && kind === 'Application') mapApplication(x, lineNo, ctx);
        else ctx.sink.error(lineNo, 'expected an Argo Rollout or Application object');
      }
    });
  },
};
