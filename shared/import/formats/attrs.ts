import type { Attrs } from '../../domain';

/** Attrs are capped so one huge record cannot blow up memory or storage. */
export const MAX_ATTRS = 40;
export const MAX_ATTR_VALUE = 1_000;
const MAX_DEPTH = 6;

/** Cuts long text to `max` chars with an ellipsis. */
export function clip(text: string, max = MAX_ATTR_VALUE): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function count(attrs: Attrs): number {
  let n = 0;
  for (const _ in attrs) n++;
  return n;
}

/**
 * Flattens a JSON value into `attrs` with dotted keys (`log.origin.file.line`), keeping only
 * scalars; arrays become clipped JSON text. Keys in `skip` (top level only) are left out.
 * Stops at MAX_ATTRS keys.
 */
export function flattenInto(attrs: Attrs, value: unknown, prefix = '', skip?: ReadonlySet<string>): Attrs {
  let n = count(attrs);
  const walk = (v: unknown, key: string, depth: number): void => {
    if (n >= MAX_ATTRS) return;
    if (v === null || typeof v === 'boolean') {
      attrs[key] = v;
      n++;
    } else if (typeof v === 'number') {
      attrs[key] = Number.isFinite(v) ? v : String(v);
      n++;
    } else if (typeof v === 'string') {
      attrs[key] = clip(v);
      n++;
    } else if (Array.isArray(v)) {
      attrs[key] = clip(safeJson(v));
      n++;
    } else if (typeof v === 'object' && depth < MAX_DEPTH) {
      for (const k in v) {
        if (n >= MAX_ATTRS) return;
        walk((v as Record<string, unknown>)[k], key.length > 0 ? `${key}.${k}` : k, depth + 1);
      }
    }
  };
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const k in value) {
      if (n >= MAX_ATTRS) break;
      if (prefix.length === 0 && skip?.has(k)) continue;
      walk((value as Record<string, unknown>)[k], prefix.length > 0 ? `${prefix}.${k}` : k, 1);
    }
  } else if (prefix.length > 0) {
    walk(value, prefix, 1);
  }
  return attrs;
}

/** JSON text that never throws (cycles or BigInt become a placeholder). */
export function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? '';
  } catch {
    return '[unserialisable]';
  }
}
