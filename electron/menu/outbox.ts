import type { MenuAction } from '../../shared/ipc/menu';

/**
 * Holds menu actions for a renderer until it says it is listening (`menu:subscribeActions`), so a bundle
 * opened by double-click while the app is still loading is delivered rather than lost.
 */
export class MenuActionOutbox {
  private readonly listening = new Set<number>();
  private readonly queued = new Map<number, MenuAction[]>();

  constructor(private readonly send: (targetId: number, action: MenuAction) => void) {}

  /** Delivers now if the target listens, otherwise queues (in order). */
  push(targetId: number, action: MenuAction): void {
    if (this.listening.has(targetId)) {
      this.send(targetId, action);
      return;
    }
    const queue = this.queued.get(targetId) ?? [];
    queue.push(action);
    this.queued.set(targetId, queue);
  }

  /** Marks the target as listening and flushes its queue; returns how many were delivered. */
  listen(targetId: number): number {
    this.listening.add(targetId);
    const queue = this.queued.get(targetId) ?? [];
    this.queued.delete(targetId);
    for (const action of queue) this.send(targetId, action);
    return queue.length;
  }

  /** The page is navigating or reloading: its listeners are gone until it calls listen again. */
  pause(targetId: number): void {
    this.listening.delete(targetId);
  }

  /** The target was destroyed: drop everything about it. */
  forget(targetId: number): void {
    this.listening.delete(targetId);
    this.queued.delete(targetId);
  }
}
