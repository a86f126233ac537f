import type { FromWorker, PreviewResult, ToWorker } from '../../workers/importProtocol';

type Listener = (msg: FromWorker) => void;

/** One import worker shared by the dialog: previews by request id, jobs by job id. */
export class ImportWorkerClient {
  private readonly worker: Worker;
  private readonly listeners = new Set<Listener>();
  private nextId = 1;

  constructor() {
    this.worker = new Worker(new URL('../../workers/import.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => {
      for (const l of [...this.listeners]) l(e.data);
    };
  }

  newId(): number {
    return this.nextId++;
  }

  post(msg: ToWorker, transfer: Transferable[] = []): void {
    this.worker.postMessage(msg, transfer);
  }

  listen(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Parses a sample of a file with a format and mapping (the dialog's live preview). */
  preview(msg: Omit<Extract<ToWorker, { type: 'preview' }>, 'type' | 'requestId'>): Promise<PreviewResult> {
    const requestId = this.newId();
    return new Promise((resolve) => {
      const stop = this.listen((m) => {
        if (m.type === 'previewed' && m.requestId === requestId) {
          stop();
          resolve(m.preview);
        }
      });
      this.post({ type: 'preview', requestId, ...msg });
    });
  }

  terminate(): void {
    this.worker.terminate();
    this.listeners.clear();
  }
}
