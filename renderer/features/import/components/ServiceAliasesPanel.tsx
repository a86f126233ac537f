import { useId, useState } from 'react';

interface Props {
  rows: { alias: string; canonical: string }[];
  onChange(alias: string, canonical: string): void;
}

/**
 * Names that look like one service (guessed from the files' samples and the incident), each with
 * the name it is shown under. Emptying a field says the name is its own service.
 */
export function ServiceAliasesPanel({ rows, onChange }: Props) {
  if (rows.length === 0) return null;
  return (
    <fieldset className="service-aliases">
      <legend>Same service, other names</legend>
      <p className="muted">
        Events of these names are shown as one service in the timeline, lanes and findings. Clear a field to
        keep a name apart.
      </p>
      <ul className="service-aliases-list" aria-label="Service aliases">
        {rows.map((r) => (
          <AliasRow key={r.alias} alias={r.alias} canonical={r.canonical} onChange={onChange} />
        ))}
      </ul>
    </fieldset>
  );
}

function AliasRow({
  alias,
  canonical,
  onChange,
}: {
  alias: string;
  canonical: string;
  onChange(alias: string, canonical: string): void;
}) {
  const id = useId();
  const [text, setText] = useState(canonical);
  const [seen, setSeen] = useState(canonical);
  // A new guess (another file added) replaces the field unless the user is mid-edit.
  if (canonical !== seen) {
    setSeen(canonical);
    setText(canonical);
  }
  return (
    <li className="service-alias">
      <label htmlFor={id} className="mono">
        {alias}
      </label>
      <span aria-hidden="true">→</span>
      <input
        id={id}
        aria-label={`Service that ${alias} is another name for`}
        placeholder="its own service"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => onChange(alias, text)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onChange(alias, text);
        }}
      />
    </li>
  );
}
