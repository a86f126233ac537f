import type { CauseNode, Finding, FindingCode, ImportedLog } from '../domain';
import { assertNever, hash64 } from '../domain';

/** A finding from log import offered as a contributing factor. */
export interface CauseSuggestion {
  /** Stable across re-imports of the same finding (code, change and time). */
  key: string;
  code: FindingCode;
  /** When the finding's wave started (UTC ms). */
  at: number;
  title: string;
  detail: string;
  kind: 'contributing-factor';
  category: string;
  evidenceEventIds: string[];
  importId: string;
  fileName: string;
}

function list(items: readonly string[]): string {
  return items.length <= 4
    ? items.join(', ')
    : `${items.slice(0, 4).join(', ')} and ${items.length - 4} more`;
}

function suggestionTitle(f: Finding): string {
  const change = f.change === null ? 'A change' : `Change ${f.change}`;
  switch (f.code) {
    case 'unstaged-rollout':
      return `${change} was rolled out everywhere at once, without staged deployment`;
    case 'untested-target':
      return `${change} reached ${f.components.length > 0 ? list(f.components) : 'a component'} where it was never tested`;
    case 'change-before-impact': {
      const where = f.components.length > 0 ? list(f.components) : 'the impacted service';
      // An injected fault is the experiment, never the cause: what failed is the tolerance of it.
      if (f.injected === true)
        return `${where} did not tolerate the injected fault${f.change === null ? '' : ` ${f.change}`}`;
      return `${change} on ${where} shortly before impact began`;
    }
    default:
      return assertNever(f.code, 'finding code');
  }
}

/** Key that identifies a finding independently of ids (they change when a bundle is copied). */
export function suggestionKey(f: Finding): string {
  return hash64(`${f.code}\u0000${f.change ?? ''}\u0000${f.at}\u0000${[...f.components].sort().join(',')}`);
}

/**
 * Findings of the incident's imports as suggested contributing factors, minus those already in
 * the tree (same title) and those the user dismissed (by key). Evidence keeps only events
 * that still exist.
 */
export function suggestionsFromFindings(
  imports: readonly ImportedLog[],
  nodes: readonly CauseNode[],
  options: { dismissed?: ReadonlySet<string>; eventIds?: ReadonlySet<string> | undefined } = {},
): CauseSuggestion[] {
  const titles = new Set(nodes.map((n) => n.title.trim().toLowerCase()));
  const seen = new Set<string>();
  const out: CauseSuggestion[] = [];
  for (const imp of imports) {
    for (const f of imp.findings) {
      const key = suggestionKey(f);
      const title = suggestionTitle(f);
      if (seen.has(key) || options.dismissed?.has(key) || titles.has(title.toLowerCase())) continue;
      seen.add(key);
      const regions = f.regions.length > 0 ? `\n\nRegions: ${list(f.regions)}.` : '';
      out.push({
        key,
        code: f.code,
        at: f.at,
        title,
        detail: `${f.message}${regions}\n\nFound in \`${imp.fileName}\` by the log import (${f.code}).`,
        kind: 'contributing-factor',
        category: f.code === 'untested-target' || f.injected === true ? 'technology' : 'process',
        evidenceEventIds:
          options.eventIds === undefined
            ? [...f.eventIds]
            : f.eventIds.filter((id) => options.eventIds!.has(id)),
        importId: imp.id,
        fileName: imp.fileName,
      });
    }
  }
  return out.sort((a, b) => a.at - b.at || a.title.localeCompare(b.title));
}
