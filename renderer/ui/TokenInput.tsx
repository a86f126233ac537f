import { useId, useState } from 'react';

interface TokenInputProps {
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  placeholder?: string;
}

/** A list of short labels: type and press Enter (or comma) to add, × or Backspace to remove. */
export function TokenInput({ label, values, onChange, placeholder }: TokenInputProps) {
  const [text, setText] = useState('');
  const id = useId();

  const add = () => {
    const parts = text
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p !== '' && !values.includes(p));
    if (parts.length > 0) onChange([...values, ...new Set(parts)]);
    setText('');
  };

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="tokens">
        <ul className="token-list" aria-label={`${label} list`}>
          {values.map((v) => (
            <li key={v} className="token">
              <span>{v}</span>
              <button
                type="button"
                className="token-remove"
                aria-label={`Remove ${v} from ${label}`}
                onClick={() => onChange(values.filter((x) => x !== v))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <input
          id={id}
          className="token-input"
          value={text}
          placeholder={placeholder}
          onChange={(e) => setText(e.target.value)}
          onBlur={add}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ',') {
              e.preventDefault();
              add();
            } else if (e.key === 'Backspace' && text === '' && values.length > 0) {
              onChange(values.slice(0, -1));
            }
          }}
        />
      </div>
    </div>
  );
}
