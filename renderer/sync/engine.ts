import type { RootlineDb } from '../db/schema';
import type { SyncConnections } from './connection';
import { setMirrorSink, type MirrorChange } from './dexieMirror';
import { IncidentSession, type SyncModel } from './session';
import { currentShares, loadShares, removeShare, subscribeShares, type Share } from './shares';

/**
 * Runs sharing for this profile: a session per shared incident (opened and closed as shares are
 * added and removed), and the mirror's sink that hands local writes to their session.
 */
export class SyncEngine {
  private readonly sessions = new Map<string, IncidentSession>();
  private stopShares: (() => void) | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly connections: SyncConnections,
    private readonly model: SyncModel,
    private readonly db: () => RootlineDb,
    private readonly onProblem: (message: string) => void,
  ) {}

  /** Starts: reads the shares and opens a session for each. */
  async start(): Promise<void> {
    setMirrorSink({
      roleOf: (incidentId) => this.sessions.get(incidentId)?.share.role,
      apply: (changes) => this.applyLocal(changes),
    });
    this.stopShares = subscribeShares((shares) => this.reconcile(shares));
    this.reconcile(await loadShares());
    await this.queue;
  }

  /** The session of a shared incident (tests, presence). */
  session(incidentId: string): IncidentSession | undefined {
    return this.sessions.get(incidentId);
  }

  private applyLocal(changes: MirrorChange[]): void {
    const byIncident = new Map<string, MirrorChange[]>();
    for (const c of changes) byIncident.set(c.incidentId, [...(byIncident.get(c.incidentId) ?? []), c]);
    for (const [incidentId, list] of byIncident) {
      // Deleting a shared incident here deletes this machine's copy, not everyone's: it stops sharing.
      if (list.some((c) => c.table === 'incidents' && c.type === 'delete')) {
        void removeShare(incidentId);
        continue;
      }
      this.sessions.get(incidentId)?.applyLocal(list);
    }
  }

  /** Opens sessions for new shares and closes those of removed (or replaced) ones, in order. */
  private reconcile(shares: readonly Share[]): void {
    this.queue = this.queue.then(async () => {
      const wanted = new Map(shares.map((s) => [s.incidentId, s]));
      for (const [id, session] of [...this.sessions]) {
        const next = wanted.get(id);
        if (next && next.token === session.share.token && next.server === session.share.server) continue;
        this.sessions.delete(id);
        await session.close(next === undefined || next.server !== session.share.server);
      }
      for (const share of shares) {
        if (this.sessions.has(share.incidentId)) continue;
        this.sessions.set(
          share.incidentId,
          new IncidentSession(share, this.connections, this.model, this.db, this.onProblem),
        );
      }
    });
  }

  /** Stops every session (they keep their stored copies) and disconnects the mirror. */
  async stop(): Promise<void> {
    setMirrorSink(null);
    this.stopShares?.();
    this.stopShares = null;
    await this.queue;
    await Promise.all([...this.sessions.values()].map((s) => s.close()));
    this.sessions.clear();
  }

  /** Shares known now (for the close warning and the CSP). */
  shares(): readonly Share[] {
    return currentShares();
  }
}
