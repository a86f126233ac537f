import { useUndoManager, useUndoState } from '../hooks/UndoContext';

/** Undo/redo buttons whose titles name the step they would undo or redo. */
export function UndoButtons({ onError }: { onError: (message: string) => void }) {
  const manager = useUndoManager();
  const state = useUndoState();
  const fail = (err: unknown) => onError(err instanceof Error ? err.message : String(err));
  return (
    <div className="undo-buttons" role="group" aria-label="Undo and redo">
      <button
        type="button"
        className="btn btn-icon"
        aria-label="Undo"
        title={state.undoLabel ? `Undo ${state.undoLabel}` : 'Nothing to undo'}
        disabled={!state.canUndo}
        onClick={() => void manager.undo().catch(fail)}
      >
        ↶
      </button>
      <button
        type="button"
        className="btn btn-icon"
        aria-label="Redo"
        title={state.redoLabel ? `Redo ${state.redoLabel}` : 'Nothing to redo'}
        disabled={!state.canRedo}
        onClick={() => void manager.redo().catch(fail)}
      >
        ↷
      </button>
    </div>
  );
}
