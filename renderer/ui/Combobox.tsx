import { useId, useMemo, useState } from 'react';

interface ComboboxProps {
  label: string;
  value: string;
  options: readonly string[];
  /** Called with the chosen text when the user picks an option, presses Enter or leaves the field. */
  onCommit: (value: string) => void;
  /** Shown under the field; also marks it invalid. */
  error?: string | null;
  /** Shown when the value is empty and the field allows it (e.g. "None"). */
  placeholder?: string;
  maxShown?: number;
}

/** A text field with a filtered list of suggestions (WAI-ARIA combobox, list autocomplete). */
export function Combobox({
  label,
  value,
  options,
  onCommit,
  error,
  placeholder,
  maxShown = 50,
}: ComboboxProps) {
  const id = useId();
  const [text, setText] = useState(value);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  const [seenValue, setSeenValue] = useState(value);
  // The stored value can change under us (undo, another window); show it unless we are editing.
  if (seenValue !== value) {
    setSeenValue(value);
    if (!open) setText(value);
  }

  const matches = useMemo(() => {
    const q = text.trim().toLowerCase().replace(/\s+/g, '_');
    const list = q === '' ? options : options.filter((o) => o.toLowerCase().includes(q));
    return list.slice(0, maxShown);
  }, [text, options, maxShown]);

  const commit = (v: string) => {
    setText(v);
    setOpen(false);
    onCommit(v);
  };

  const listId = `${id}-list`;
  const errorId = `${id}-error`;
  return (
    <div className="field combobox">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        aria-activedescendant={open && matches[active] ? `${id}-opt-${active}` : undefined}
        autoComplete="off"
        spellCheck={false}
        value={text}
        placeholder={placeholder}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          if (open) commit(text.trim());
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, matches.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            const pick = open ? matches[active] : undefined;
            // An exact match typed in full wins over the highlighted suggestion.
            commit(options.includes(text.trim()) || !pick ? text.trim() : pick);
          } else if (e.key === 'Escape' && open) {
            e.stopPropagation();
            setText(value);
            setOpen(false);
          }
        }}
      />
      {open && matches.length > 0 && (
        <ul id={listId} role="listbox" aria-label={`${label} suggestions`} className="combobox-list">
          {matches.map((o, i) => (
            <li
              key={o}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              // mousedown keeps focus in the input so blur does not commit the half-typed text first.
              onMouseDown={(e) => {
                e.preventDefault();
                commit(o);
              }}
            >
              {o}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
