import { useEffect, useRef, useState } from 'react';

interface EditableCellProps {
  label: string;
  /** The text the input starts with. */
  value: string;
  className?: string;
  /** Returns an error message to keep the field open, or null when saved. */
  onCommit: (text: string) => Promise<string | null> | string | null;
  onDone: () => void;
}

/** An inline editor for one cell: Enter saves, Escape cancels, leaving the field saves. */
export function EditableCell({ label, value, className, onCommit, onDone }: EditableCellProps) {
  const [text, setText] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const commit = async () => {
    if (done.current) return;
    if (text === value) {
      done.current = true;
      onDone();
      return;
    }
    const problem = await onCommit(text);
    if (problem) {
      setError(problem);
      return;
    }
    done.current = true;
    onDone();
  };
  return (
    <span className={`cell-editor ${className ?? ''}`}>
      <input
        ref={ref}
        aria-label={label}
        aria-invalid={error !== null}
        title={error ?? undefined}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter') void commit();
          if (e.key === 'Escape') {
            done.current = true;
            onDone();
          }
        }}
        onBlur={() => void commit()}
      />
      {error && (
        <span role="alert" className="cell-error">
          {error}
        </span>
      )}
    </span>
  );
}
