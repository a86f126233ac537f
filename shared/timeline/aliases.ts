/*
 * Service aliases: one service under several names across sources (`blob-frontend` in the app's
 * logs, `blob-fe` in the orchestrator, `Deployment/blob-fe-5d8f9c` in Kubernetes). The map is
 * alias → canonical name; an import applies it to every record before folding and findings.
 */

/** alias → the canonical service name it stands for. */
export type ServiceAliases = Record<string, string>;
import { nullProto } from '../domain/lookup';

/* Kubernetes object kinds written before a name (`deployment/x`, `Pod/x`). */
const KIND_PREFIX =
  /^(?:deployments?|deploy|pods?|po|replicasets?|rs|statefulsets?|sts|daemonsets?|ds|services?|svc|jobs?|cronjobs?)[/ ]/i;
/* Generated suffixes: a replica set's pod-template hash and a pod's random tail. */
const POD_SUFFIX = /-(?=[a-z0-9]{6,10}-)(?=[a-z]*\d)[a-z0-9]{6,10}-[a-z0-9]{5}$/;
const RS_SUFFIX = /-(?=[a-z0-9]{6,10}$)(?=[a-z]*\d)[a-z0-9]{6,10}$/;

/** Short forms that name the same role (whole tokens only). */
const ABBREVIATIONS: Record<string, string> = nullProto({
  fe: 'frontend',
  front: 'frontend',
  be: 'backend',
  back: 'backend',
  svc: 'service',
  srv: 'server',
  db: 'database',
  mgr: 'manager',
  ctrl: 'controller',
  ctl: 'controller',
  gw: 'gateway',
  lb: 'loadbalancer',
  cfg: 'config',
  conf: 'config',
  auth: 'authentication',
  authn: 'authentication',
  msg: 'messaging',
  prod: 'production',
});

/**
 * The comparison key of a service name: lower case, without a Kubernetes kind prefix or generated
 * hash suffix, tokens split on `-_./ ` and camelCase, short forms expanded (`fe` → `frontend`).
 * Names with one key are guessed to be one service.
 */
export function serviceKey(name: string): string {
  let n = name.trim().replace(KIND_PREFIX, '');
  n = n.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  n = n.replace(POD_SUFFIX, '').replace(RS_SUFFIX, '');
  const tokens = n.split(/[-_./\s]+/).filter((t) => t.length > 0);
  return tokens.map((t) => ABBREVIATIONS[t] ?? t).join('-');
}

/**
 * Guesses which service names are one service. `names` carry how often each was seen; in each
 * group the most frequent name is canonical (ties: the shortest, then alphabetical). What the
 * user already chose (`known`) wins: a group with a mapped name or a chosen canonical name
 * takes that canonical. Returns alias → canonical for every name that is not its own canonical.
 */
export function guessAliases(
  names: readonly { name: string; count: number }[],
  known: ServiceAliases = {},
): ServiceAliases {
  const groups = new Map<string, Map<string, number>>();
  for (const { name, count } of names) {
    if (name.trim() === '' || name.includes(', ')) continue;
    const key = serviceKey(name);
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = new Map()));
    g.set(name, (g.get(name) ?? 0) + count);
  }
  const canonicals = new Set(Object.values(known));
  const out: ServiceAliases = { ...known };
  for (const g of groups.values()) {
    const members = [...g.entries()].sort(
      (a, b) => b[1] - a[1] || a[0].length - b[0].length || a[0].localeCompare(b[0]),
    );
    const chosen =
      members.map(([n]) => known[n]).find((c) => c !== undefined) ??
      members.find(([n]) => canonicals.has(n))?.[0] ??
      members[0]![0];
    for (const [n] of members) if (n !== chosen && !Object.hasOwn(known, n)) out[n] = chosen;
  }
  return out;
}

/** The canonical name of a service (itself when it has no alias). */
export function canonicalService(service: string | null, aliases: ServiceAliases): string | null {
  if (service === null) return null;
  return Object.hasOwn(aliases, service) ? (aliases[service] ?? service) : service;
}

/** Drops empty, self and unknown-target entries, and follows chains (a → b → c becomes a → c). */
export function normalizeAliases(aliases: ServiceAliases): ServiceAliases {
  const out: ServiceAliases = {};
  for (const [alias, target] of Object.entries(aliases)) {
    let t = target.trim();
    const seen = new Set([alias]);
    while (Object.hasOwn(aliases, t) && !seen.has(t)) {
      seen.add(t);
      t = (aliases[t] ?? t).trim();
    }
    if (t !== '' && t !== alias && !seen.has(t)) out[alias] = t;
  }
  return out;
}
