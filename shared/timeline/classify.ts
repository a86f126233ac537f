import type { EventKind, LogLevel, LogRecord, Attrs } from '../domain';
import type { RawRecord } from '../import/types';
import { BurstTracker } from './burst';
import { messageTemplate } from './template';
import type { BurstOptions } from './types';

/*
 * Keyword rules, checked on `message + type`. Word boundaries everywhere so "terror" or
 * "deployer" do not count. Deliberate choices (see docs/event-log-format.md and
 * docs/import-formats.md, "How a record's kind is decided"):
 * - "config" alone is too common in startup noise ("loaded config from …"): only a config
 *   *change* (changed/updated/applied/pushed/rollout, or a `config.changed` type) is a change.
 * - "page" alone matches URLs and "404 page not found": only paged/paging/page sent… count.
 * - 5xx only as "5xx", "status|code|http 5NN" or "50N <reason phrase>", not any 3-digit number.
 * - Impact words preceded by a negation ("no errors", "0 failures", "without timeout") or
 *   followed by a zero ("errors=0", "failures: 0") do not count.
 * - "failed over"/"failover" is mitigation, not a failure.
 * - A timeout followed by a value ("negotiated timeout 10000", "timeout of 30s exceeded",
 *   "timeout=5s") states a setting, not a failure.
 */
const RECOVERY =
  /\b(?:recovered|recovering|recovery|restored|resolved|back to normal|healthy again|(?:is|are) (?:now )?operating normally)\b/i;
const MITIGATION =
  /\b(?:roll(?:ed|ing)?[ -]?back|rollbacks?|revert(?:ed|ing|s)?|fail(?:ed|ing)?[ -]?over|failovers?|mitigat(?:ed|ing|ion))\b/i;
const DETECTION =
  /\b(?:alert(?:s|ed|ing)?|alarm(?:s|ed|ing)?|paged|paging|page (?:sent|fired|triggered)|monitor (?:fired|triggered))\b/i;
const CHANGE =
  /\b(?:deploy(?:s|ed|ing|ment|ments)?|roll(?:ed|ing)?[ -]?outs?|releas(?:e|ed|es|ing)|config(?:uration)?[ _.-]?(?:change[sd]?|update[sd]?|push(?:ed)?|applied|rollout)|(?:flag|feature)[ _.-]?(?:changed|enabled|flipped|toggled))\b/i;
/* What a failure looks like in any message: an event that went wrong, not a word that names a
 * setting or a category ("error" and "exception" are nouns in routine lines: "Error Path:/x"). */
const FAILURE_SHAPES = String.raw`fail(?:s|ed|ing|ure|ures)?(?![ -]?over)|timed out|time[ -]?outs?(?!\s*(?:[=:]|of\b|set to\b|value\b)?\s*\d)|5xx|(?:status|code|http)[=: ]+5\d\d|50[0-4] (?:internal|bad gateway|service unavailable|gateway timeout)|panic(?:ked|s)?|crash(?:ed|es|ing)?|unavailable|outage|degraded|unhealthy|unreachable|connection refused|out of memory`;
/* At error/fatal levels, and when no level is known, the nouns count too. */
const FAILURE = new RegExp(String.raw`\b(?:${FAILURE_SHAPES})\b`, 'gi');
const IMPACT = new RegExp(String.raw`\b(?:errors?|fatal|exceptions?|${FAILURE_SHAPES})\b`, 'gi');
const NEGATED_BEFORE = /\b(?:no|not|without|zero|0|never|non)[ -](?:[a-z]+ )?$/i;
const ZERO_AFTER = /^\s*[:=]\s*0(?![.\d])/;

const PRECEDENCE: readonly (readonly [EventKind, RegExp])[] = [
  ['recovery', RECOVERY],
  ['mitigation', MITIGATION],
  ['detection', DETECTION],
  ['change', CHANGE],
];

function hasWord(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 8);
    if (!NEGATED_BEFORE.test(before) && !ZERO_AFTER.test(after)) return true;
  }
  return false;
}

function isSevere(level: LogLevel | null): boolean {
  return level === 'error' || level === 'fatal';
}

/** The known change, recovery, mitigation or detection shape of a text, or null. */
function shapeOf(text: string): EventKind | null {
  for (const [kind, re] of PRECEDENCE) if (re.test(text)) return kind;
  return null;
}

/**
 * Chooses what a record means for the story from its level and text (no hint, no rate):
 * - error/fatal: impact, unless a recovery, mitigation, detection or change shape names what
 *   happened and no failure word is present ("ERROR rollback completed" is mitigation);
 * - warn: the shape's kind, else `log` (a WARN pattern becomes impact only as a burst above its
 *   own earlier rate, which `RecordClassifier` judges);
 * - info, notice, debug, trace: the shape's kind, else impact for a failure shape ("request
 *   failed", "connection refused", "upstream timed out"), else `log`: routine lines are evidence;
 * - no level: the shape's kind, else impact for any failure or error word, else `log`.
 * When several shapes match, recovery, then mitigation, detection, change win, in that order.
 */
export function classifyText(message: string, type: string | null, level: LogLevel | null): EventKind {
  const text = type === null ? message : `${message} ${type}`;
  if (isSevere(level)) return hasWord(IMPACT, text) ? 'impact' : (shapeOf(text) ?? 'impact');
  const shape = shapeOf(text);
  if (shape !== null) return shape;
  if (level === 'warn') return 'log';
  if (level === null) return hasWord(IMPACT, text) ? 'impact' : 'log';
  return hasWord(FAILURE, text) ? 'impact' : 'log';
}

/** The kind of a parsed record without rates: the format's `kindHint` when set, else `classifyText`. */
export function classifyKind(raw: RawRecord): EventKind {
  return raw.kindHint ?? classifyText(raw.message, raw.type, raw.level);
}

/**
 * Classifies a stream of records with rates: `classifyKind`, and a WARN record that
 * `classifyText` leaves as `log` becomes impact while its pattern (service + template) bursts
 * above its own earlier rate in its stream (file). `patternOf` says which records share a
 * pattern (the message template by default; a pattern miner can supply its own).
 */
export class RecordClassifier {
  private readonly bursts: BurstTracker;
  private readonly patternOf: (message: string) => string;

  constructor(
    options: { burst?: Partial<BurstOptions> | undefined; patternOf?: (message: string) => string } = {},
  ) {
    this.bursts = new BurstTracker(options.burst);
    this.patternOf = options.patternOf ?? messageTemplate;
  }

  /**
   * The kind of one record of `stream` (records of a stream should come roughly in time order).
   * `pattern` is the record's mined pattern when the import has one (its rate is what makes a
   * WARN burst; a number names a miner's cluster); without it the message's masked template
   * stands in.
   */
  kindOf(raw: RawRecord, stream: number, pattern?: string | number): EventKind {
    const hinted = raw.kindHint;
    if (hinted !== null || raw.level !== 'warn') {
      this.bursts.seen(stream, raw.at);
      return hinted ?? classifyText(raw.message, raw.type, raw.level);
    }
    const kind = classifyText(raw.message, raw.type, raw.level);
    const name = typeof pattern === 'number' ? `p${pattern}` : (pattern ?? this.patternOf(raw.message));
    const key = `${raw.service ?? ''}\u0001${name}`;
    const burst = this.bursts.observe(stream, key, raw.at, raw.repeat);
    return kind === 'log' && burst ? 'impact' : kind;
  }
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
