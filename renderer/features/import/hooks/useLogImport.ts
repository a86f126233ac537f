import { useCallback, useEffect, useRef, useState } from 'react';
import type { Incident } from '../../../../shared/domain';
import { commitImport, discardStagedBlocks } from '../../../db/repos';
import type { PickedFile } from '../../../platform';
import type { JobResult } from '../../../workers/importProtocol';
import { isGzip, isZip, planFiles, SAMPLE_BYTES, uniqueNames, type FileEntry } from '../plan';
import { ImportCancelled, runImport, type ImportProgress } from '../runImport';
import { ImportWorkerClient } from '../workerClient';

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
  const [state, setState] = useState<ImportStep>({ step: 'select' });

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
      });
      return { ...entry, preview };
    },
    [client],
  );

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

  const updateEntry = useCallback(
    async (key: string, patch: Partial<Pick<FileEntry, 'format' | 'mapping'>>) => {
      const current = entries.find((e) => e.key === key);
      if (!current) return;
      const next = await refreshPreview({ ...current, ...patch }, zone, year);
      setEntries((prev) => prev.map((e) => (e.key === key ? next : e)));
    },
    [entries, refreshPreview, zone, year],
  );

  const removeEntry = useCallback(
    (key: string) => setEntries((prev) => prev.filter((e) => e.key !== key)),
    [],
  );

  /** Parses the chosen files; `inZone` reads times without a zone in that zone instead. */
  const start = useCallback(
    async (inZone?: string) => {
      const z = inZone ?? zone;
      if (inZone !== undefined) setZone(inZone);
      const controller = new AbortController();
      abortRef.current = controller;
      const planned = planFiles(incident.id, entries);
      setState({ step: 'running', progress: { bytesRead: 0, totalBytes: 0, records: 0, elapsedMs: 0 } });
      try {
        const job = await runImport(
          client(),
          planned,
          { incidentId: incident.id, zone: z, year },
          { signal: controller.signal, onProgress: (progress) => setState({ step: 'running', progress }) },
        );
        setState({ step: 'summary', job });
      } catch (e) {
        if (e instanceof ImportCancelled) setState({ step: 'select' });
        else setState({ step: 'failed', error: e instanceof Error ? e.message : String(e) });
      } finally {
        abortRef.current = null;
      }
    },
    [client, entries, incident.id, zone, year],
  );

  const cancel = useCallback(() => abortRef.current?.abort(), []);

  /** Stores the events and import rows and fills the phases the user has not set. */
  const accept = useCallback(async (): Promise<number> => {
    if (state.step !== 'summary') return 0;
    const { job } = state;
    setState({ step: 'committing', job });
    try {
      await commitImport({
        incidentId: incident.id,
        imports: job.imports,
        events: job.events,
        phases: job.result.phases,
      });
      return job.events.length;
    } catch (e) {
      await discardStagedBlocks(job.imports.map((i) => i.id)).catch(() => undefined);
      setState({ step: 'failed', error: e instanceof Error ? e.message : String(e) });
      throw e;
    }
  }, [incident.id, state]);

  /** Drops the finished, unaccepted import and parses again reading zoneless times in `z`. */
  const rereadInZone = useCallback(
    async (z: string) => {
      if (state.step === 'summary') await discardStagedBlocks(state.job.imports.map((i) => i.id));
      await start(z);
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
    zone,
    year,
    state,
    addFiles,
    updateEntry,
    removeEntry,
    start,
    cancel,
    accept,
    discard,
    applyOptions,
    rereadInZone,
  };
}
