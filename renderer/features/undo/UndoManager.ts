/** One reversible step. Both directions are async because they write to the database. */
export interface UndoCommand {
  label: string;
  undo(): Promise<void>;
  redo(): Promise<void>;
  /**
   * Consecutive commands with the same key pushed within the coalescing window merge into one
   * step (first command's undo, last command's redo), e.g. several saves while typing a title.
   */
  coalesceKey?: string | undefined;
}

export interface UndoState {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
  busy: boolean;
}

interface Entry {
  command: UndoCommand;
  pushedAt: number;
}

export interface UndoManagerOptions {
  limit?: number;
  coalesceWindowMs?: number;
  now?: () => number;
}

/**
 * Bounded undo/redo stacks. Undo and redo run one at a time: a request made while another is
 * running waits for it, so stacks and database never disagree about the order of steps.
 */
export class UndoManager {
  private readonly undoStack: Entry[] = [];
  private readonly redoStack: Entry[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly flushers = new Set<() => Promise<void>>();
  private readonly limit: number;
  private readonly coalesceWindowMs: number;
  private readonly now: () => number;
  private queue: Promise<void> = Promise.resolve();
  private running = 0;
  private snapshot: UndoState;

  constructor(options: UndoManagerOptions = {}) {
    this.limit = options.limit ?? 200;
    this.coalesceWindowMs = options.coalesceWindowMs ?? 1_500;
    this.now = options.now ?? Date.now;
    this.snapshot = this.computeState();
  }

  /** Records a step that has already been applied. Clears the redo stack. */
  push(command: UndoCommand): void {
    const at = this.now();
    const top = this.undoStack[this.undoStack.length - 1];
    if (
      top &&
      command.coalesceKey !== undefined &&
      top.command.coalesceKey === command.coalesceKey &&
      this.redoStack.length === 0 &&
      at - top.pushedAt <= this.coalesceWindowMs
    ) {
      const first = top.command;
      top.command = {
        label: command.label,
        coalesceKey: command.coalesceKey,
        undo: first.undo,
        redo: command.redo,
      };
      top.pushedAt = at;
    } else {
      this.undoStack.push({ command, pushedAt: at });
      if (this.undoStack.length > this.limit) this.undoStack.shift();
    }
    this.redoStack.length = 0;
    this.emit();
  }

  /** Undoes the latest step; resolves false when there was nothing to undo. */
  undo(): Promise<boolean> {
    return this.enqueue(async () => {
      const entry = this.undoStack.pop();
      if (!entry) return false;
      try {
        await entry.command.undo();
      } catch (error) {
        this.undoStack.push(entry);
        throw error;
      }
      // A redone step must never coalesce with a later edit.
      this.redoStack.push({ command: entry.command, pushedAt: -Infinity });
      return true;
    });
  }

  /** Redoes the latest undone step; resolves false when there was nothing to redo. */
  redo(): Promise<boolean> {
    return this.enqueue(async () => {
      const entry = this.redoStack.pop();
      if (!entry) return false;
      try {
        await entry.command.redo();
      } catch (error) {
        this.redoStack.push(entry);
        throw error;
      }
      this.undoStack.push({ command: entry.command, pushedAt: -Infinity });
      return true;
    });
  }

  /**
   * Registers a function that commits edits still waiting (e.g. a debounced save). Every undo
   * and redo first awaits them, so "undo" never runs before the edit it should undo is recorded.
   */
  registerFlush(flush: () => Promise<void>): () => void {
    this.flushers.add(flush);
    return () => this.flushers.delete(flush);
  }

  /** Ends the current coalescing run: the next push starts a new step (e.g. a field lost focus). */
  breakCoalescing(): void {
    const top = this.undoStack[this.undoStack.length - 1];
    if (top) top.pushedAt = -Infinity;
  }

  clear(): void {
    this.undoStack.length = 0;
    this.redoStack.length = 0;
    this.emit();
  }

  getState(): UndoState {
    return this.snapshot;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private enqueue(step: () => Promise<boolean>): Promise<boolean> {
    this.running++;
    this.emit();
    const result = this.queue.then(async () => {
      await Promise.all(Array.from(this.flushers, (f) => f()));
      return step();
    });
    const settle = () => {
      this.running--;
      this.emit();
    };
    this.queue = result.then(settle, settle);
    return result;
  }

  private computeState(): UndoState {
    const u = this.undoStack[this.undoStack.length - 1];
    const r = this.redoStack[this.redoStack.length - 1];
    return {
      canUndo: u !== undefined,
      canRedo: r !== undefined,
      undoLabel: u?.command.label ?? null,
      redoLabel: r?.command.label ?? null,
      busy: this.running > 0,
    };
  }

  private emit(): void {
    this.snapshot = this.computeState();
    for (const l of this.listeners) l();
  }
}
