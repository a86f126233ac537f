import type { KeyboardEvent } from 'react';

interface InlineTextProps {
  value: string;
  label: string;
  onCommit: (value: string) => void;
  placeholder?: string;
  className?: string;
  list?: string;
  type?: 'text' | 'url';
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
}: InlineTextProps) {
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
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
