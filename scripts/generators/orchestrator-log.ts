/**
 * Deterministic generator of an orchestrator CloudEvents JSONL log in the style of the
 * November 2014 Azure storage outage: a config change flighted on one slice of table
 * front-ends in one region, then enabled everywhere at once (blob front-ends included, where it
 * never ran); blob FEs spin in a loop, health degrades and VMs fail across regions, an alert
 * fires, the incident is declared, status is posted late, the change is rolled back, regions
 * recover. Heartbeats and health.ok lines are the noise that fills the file.
 *
 *   npx tsx scripts/generators/orchestrator-log.ts --lines 1000000 --out .bench/orchestrator.jsonl
 *   options: --seed N  --malformed RATE  --out-of-order RATE  --mixed-offsets  --lines N
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

export interface GenOptions {
  lines: number;
  seed: number;
  /** Share of lines written broken (truncated JSON, missing or bad time). */
  malformed: number;
  /** Share of lines swapped with their predecessor. */
  outOfOrder: number;
  /** Write times with varying UTC offsets (same instants). */
  mixedOffsets: boolean;
}

export const DEFAULT_GEN_OPTIONS: GenOptions = {
  lines: 400,
  seed: 2014,
  malformed: 0,
  outOfOrder: 0,
  mixedOffsets: false,
};

const REGIONS = ['us-east', 'us-west', 'us-central', 'eu-north', 'eu-west', 'asia-east', 'asia-southeast'];
const COMPONENTS = ['table-fe', 'blob-fe', 'queue-fe', 'storage-be', 'compute-vm'];
const CHANGE = 'CHG-5127';
const START = Date.UTC(2014, 10, 18, 18, 0, 0);
const END = Date.UTC(2014, 10, 19, 12, 0, 0);
const MIN = 60_000;
const T_GLOBAL = Date.UTC(2014, 10, 19, 0, 45, 0);

/** Per region: when blob FEs start looping and when they are healthy again (after restarts). */
function regionWindows(rand: () => number): Map<string, { from: number; to: number }> {
  const out = new Map<string, { from: number; to: number }>();
  REGIONS.forEach((r, i) => {
    const from = Date.UTC(2014, 10, 19, 0, 51, 0) + i * 4 * MIN + Math.floor(rand() * MIN);
    const to = Date.UTC(2014, 10, 19, 3, 30, 0) + i * 25 * MIN + Math.floor(rand() * 10 * MIN);
    out.set(r, { from, to });
  });
  return out;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Ev {
  at: number;
  type: string;
  subject: string;
  data: Record<string, unknown>;
}

function specials(windows: Map<string, { from: number; to: number }>): Ev[] {
  const desc = 'Enable blob/table front-end performance cache (storage-perf-config)';
  const allTargets = ['table-fe', 'blob-fe'].flatMap((component) =>
    REGIONS.map((region) => ({ component, region })),
  );
  const evs: Ev[] = [
    {
      at: START + 30 * MIN,
      type: 'config.changed',
      subject: 'table-fe',
      data: {
        component: 'table-fe',
        region: 'us-central',
        change: CHANGE,
        kind: 'config',
        description: `${desc}: flight on slice 1`,
        targets: [{ component: 'table-fe', region: 'us-central', slice: '1' }],
      },
    },
    {
      at: START + 42 * MIN,
      type: 'deploy.completed',
      subject: 'table-fe',
      data: {
        component: 'table-fe',
        region: 'us-central',
        change: CHANGE,
        description: 'Flight of CHG-5127 healthy on table-fe slice 1',
      },
    },
    {
      at: T_GLOBAL,
      type: 'config.changed',
      subject: 'storage-fe',
      data: {
        change: CHANGE,
        kind: 'config',
        description: `${desc}: enable in all regions`,
        targets: allTargets,
      },
    },
    {
      at: T_GLOBAL + 4 * MIN,
      type: 'deploy.completed',
      subject: 'storage-fe',
      data: { change: CHANGE, description: 'CHG-5127 enabled on all front-ends' },
    },
  ];
  for (const [region, w] of windows) {
    evs.push({
      at: w.from + 9 * MIN,
      type: 'alert.fired',
      subject: 'blob-fe',
      data: { component: 'blob-fe', region, description: `Blob availability below 99% in ${region}` },
    });
    evs.push({
      at: w.to,
      type: 'health.recovered',
      subject: 'blob-fe',
      data: {
        component: 'blob-fe',
        region,
        description: `Blob front-ends healthy again in ${region} after restart`,
      },
    });
    evs.push({
      at: w.to + 2 * MIN,
      type: 'alert.resolved',
      subject: 'blob-fe',
      data: { component: 'blob-fe', region, description: `Blob availability alert resolved in ${region}` },
    });
  }
  evs.push(
    {
      at: Date.UTC(2014, 10, 19, 1, 20),
      type: 'incident.declared',
      subject: 'storage',
      data: { description: 'SEV1 declared: blob storage unavailable in multiple regions' },
    },
    {
      at: Date.UTC(2014, 10, 19, 1, 50),
      type: 'rollback.started',
      subject: 'storage-fe',
      data: { change: CHANGE, description: 'Rolling back CHG-5127 in all regions' },
    },
    {
      at: Date.UTC(2014, 10, 19, 2, 10),
      type: 'rollback.completed',
      subject: 'storage-fe',
      data: {
        change: CHANGE,
        description: 'CHG-5127 reverted; blob front-ends need a restart to leave the loop',
      },
    },
    {
      at: Date.UTC(2014, 10, 19, 3, 5),
      type: 'status.posted',
      subject: 'status-page',
      data: { description: 'Service health dashboard: investigating storage availability issues' },
    },
    {
      at: Date.UTC(2014, 10, 19, 10, 55),
      type: 'health.recovered',
      subject: 'compute-vm',
      data: {
        component: 'compute-vm',
        region: 'us-east',
        description: 'Last affected VMs restarted and healthy',
      },
    },
    {
      at: Date.UTC(2014, 10, 19, 11, 45),
      type: 'incident.resolved',
      subject: 'storage',
      data: { description: 'Incident resolved: storage fully available' },
    },
  );
  return evs.sort((a, b) => a.at - b.at);
}

function offsetTime(at: number, minutes: number): string {
  const local = new Date(at + minutes * MIN).toISOString().slice(0, 23);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function render(ev: Ev, seq: number, rand: () => number, opts: GenOptions, breakable: boolean): string {
  const offsets = [0, -480, 60, 330, -300];
  const off = opts.mixedOffsets ? (offsets[seq % offsets.length] ?? 0) : 0;
  const time = off === 0 ? new Date(ev.at).toISOString() : offsetTime(ev.at, off);
  const region = typeof ev.data.region === 'string' ? ev.data.region : 'global';
  const line = JSON.stringify({
    specversion: '1.0',
    id: `evt-${seq.toString(16).padStart(8, '0')}`,
    source: `/orchestrator/${region}`,
    type: `com.contoso.storage.${ev.type}`,
    subject: ev.subject,
    time,
    datacontenttype: 'application/json',
    data: ev.data,
  });
  if (!breakable || rand() >= opts.malformed) return line;
  const broken = [
    line.slice(0, Math.floor(line.length / 2)),
    line.replace(/"time":"[^"]*",/, ''),
    line.replace(/"time":"[^"]*"/, '"time":"19/11/2014 25:61"'),
  ];
  return broken[seq % broken.length] ?? line;
}

function noise(at: number, rand: () => number, windows: Map<string, { from: number; to: number }>): Ev {
  const region = REGIONS[Math.floor(rand() * REGIONS.length)] ?? 'us-east';
  const w = windows.get(region);
  const loop = w !== undefined && at >= w.from && at < w.to;
  const pick = rand();
  if (loop && pick < 0.35) {
    const instance = `bfe-${String(Math.floor(rand() * 40)).padStart(2, '0')}`;
    const timeouts = 50 + Math.floor(rand() * 900);
    const component = 'blob-fe';
    return {
      at,
      type: 'health.degraded',
      subject: component,
      data: {
        component,
        region,
        instance,
        cpu: 1,
        description: `Blob front-end ${instance} at 100% CPU in request loop, ${timeouts} requests timed out`,
      },
    };
  }
  if (loop && pick < 0.5) {
    const vm = `vm-${Math.floor(rand() * 1e6).toString(16)}`;
    const component = 'compute-vm';
    return {
      at,
      type: 'vm.failed',
      subject: component,
      data: {
        component,
        region,
        instance: vm,
        description: `VM ${vm} lost its disk connection (storage unreachable)`,
        level: 'error',
      },
    };
  }
  const component = COMPONENTS[Math.floor(rand() * COMPONENTS.length)] ?? 'table-fe';
  const instance = `${component.slice(0, 1)}fe-${String(Math.floor(rand() * 40)).padStart(2, '0')}`;
  const ok = rand() < 0.5;
  return {
    at,
    type: ok ? 'health.ok' : 'heartbeat',
    subject: component,
    data: {
      component,
      region,
      instance,
      cpu: Math.round(rand() * 100) / 100,
      latency_ms: Math.floor(rand() * 40),
    },
  };
}

/** The log, line by line (no newlines). Same options → same lines. */
export function* generateOrchestratorLines(options: Partial<GenOptions> = {}): Generator<string> {
  const opts = { ...DEFAULT_GEN_OPTIONS, ...options };
  const rand = mulberry32(opts.seed);
  const windows = regionWindows(rand);
  const special = specials(windows);
  const fill = Math.max(0, opts.lines - special.length);
  const step = (END - START) / Math.max(1, fill);
  let next = 0;
  let held: string | null = null;
  let seq = 0;
  for (let i = 0; i <= fill; i++) {
    const at = START + Math.floor(i * step);
    const batch: Ev[] = [];
    while (next < special.length && (special[next]?.at ?? Infinity) <= at) batch.push(special[next++]!);
    if (i < fill) batch.push(noise(at, rand, windows));
    if (i === fill) while (next < special.length) batch.push(special[next++]!);
    for (const ev of batch) {
      // Only noise lines are broken: the story itself must survive for the scenario test.
      const line = render(ev, seq++, rand, opts, !special.includes(ev));
      // Out-of-order: hold a line back and write it after its successor.
      if (held === null && rand() < opts.outOfOrder) {
        held = line;
        continue;
      }
      yield line;
      if (held !== null) {
        yield held;
        held = null;
      }
    }
  }
  if (held !== null) yield held;
}

function readArgs(argv: string[]): { opts: Partial<GenOptions>; out: string | null } {
  const { values } = parseArgs({
    args: argv,
    options: {
      lines: { type: 'string' },
      seed: { type: 'string' },
      malformed: { type: 'string' },
      'out-of-order': { type: 'string' },
      out: { type: 'string' },
      'mixed-offsets': { type: 'boolean' },
    },
  });
  const opts: Partial<GenOptions> = {};
  if (values.lines !== undefined) opts.lines = Number(values.lines);
  if (values.seed !== undefined) opts.seed = Number(values.seed);
  if (values.malformed !== undefined) opts.malformed = Number(values.malformed);
  if (values['out-of-order'] !== undefined) opts.outOfOrder = Number(values['out-of-order']);
  if (values['mixed-offsets']) opts.mixedOffsets = true;
  return { opts, out: values.out ?? null };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { opts, out } = readArgs(process.argv.slice(2));
  const fd = out === null ? 1 : openSync(out, 'w');
  let buf: string[] = [];
  for (const line of generateOrchestratorLines(opts)) {
    buf.push(line);
    if (buf.length >= 2_000) {
      writeSync(fd, `${buf.join('\n')}\n`);
      buf = [];
    }
  }
  if (buf.length > 0) writeSync(fd, `${buf.join('\n')}\n`);
  if (out !== null) closeSync(fd);
}
