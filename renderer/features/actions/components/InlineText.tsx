import type { KeyboardEvent } from 'react';

interface InlineTextProps {
  value: string;
  label: string;
  onCommit: (value: string) => void;
  placeholder?: string;
  className?: string;
  list?: string;
  type?: 'text' | 'url';
  /** Wraps onto more lines instead of cutting the text off (a one-line value still: Enter saves). */
  wrap?: boolean;
}

/**
 * A text cell that looks like text until focused. Enter or leaving the field saves; Escape puts
 * back the stored value. Keyed on the stored value so undo and other windows refresh it.
 */
export function InlineText({
  value,
  label,
  onCommit,
  placeholder,
  className,
  list,
  type = 'text',
  wrap = false,
}: InlineTextProps) {
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      e.currentTarget.blur();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      e.currentTarget.value = value;
      e.currentTarget.blur();
    }
  };
  if (wrap)
    return (
      <textarea
        key={value}
        rows={1}
        className={`cell-input cell-wrap ${className ?? ''}`}
        aria-label={label}
        defaultValue={value}
        placeholder={placeholder}
        spellCheck
        onKeyDown={onKeyDown}
        onBlur={(e) => {
          // A pasted line break becomes a space: the value stays one line.
          const next = e.currentTarget.value.replace(/\s*\n\s*/g, ' ');
          if (next !== value) onCommit(next);
        }}
      />
    );
  return (
    <input
      key={value}
      type={type}
      className={`cell-input ${className ?? ''}`}
      aria-label={label}
      defaultValue={value}
      title={value || undefined}
      placeholder={placeholder}
      list={list}
      spellCheck={type === 'text'}
      onKeyDown={onKeyDown}
      onBlur={(e) => {
        if (e.currentTarget.value !== value) onCommit(e.currentTarget.value);
      }}
    />
  );
}
