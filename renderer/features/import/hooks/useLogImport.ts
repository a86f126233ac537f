import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { allFormats } from '../../../../shared/import/formats';
import { DEFAULT_CHANGE_WINDOW_MINUTES, type Incident, type IncidentType } from '../../../../shared/domain';
import { guessAliases, normalizeAliases, type ServiceAliases } from '../../../../shared/timeline/aliases';
import { commitImport, discardStagedBlocks } from '../../../db/repos';
import type { PickedFile } from '../../../platform';
import type { JobResult } from '../../../workers/importProtocol';
import { importWorkers, isGzip, isZip, planFiles, SAMPLE_BYTES, uniqueNames, type FileEntry } from '../plan';
import { ImportCancelled, runImport, type ImportProgress } from '../runImport';
import { ImportWorkerClient } from '../workerClient';
import { useFormatFileRows } from './useFormatFiles';
import { syncDocumentType } from '../../document';
import { loadTemplates } from '../../templates';

export type ImportStep =
  | { step: 'select' }
  | { step: 'running'; progress: ImportProgress }
  | { step: 'summary'; job: JobResult }
  | { step: 'committing'; job: JobResult }
  | { step: 'failed'; error: string };

async function readHead(file: PickedFile): Promise<Uint8Array> {
  const reader = file.stream().getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < SAMPLE_BYTES) {
      const next = await reader.read();
      if (next.done) break;
      parts.push(next.value);
      size += next.value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const out = new Uint8Array(Math.min(size, SAMPLE_BYTES));
  let at = 0;
  for (const p of parts) {
    const take = Math.min(p.byteLength, out.byteLength - at);
    out.set(p.subarray(0, take), at);
    at += take;
  }
  return out;
}

/** The import dialog's state machine: choose files → parse in the worker → review → accept. */
export function useLogImport(incident: Incident) {
  const clientRef = useRef<ImportWorkerClient | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const [entries, setEntries] = useState<FileEntry[]>([]);
  const [zone, setZone] = useState(incident.displayZone);
  const [year, setYear] = useState<number | null>(null);
  const [changeWindow, setChangeWindow] = useState(
    incident.changeWindowMinutes ?? DEFAULT_CHANGE_WINDOW_MINUTES,
  );
  const [state, setState] = useState<ImportStep>({ step: 'select' });
  const rows = useFormatFileRows();
  const formatFiles = useMemo(() => (rows ?? []).map((r) => ({ name: r.name, text: r.text })), [rows]);
  const formats = useMemo(() => {
    const own = (rows ?? []).flatMap((r) =>
      r.formats.map((id) => ({ id, label: `${id} (your format, ${r.name})` })),
    );
    const ids = new Set(own.map((f) => f.id));
    return [
      ...own,
      ...allFormats()
        .filter((f) => !ids.has(f.id))
        .map((f) => ({ id: f.id, label: f.label })),
    ];
  }, [rows]);
  // What the user set in this dialog (alias → canonical; '' = not an alias), over the guesses.
  const [aliasEdits, setAliasEdits] = useState<ServiceAliases>({});
  const aliases = useMemo(
    () => serviceAliasesFor(entries, incident, aliasEdits),
    [entries, incident, aliasEdits],
  );
  const setAlias = useCallback(
    (alias: string, canonical: string) => setAliasEdits((prev) => ({ ...prev, [alias]: canonical.trim() })),
    [],
  );

  const client = useCallback(() => (clientRef.current ??= new ImportWorkerClient()), []);
  useEffect(
    () => () => {
      abortRef.current?.abort();
      clientRef.current?.terminate();
    },
    [],
  );

  const refreshPreview = useCallback(
    async (entry: FileEntry, z: string, y: number | null): Promise<FileEntry> => {
      // Compressed bytes and archives have no text sample: they are read whole by the worker.
      if (entry.gzip || entry.zip) return { ...entry, preview: null };
      const preview = await client().preview({
        name: entry.name,
        bytes: entry.head.slice(),
        format: entry.format,
        mapping: entry.mapping,
        zone: z,
        year: y,
        formatFiles,
      });
      return { ...entry, preview };
    },
    [client, formatFiles],
  );

  // Adding or removing a format file changes what detection picks: preview every file again.
  const seenFormatFiles = useRef(formatFiles);
  useEffect(() => {
    if (seenFormatFiles.current === formatFiles) return;
    seenFormatFiles.current = formatFiles;
    void Promise.all(entries.map((e) => refreshPreview(e, zone, year))).then((next) => {
      const byKey = new Map(next.map((e) => [e.key, e]));
      setEntries((prev) => prev.map((e) => byKey.get(e.key) ?? e));
    });
  }, [entries, formatFiles, refreshPreview, zone, year]);

  const addFiles = useCallback(
    async (files: PickedFile[]) => {
      const names = uniqueNames([...entries.map((e) => e.name), ...files.map((f) => f.name)]).slice(
        entries.length,
      );
      const added: FileEntry[] = [];
      for (const [i, picked] of files.entries()) {
        const head = await readHead(picked);
        const name = names[i] ?? picked.name;
        const entry: FileEntry = {
          key: `${name}:${picked.size}:${Math.random()}`,
          picked,
          name,
          size: picked.size,
          gzip: isGzip(head, picked.name),
          zip: isZip(head, picked.name),
          format: null,
          mapping: null,
          preview: null,
          head,
        };
        added.push(await refreshPreview(entry, zone, year));
      }
      setEntries((prev) => [...prev, ...added]);
    },
    [entries, refreshPreview, zone, year],
  );

  // The latest entries, so that a change made while an earlier change's preview is on its way
  // builds on that earlier change rather than on the state of the last render.
  const latestEntries = useRef(entries);
  useEffect(() => {
    latestEntries.current = entries;
  }, [entries]);
  const previewTurn = useRef(new Map<string, number>());
  const updateEntry = useCallback(
    async (key: string, patch: Partial<Pick<FileEntry, 'format' | 'mapping'>>) => {
      const current = latestEntries.current.find((e) => e.key === key);
      if (!current) return;
      const patched = { ...current, ...patch };
      latestEntries.current = latestEntries.current.map((e) => (e.key === key ? patched : e));
      // The choice shows at once; its preview follows, and only the newest change's preview lands.
      setEntries((prev) => prev.map((e) => (e.key === key ? { ...e, ...patch } : e)));
      const turn = (previewTurn.current.get(key) ?? 0) + 1;
      previewTurn.current.set(key, turn);
      const next = await refreshPreview(patched, zone, year);
      if (previewTurn.current.get(key) !== turn) return;
      setEntries((prev) => prev.map((e) => (e.key === key ? { ...e, preview: next.preview } : e)));
    },
    [refreshPreview, zone, year],
  );

  const removeEntry = useCallback(
    (key: string) => setEntries((prev) => prev.filter((e) => e.key !== key)),
    [],
  );

  /** Parses the chosen files; `inZone` reads times without a zone in that zone instead. */
  const start = useCallback(
    async (again: { zone?: string; year?: number | null } = {}) => {
      const z = again.zone ?? zone;
      const y = again.year === undefined ? year : again.year;
      if (again.zone !== undefined) setZone(again.zone);
      if (again.year !== undefined) setYear(again.year);
      const controller = new AbortController();
      abortRef.current = controller;
      const workers = importWorkers(navigator.hardwareConcurrency);
      const planned = planFiles(incident.id, entries, workers);
      setState({ step: 'running', progress: { bytesRead: 0, totalBytes: 0, records: 0, elapsedMs: 0 } });
      try {
        const job = await runImport(
          client(),
          planned,
          {
            incidentId: incident.id,
            zone: z,
            year: y,
            formatFiles,
            aliases: aliases.applied,
            changeWindowMinutes: changeWindow,
            workers,
          },
          { signal: controller.signal, onProgress: (progress) => setState({ step: 'running', progress }) },
        );
        // Rendered in slices: a big summary is many rows (they follow a part per frame).
        startTransition(() => setState({ step: 'summary', job }));
      } catch (e) {
        if (e instanceof ImportCancelled) setState({ step: 'select' });
        else setState({ step: 'failed', error: e instanceof Error ? e.message : String(e) });
      } finally {
        abortRef.current = null;
      }
    },
    [client, entries, incident.id, zone, year, formatFiles, aliases, changeWindow],
  );

  const cancel = useCallback(() => abortRef.current?.abort(), []);

  /** Stores the events and import rows and fills the phases the user has not set. */
  const accept = useCallback(async (): Promise<{ events: number; becameType: IncidentType | null }> => {
    if (state.step !== 'summary') return { events: 0, becameType: null };
    const { job } = state;
    setState({ step: 'committing', job });
    let after: Incident;
    try {
      after = await commitImport({
        incidentId: incident.id,
        imports: job.imports,
        events: job.events,
        phases: job.result.phases,
        patterns: job.patterns,
        densities: job.densities,
        serviceAliases: aliases.applied,
        changeWindowMinutes: job.changeWindowMinutes,
      });
    } catch (e) {
      await discardStagedBlocks(job.imports.map((i) => i.id)).catch(() => undefined);
      setState({ step: 'failed', error: e instanceof Error ? e.message : String(e) });
      throw e;
    }
    const before = incident.incidentType ?? 'incident';
    const now = after.incidentType ?? 'incident';
    // An import that made the incident a game day (or no longer one) reshapes its document; the
    // import itself is saved whatever happens here (the Document tab catches up when opened).
    if (now !== before) await syncDocumentType(incident.id, await loadTemplates()).catch(() => false);
    return { events: job.events.length, becameType: now !== before ? now : null };
  }, [incident.id, incident.incidentType, state, aliases]);

  /** Drops the finished, unaccepted import and parses again reading zoneless times in `z`. */
  /** Parses the files again with another zone or year (the summary's staged blocks are dropped). */
  const reread = useCallback(
    async (again: { zone?: string; year?: number | null }) => {
      if (state.step === 'summary') await discardStagedBlocks(state.job.imports.map((i) => i.id));
      await start(again);
    },
    [state, start],
  );

  /** Drops a finished but unaccepted import (its staged raw blocks are deleted). */
  const discard = useCallback(async () => {
    if (state.step === 'summary') await discardStagedBlocks(state.job.imports.map((i) => i.id));
    setState({ step: 'select' });
  }, [state]);

  const applyOptions = useCallback(
    async (z: string, y: number | null) => {
      setZone(z);
      setYear(y);
      const refreshed = await Promise.all(entries.map((e) => (e.gzip ? e : refreshPreview(e, z, y))));
      setEntries(refreshed);
    },
    [entries, refreshPreview],
  );

  return {
    entries,
    formats,
    zone,
    year,
    changeWindow,
    setChangeWindow,
    state,
    aliases,
    setAlias,
    addFiles,
    updateEntry,
    removeEntry,
    start,
    cancel,
    accept,
    discard,
    applyOptions,
    reread,
  };
}

/** The aliases shown in the dialog: every name that has one, and the map an import applies. */
export interface AliasView {
  /** alias → canonical as shown (guessed, stored or typed); '' = the user said "not an alias". */
  rows: { alias: string; canonical: string }[];
  /** What the import applies and stores. */
  applied: ServiceAliases;
}

/**
 * Aliases for this import: the incident's stored map, names guessed from the services in the
 * files' samples and on the incident, then the user's edits in this dialog.
 */
export function serviceAliasesFor(
  entries: FileEntry[],
  incident: Incident,
  edits: ServiceAliases,
): AliasView {
  const counts = new Map<string, number>();
  for (const s of incident.services) counts.set(s, (counts.get(s) ?? 0) + 1);
  for (const e of entries)
    for (const r of e.preview?.records ?? [])
      if (r.service !== null) counts.set(r.service, (counts.get(r.service) ?? 0) + 1);
  const stored = incident.serviceAliases ?? {};
  // Names the incident already knows join the groups (a new spelling of a chosen canonical).
  for (const name of [...Object.keys(stored), ...Object.values(stored)])
    counts.set(name, counts.get(name) ?? 0);
  const guessed = guessAliases(
    [...counts].map(([name, count]) => ({ name, count })),
    stored,
  );
  const shown: ServiceAliases = { ...guessed, ...edits };
  const rows = Object.entries(shown)
    .map(([alias, canonical]) => ({ alias, canonical }))
    .sort((a, b) => a.alias.localeCompare(b.alias));
  return { rows, applied: normalizeAliases(shown) };
}
