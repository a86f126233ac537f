import type { EventKind, LogLevel, LogRecord, Attrs } from '../domain';
import type { RawRecord } from '../import/types';

/*
 * Keyword rules, checked on `message + type`. Word boundaries everywhere so "terror" or
 * "deployer" do not count. Deliberate choices (see docs/event-log-format.md):
 * - "config" alone is too common in startup noise ("loaded config from …"): only a config
 *   *change* (changed/updated/applied/pushed/rollout, or a `config.changed` type) is a change.
 * - "page" alone matches URLs and "404 page not found": only paged/paging/page sent… count.
 * - 5xx only as "5xx", "status|code|http 5NN" or "50N <reason phrase>", not any 3-digit number.
 * - Impact words preceded by a negation ("no errors", "0 failures", "without timeout") or
 *   followed by a zero ("errors=0", "failures: 0") do not count.
 * - "failed over"/"failover" is mitigation, not a failure.
 */
const RECOVERY = /\b(?:recovered|recovering|recovery|restored|resolved|back to normal|healthy again)\b/i;
const MITIGATION =
  /\b(?:roll(?:ed|ing)?[ -]?back|rollbacks?|revert(?:ed|ing|s)?|fail(?:ed|ing)?[ -]?over|failovers?|mitigat(?:ed|ing|ion))\b/i;
const DETECTION =
  /\b(?:alert(?:s|ed|ing)?|alarm(?:s|ed|ing)?|paged|paging|page (?:sent|fired|triggered)|monitor (?:fired|triggered))\b/i;
const CHANGE =
  /\b(?:deploy(?:s|ed|ing|ment|ments)?|roll(?:ed|ing)?[ -]?outs?|releas(?:e|ed|es|ing)|config(?:uration)?[ _.-]?(?:change[sd]?|update[sd]?|push(?:ed)?|applied|rollout)|(?:flag|feature)[ _.-]?(?:changed|enabled|flipped|toggled))\b/i;
const IMPACT =
  /\b(?:errors?|fatal|fail(?:s|ed|ing|ure|ures)?(?![ -]?over)|timeouts?|timed out|5xx|(?:status|code|http)[=: ]+5\d\d|50[0-4] (?:internal|bad gateway|service unavailable|gateway timeout)|exceptions?|panic(?:ked|s)?|crash(?:ed|es|ing)?|unavailable|outage|degraded|unhealthy)\b/gi;
const NEGATED_BEFORE = /\b(?:no|not|without|zero|0|never|non)[ -](?:[a-z]+ )?$/i;
const ZERO_AFTER = /^\s*[:=]\s*0(?![.\d])/;

const PRECEDENCE: readonly (readonly [EventKind, RegExp])[] = [
  ['recovery', RECOVERY],
  ['mitigation', MITIGATION],
  ['detection', DETECTION],
  ['change', CHANGE],
];

function hasImpactWord(text: string): boolean {
  IMPACT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = IMPACT.exec(text)) !== null) {
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 8);
    if (!NEGATED_BEFORE.test(before) && !ZERO_AFTER.test(after)) return true;
  }
  return false;
}

function isSevere(level: LogLevel | null): boolean {
  return level === 'error' || level === 'fatal';
}

/**
 * Chooses what a record means for the story from its text alone (no hint).
 * Several kinds of keyword may match ("deploy failed"): an error/fatal level makes it impact,
 * otherwise the first of recovery, mitigation, detection, change, impact wins.
 * With no keyword, error/fatal is impact and everything else is `log`.
 */
export function classifyText(message: string, type: string | null, level: LogLevel | null): EventKind {
  const text = type === null ? message : `${message} ${type}`;
  const impact = hasImpactWord(text);
  if (impact && isSevere(level)) return 'impact';
  for (const [kind, re] of PRECEDENCE) if (re.test(text)) return kind;
  if (impact || isSevere(level)) return 'impact';
  return 'log';
}

/** The kind of a parsed record: the format's `kindHint` when set, else the keyword rules. */
export function classifyKind(raw: RawRecord): EventKind {
  return raw.kindHint ?? classifyText(raw.message, raw.type, raw.level);
}

function withChangeAttrs(raw: RawRecord): Attrs {
  const change = raw.change;
  if (change === null || 'change.id' in raw.attrs) return raw.attrs;
  const attrs: Attrs = { ...raw.attrs, 'change.id': change.id };
  if (change.changeKind !== null) attrs['change.kind'] = change.changeKind;
  if (change.description !== null) attrs['change.description'] = change.description;
  if (change.targets.length > 0) {
    attrs['change.targets'] = change.targets
      .map((t) => [t.component, t.region ?? '*', t.slice].filter((p) => p !== null).join('/'))
      .join(', ');
  }
  return attrs;
}

/**
 * Turns a parsed record into the stored `LogRecord`: classified, with its change (if any)
 * flattened into attrs (`change.id`, `change.kind`, `change.description`, `change.targets`).
 */
export function classifyRecord(raw: RawRecord, kind: EventKind = classifyKind(raw)): LogRecord {
  return {
    at: raw.at,
    level: raw.level,
    kind,
    service: raw.service,
    region: raw.region,
    message: raw.message,
    attrs: withChangeAttrs(raw),
    source: raw.source,
  };
}
