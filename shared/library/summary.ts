import type {
  ActionItem,
  CauseNode,
  FindingCode,
  ImportedLog,
  Incident,
  KeyTimes,
  LogLevel,
  LogPattern,
  Priority,
  Severity,
} from '../domain';

/** What the library needs of one action item (no description, no links). */
export interface LibraryAction {
  id: string;
  title: string;
  owner: string;
  priority: Priority;
  status: ActionItem['status'];
  dueDate: string | null;
  completedAt: number | null;
}

/** A mined log pattern as a recurring-signal key: its stable key, text and level. */
export interface LibraryPattern {
  key: string;
  template: string;
  level: LogLevel | null;
}

/** A risky-change finding as a recurring-signal key: its code and the component it names. */
export interface LibraryFinding {
  code: FindingCode;
  component: string;
}

/**
 * One incident as the library sees it: the few fields trends, recurring signals and similar
 * incidents read, so a view over a thousand incidents never holds their events, log blocks or
 * documents.
 */
export interface LibraryIncident {
  id: string;
  title: string;
  severity: Severity;
  status: Incident['status'];
  services: string[];
  keyTimes: KeyTimes;
  createdAt: number;
  /** Categories of the incident's causes (with repeats: one per cause). */
  causeCategories: string[];
  patterns: LibraryPattern[];
  findings: LibraryFinding[];
  actions: LibraryAction[];
}

/** The rows an incident's library summary is made from (an incident snapshot has them all). */
export interface LibrarySource {
  incident: Incident;
  causes: readonly Pick<CauseNode, 'parentId' | 'category'>[];
  actions: readonly LibraryAction[];
  imports: readonly Pick<ImportedLog, 'findings'>[];
  patterns: readonly Pick<LogPattern, 'patternKey' | 'template' | 'level'>[];
}

const unique = <T>(items: Iterable<T>): T[] => [...new Set(items)];

/** The library summary of one incident: deduplicated services, patterns and findings. */
export function summarizeIncident(src: LibrarySource): LibraryIncident {
  const i = src.incident;
  const patterns = new Map<string, LibraryPattern>();
  for (const p of src.patterns)
    if (!patterns.has(p.patternKey))
      patterns.set(p.patternKey, { key: p.patternKey, template: p.template, level: p.level });
  const findings = new Map<string, LibraryFinding>();
  for (const imp of src.imports)
    for (const f of imp.findings)
      for (const component of f.components)
        findings.set(`${f.code}\u0000${component}`, { code: f.code, component });
  return {
    id: i.id,
    title: i.title,
    severity: i.severity,
    status: i.status,
    services: unique(i.services.map((s) => s.trim()).filter((s) => s !== '')),
    keyTimes: i.keyTimes,
    createdAt: i.createdAt,
    // The top node is the incident itself (the loss), not a cause.
    causeCategories: src.causes.flatMap((c) =>
      c.parentId !== null && c.category !== null && c.category.trim() !== '' ? [c.category.trim()] : [],
    ),
    patterns: [...patterns.values()],
    findings: [...findings.values()],
    actions: src.actions.map((a) => ({
      id: a.id,
      title: a.title,
      owner: a.owner,
      priority: a.priority,
      status: a.status,
      dueDate: a.dueDate,
      completedAt: a.completedAt,
    })),
  };
}

/** When an incident happened, for periods and months: impact start, else detection, else creation. */
export function incidentDate(i: Pick<LibraryIncident, 'keyTimes' | 'createdAt'>): number {
  return i.keyTimes.impactStartAt ?? i.keyTimes.detectedAt ?? i.createdAt;
}
