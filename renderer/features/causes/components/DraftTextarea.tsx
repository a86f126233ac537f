import { useState, type TextareaHTMLAttributes } from 'react';

interface DraftTextareaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'> {
  value: string;
  onValue: (value: string) => void;
}

/**
 * A textarea that keeps what is being typed locally, so a live-query result arriving a
 * keystroke late never moves the caret or drops a character; it follows outside changes
 * (undo, a merged review) whenever it is not focused.
 */
export function DraftTextarea({ value, onValue, onFocus, onBlur, ...rest }: DraftTextareaProps) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  const [editing, setEditing] = useState(false);
  if (value !== seen) {
    setSeen(value);
    if (!editing) setDraft(value);
  }
  return (
    <textarea
      {...rest}
      value={draft}
      onFocus={(e) => {
        setEditing(true);
        onFocus?.(e);
      }}
      onBlur={(e) => {
        setEditing(false);
        onBlur?.(e);
      }}
      onChange={(e) => {
        setDraft(e.target.value);
        onValue(e.target.value);
      }}
    />
  );
}
