import type { LogLevel } from '../../domain';
import { nullProto } from '../../domain/lookup';

const NAMES: Record<string, LogLevel> = nullProto({
  trace: 'trace',
  trc: 'trace',
  finest: 'trace',
  finer: 'trace',
  verbose: 'debug',
  debug: 'debug',
  dbg: 'debug',
  fine: 'debug',
  d: 'debug',
  info: 'info',
  information: 'info',
  informational: 'info',
  inf: 'info',
  i: 'info',
  notice: 'notice',
  warn: 'warn',
  warning: 'warn',
  wrn: 'warn',
  w: 'warn',
  error: 'error',
  err: 'error',
  severe: 'error',
  e: 'error',
  fatal: 'fatal',
  critical: 'fatal',
  crit: 'fatal',
  alert: 'fatal',
  emerg: 'fatal',
  emergency: 'fatal',
  panic: 'fatal',
  f: 'fatal',
});

/** A level name in any case (`WARNING`, `Information`, `crit`) → LogLevel, or null. */
export function levelFromName(name: string): LogLevel | null {
  if (name.length === 0 || name.length > 13) return null;
  const exact = NAMES[name];
  if (exact !== undefined) return exact;
  return NAMES[name.toLowerCase()] ?? null;
}

/** Bunyan/pino numeric levels: 10 trace, 20 debug, 30 info, 40 warn, 50 error, 60 fatal. */
export function levelFromBunyan(n: number): LogLevel | null {
  if (!Number.isFinite(n) || n < 0) return null;
  if (n < 20) return 'trace';
  if (n < 30) return 'debug';
  if (n < 40) return 'info';
  if (n < 50) return 'warn';
  if (n < 60) return 'error';
  return 'fatal';
}

/** Syslog severity 0..7 (emerg..debug). */
export function levelFromSyslog(n: number): LogLevel | null {
  switch (n) {
    case 0:
    case 1:
    case 2:
      return 'fatal';
    case 3:
      return 'error';
    case 4:
      return 'warn';
    case 5:
      return 'notice';
    case 6:
      return 'info';
    case 7:
      return 'debug';
    default:
      return null;
  }
}

/** OpenTelemetry SeverityNumber 1..24 (TRACE 1-4, DEBUG 5-8, INFO 9-12, WARN 13-16, ERROR 17-20, FATAL 21-24). */
export function levelFromOtel(n: number): LogLevel | null {
  if (!Number.isInteger(n) || n < 1 || n > 24) return null;
  const levels: LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];
  return levels[Math.floor((n - 1) / 4)] ?? null;
}

/** A JSON level value: a name, a bunyan number, or a numeric string. */
export function levelFromValue(v: unknown): LogLevel | null {
  if (typeof v === 'string') {
    const named = levelFromName(v.trim());
    if (named !== null) return named;
    const n = Number(v);
    return v.length > 0 && Number.isInteger(n) && n >= 10 ? levelFromBunyan(n) : null;
  }
  if (typeof v === 'number') return levelFromBunyan(v);
  return null;
}
