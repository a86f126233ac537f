import type { LogLevel } from '../../domain';
import { parseIso } from '../../time/iso';
import { pcreToJs } from './pcre';
import type { FormatDefinition, LnavLevel, VALUE_KINDS } from './schema';
import { compileTimeFormat } from './strptime';
import type { CompiledTimeFormat } from './strptime';
import { parseLine } from './parse';
import { nullProto } from '../../domain/lookup';

/** lnav level → Rootline level. */
export const LEVEL_OF: Record<LnavLevel, LogLevel> = {
  trace: 'trace',
  debug5: 'debug',
  debug4: 'debug',
  debug3: 'debug',
  debug2: 'debug',
  debug: 'debug',
  info: 'info',
  stats: 'info',
  notice: 'notice',
  warning: 'warn',
  error: 'error',
  critical: 'fatal',
  fatal: 'fatal',
};

/**
 * Captures that name where a line came from, best first. The first one a line fills becomes
 * the record's service (lnav's `module-field`, when set, comes before all of them).
 */
export const SERVICE_FIELDS = [
  'service',
  'app',
  'program',
  'component',
  'logger',
  'module',
  'class',
  'category',
  'tag',
  'source',
] as const;

/** Captures that name the thread, when `thread-id-field` is not set. */
export const THREAD_FIELDS = ['thread', 'thread_id', 'tid', 'thread_name'] as const;

export type ValueKind = (typeof VALUE_KINDS)[number];

export interface CompiledPattern {
  name: string;
  re: RegExp;
  /** The named captures of the pattern. */
  groups: string[];
}

/** A definition ready to parse lines with. */
export interface CompiledTextFormat {
  /** The format's key in its file (`zookeeper_log`); also its id for `--format`. */
  name: string;
  title: string;
  description: string;
  /** Where the definition came from (a file name, or `builtin`). */
  origin: string;
  patterns: CompiledPattern[];
  timestampField: string;
  timeField: string | null;
  subsecondField: string | null;
  subsecondUnits: 'milli' | 'micro' | 'nano';
  timeFormats: CompiledTimeFormat[];
  /** True when every timestamp format carries a year (or there are none: free-form parsing). */
  hasYear: boolean;
  levelField: string;
  levels: { level: LogLevel; test: (value: string) => boolean }[];
  bodyField: string;
  opidField: string;
  serviceFields: string[];
  threadFields: string[];
  multiline: boolean;
  kinds: Record<string, ValueKind>;
  /** Which time format read the last line (tried first next time; speed only, same result). */
  hints: { time: number };
}

/** One problem in a format file: the file, the line, the JSON path and the reason. */
export interface FormatProblem {
  file: string;
  line: number;
  path: string;
  reason: string;
}

/** `file: line N: path: reason`, how problems are shown. */
export function formatProblemText(p: FormatProblem): string {
  const where = p.line > 0 ? `${p.file}: line ${p.line}` : p.file;
  return p.path === '' ? `${where}: ${p.reason}` : `${where}: ${p.path}: ${p.reason}`;
}

/** The definitions a format file's JSON holds, by name (its `$schema` and other text entries left out). */
export function definitionsIn(file: Readonly<Record<string, unknown>>): [string, FormatDefinition][] {
  const out: [string, FormatDefinition][] = [];
  for (const [name, def] of Object.entries(file)) {
    if (name === '$schema' || typeof def === 'string' || def === undefined) continue;
    out.push([name, def as FormatDefinition]);
  }
  return out;
}

/** A problem of one definition: where in it (a JSON path from the format's name) and why. */
export interface RawProblem {
  path: PropertyKey[];
  reason: string;
}

function namedGroups(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/\(\?<([A-Za-z_]\w*)>/g)) if (m[1] !== undefined) out.push(m[1]);
  return out;
}

/** Compiles one definition, then runs its samples through it. */
export function compileDefinition(
  name: string,
  def: FormatDefinition,
  origin: string,
  { checkOwnSamples = true }: { checkOwnSamples?: boolean } = {},
): CompiledTextFormat | RawProblem[] {
  const problems: RawProblem[] = [];
  const timestampField = def['timestamp-field'] ?? 'timestamp';
  const patterns: CompiledPattern[] = [];
  for (const [pname, p] of Object.entries(def.regex)) {
    const path = [name, 'regex', pname, 'pattern'];
    if (p['module-format'] === true) continue;
    const js = pcreToJs(p.pattern);
    if (!js.ok) {
      problems.push({ path, reason: js.reason });
      continue;
    }
    const groups = namedGroups(js.source);
    const dup = groups.find((g, i) => groups.indexOf(g) !== i);
    if (dup !== undefined) {
      problems.push({
        path,
        reason: `the capture (?<${dup}>…) appears twice; JavaScript needs each name once`,
      });
      continue;
    }
    let re: RegExp;
    try {
      re = new RegExp(js.source, js.flags);
    } catch (e) {
      problems.push({
        path,
        reason: `not a valid regular expression: ${e instanceof Error ? e.message : String(e)}`,
      });
      continue;
    }
    if (!groups.includes(timestampField)) {
      problems.push({ path, reason: `the pattern has no (?<${timestampField}>…) capture for the time` });
      continue;
    }
    patterns.push({ name: pname, re, groups });
  }
  const timeFormats: CompiledTimeFormat[] = [];
  (def['timestamp-format'] ?? []).forEach((f, i) => {
    const compiled = compileTimeFormat(f);
    if (typeof compiled === 'string')
      problems.push({ path: [name, 'timestamp-format', i], reason: compiled });
    else timeFormats.push(compiled);
  });
  const levels: CompiledTextFormat['levels'] = [];
  for (const [lvl, value] of Object.entries(def.level ?? {})) {
    const level = LEVEL_OF[lvl as LnavLevel];
    if (typeof value === 'number') {
      levels.push({ level, test: (s) => Number(s) === value });
      continue;
    }
    const js = pcreToJs(value);
    let re: RegExp | null = null;
    if (js.ok) {
      try {
        re = new RegExp(js.source, js.flags);
      } catch (e) {
        problems.push({ path: [name, 'level', lvl], reason: `not a valid regular expression: ${String(e)}` });
      }
    } else {
      problems.push({ path: [name, 'level', lvl], reason: js.reason });
    }
    if (re !== null) {
      const r = re;
      levels.push({ level, test: (s) => r.test(s) });
    }
  }
  if (problems.length > 0) return problems;
  const kinds: Record<string, ValueKind> = nullProto();
  for (const [field, v] of Object.entries(def.value ?? {})) if (v.kind !== undefined) kinds[field] = v.kind;
  const moduleField = def['module-field'];
  const threadField = def['thread-id-field'];
  const compiled: CompiledTextFormat = {
    name,
    title: def.title ?? name,
    description: def.description ?? '',
    origin,
    patterns,
    timestampField,
    timeField: def['time-field'] ?? null,
    subsecondField: def['subsecond-field'] ?? null,
    subsecondUnits: def['subsecond-units'] ?? 'milli',
    timeFormats,
    hasYear: timeFormats.length === 0 || timeFormats.every((f) => f.hasYear),
    levelField: def['level-field'] ?? 'level',
    levels,
    bodyField: def['body-field'] ?? 'body',
    opidField: def['opid-field'] ?? 'opid',
    serviceFields: moduleField !== undefined ? [moduleField, ...SERVICE_FIELDS] : [...SERVICE_FIELDS],
    threadFields: threadField !== undefined ? [threadField] : [...THREAD_FIELDS],
    multiline: def.multiline ?? true,
    kinds,
    hints: { time: 0 },
  };
  const sampleProblems = checkOwnSamples ? checkSamples(compiled, def) : [];
  return sampleProblems.length > 0 ? sampleProblems : compiled;
}

function quote(s: string): string {
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);
}

/** Every sample must match a regex and parse to its stated level, time, service and thread. */
function checkSamples(f: CompiledTextFormat, def: FormatDefinition): RawProblem[] {
  const problems: RawProblem[] = [];
  def.sample.forEach((sample, i) => {
    const path = [f.name, 'sample', i];
    const expectedAt = sample.expect?.at !== undefined ? parseIso(sample.expect.at, 'UTC') : null;
    if (sample.expect !== undefined && expectedAt === null) {
      problems.push({
        path: [...path, 'expect', 'at'],
        reason: `"${sample.expect.at}" is not an ISO 8601 time`,
      });
      return;
    }
    const year = expectedAt !== null ? new Date(expectedAt).getUTCFullYear() : 2000;
    const first = sample.line.split('\n')[0] ?? '';
    const parsed = parseLine(f, first, { zone: 'UTC', year });
    const fail = (reason: string): void => {
      problems.push({
        path,
        reason: `format "${f.name}" fails its own sample ${i + 1} (${quote(first)}): ${reason}`,
      });
    };
    if (parsed === null) return fail('no regex matches it');
    if (parsed.at === null)
      return fail(`the time "${parsed.timestampText}" does not fit the timestamp-format`);
    if (sample.level !== undefined && parsed.level !== LEVEL_OF[sample.level]) {
      return fail(`its level parses as ${parsed.level ?? 'none'}, the sample says ${sample.level}`);
    }
    const x = sample.expect;
    if (x === undefined) return;
    if (expectedAt !== parsed.at) {
      return fail(`its time parses as ${new Date(parsed.at).toISOString()}, the sample says ${x.at}`);
    }
    if (x.service !== undefined && x.service !== parsed.service) {
      return fail(
        `its service parses as ${parsed.service ?? 'none'}, the sample says ${x.service ?? 'none'}`,
      );
    }
    if (x.thread !== undefined && x.thread !== parsed.thread) {
      return fail(`its thread parses as ${parsed.thread ?? 'none'}, the sample says ${x.thread ?? 'none'}`);
    }
    if (x.body !== undefined && x.body !== parsed.body) {
      return fail(
        `its body parses as ${JSON.stringify(parsed.body)}, the sample says ${JSON.stringify(x.body)}`,
      );
    }
  });
  return problems;
}
