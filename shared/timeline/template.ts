/*
 * Message templates: the variable parts of a log message (numbers, ids, UUIDs, hashes, hex,
 * IPs, quoted values, durations) replaced by readable placeholders, so that
 * "timeout after 30s to 10.0.0.7" and "timeout after 12s to 10.0.0.9" fold together and the
 * folded event can be titled "timeout after <dur> to <ip>".
 */

import { replaceVariables } from './variableScan';

const QUOTED = String.raw`(?<=^|[\s=:(\[,])(?:"[^"\n]{0,200}"|'[^'\n]{0,200}')(?=$|[\s,;:)\].])`;
const UUID = String.raw`\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b`;
const IPV4 = String.raw`\b\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?\b`;
// Letters before the first digit, then the rest of the run: the same matches as
// `[A-Za-z0-9_-]*\d[A-Za-z0-9_-]*` without backtracking through every word.
const DIGIT_TOKEN = String.raw`[A-Za-z_-]*\d[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*`;
// `vm-cabac`, `pod_deadbeef`: ids whose random part happens to have no digit.
const HEX_SUFFIX_ID = String.raw`\b[A-Za-z][A-Za-z0-9]*[-_][0-9a-f]{4,}\b`;
const MASKABLE = new RegExp(`${QUOTED}|${UUID}|${IPV4}|${DIGIT_TOKEN}|${HEX_SUFFIX_ID}`, 'g');

const NUMBER = /^[-+]?\d+(?:[.,]\d+)?$/;
const DURATION = /^\d+(?:\.\d+)?(?:ns|us|µs|ms|s|sec|secs|m|min|mins|h|hr|hrs|d)$/;
const HEX = /^(?:0x)?[0-9a-fA-F]{6,}$/;
const IP_START = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}/;
const UUID_SHAPE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-/;

function mask(token: string): string {
  const first = token.charCodeAt(0);
  if (first === 34 || first === 39) return '"…"';
  if (NUMBER.test(token)) return '<n>';
  if (DURATION.test(token)) return '<dur>';
  if (token.length === 36 && UUID_SHAPE.test(token)) return '<uuid>';
  if (IP_START.test(token)) return '<ip>';
  if (HEX.test(token)) return '<hex>';
  return '<id>';
}

/**
 * True when collapsing whitespace would change nothing: only single ASCII spaces, none at either
 * end (most messages), so the regex pass can be skipped. Anything else (tabs, runs, Unicode
 * spaces, anything non-ASCII) says false and takes the regex.
 */
function isTidy(s: string): boolean {
  const n = s.length;
  if (n === 0) return true;
  if (s.charCodeAt(0) === 32 || s.charCodeAt(n - 1) === 32) return false;
  let prevSpace = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
    } else {
      if (c < 32 || c > 126) return false;
      prevSpace = false;
    }
  }
  return true;
}

const MAX_LENGTH = 500;
const CACHE_LIMIT = 4_096;
const cache = new Map<string, string>();

/**
 * The template of a message: variable parts masked, whitespace collapsed, capped at 500 chars.
 * Equal templates are what folding groups on; the template doubles as a readable title.
 */
export function messageTemplate(message: string): string {
  const hit = cache.get(message);
  if (hit !== undefined) return hit;
  const text = message.length > MAX_LENGTH * 2 ? message.slice(0, MAX_LENGTH * 2) : message;
  const masked = text.replace(MASKABLE, mask);
  const template = (isTidy(masked) ? masked : masked.replace(/\s+/g, ' ').trim()).slice(0, MAX_LENGTH);
  // A bounded memo: logs repeat the same messages a lot, but a million distinct ones must not stay.
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(message, template);
  return template;
}

/**
 * The same masks as `messageTemplate` except quoted text, which is kept: the pattern miner
 * (shared/patterns) compares the words inside quotes (`"GET /x"` vs `"POST /x"`) itself.
 * No whitespace handling, no cap, no memo. One linear scan (variableScan.ts) rather than the
 * regex: the miner masks every distinct message, and the regex is quadratic in word length.
 */
export function maskVariables(text: string): string {
  return replaceVariables(text, mask);
}

/* What a change message keeps: the numbers that tell one step from the next (replica counts,
 * percentages, slices, versions) and the names of what changed. Only ids no reader compares by
 * eye are masked: UUIDs and long hex hashes (commit SHAs, digests). */
const CHANGE_MASKABLE = new RegExp(
  `${UUID}|\\b(?=[0-9a-fA-F]*[a-fA-F])(?=[0-9a-fA-F]*\\d)[0-9a-fA-F]{12,}\\b`,
  'g',
);

/**
 * The template of a change message: only UUIDs and hashes of 12+ hex digits are masked, so
 * "Scaled up replica set web-5d8f to 3" and "… to 5" stay apart while two deploys of different
 * commits of the same step fold.
 */
export function changeTemplate(message: string): string {
  const hit = changeCache.get(message);
  if (hit !== undefined) return hit;
  const template = computeChangeTemplate(message);
  if (changeCache.size >= CACHE_LIMIT) changeCache.clear();
  changeCache.set(message, template);
  return template;
}

const changeCache = new Map<string, string>();

function computeChangeTemplate(message: string): string {
  const text = message.length > MAX_LENGTH * 2 ? message.slice(0, MAX_LENGTH * 2) : message;
  const masked = text.replace(CHANGE_MASKABLE, (t) =>
    t.length === 36 && UUID_SHAPE.test(t) ? '<uuid>' : '<hex>',
  );
  return (isTidy(masked) ? masked : masked.replace(/\s+/g, ' ').trim()).slice(0, MAX_LENGTH);
}

/**
 * The first line of a message. A record's continuation lines (a stack trace) are evidence kept
 * with the record; the first line is what names it in titles, folding keys and patterns.
 */
export function firstLineOf(message: string): string {
  const nl = message.indexOf('\n');
  return nl < 0 ? message : message.slice(0, nl).replace(/\r$/, '');
}
