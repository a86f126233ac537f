import { useState } from 'react';
import { addFormatFile, removeFormatFile } from '../../../db/repos';
import { platform } from '../../../platform';
import { useFormatFileRows } from '../hooks/useFormatFiles';

/**
 * The Log formats setting: the user's own text format definitions (lnav format-file JSON),
 * kept in the database and used by every import. A file that does not load is refused with
 * each problem (file, line, JSON path, reason).
 */
export function FormatFilesPanel() {
  const rows = useFormatFileRows();
  const [refused, setRefused] = useState<{ name: string; problems: string[] } | null>(null);

  const add = async () => {
    const files = await platform.openFiles({ accept: ['.json'], multiple: true });
    for (const file of files) {
      const result = await addFormatFile(file.name, await file.text());
      if (!result.ok) {
        setRefused({ name: file.name, problems: result.problems });
        return;
      }
    }
    if (files.length > 0) setRefused(null);
  };

  const count = rows?.length ?? 0;
  return (
    <details className="format-files">
      <summary>Log formats{count > 0 ? ` · ${count} file${count === 1 ? '' : 's'} of your own` : ''}</summary>
      <p className="muted">
        Text logs are read by format definitions (lnav&apos;s format-file JSON): Rootline ships 40, from log4j
        and Python logging to nginx, PostgreSQL and klog. Add your own for logs it does not know; they are
        tried first and kept for every import.
      </p>
      {rows !== undefined && rows.length > 0 && (
        <ul className="format-files-list" aria-label="Your log formats">
          {rows.map((r) => (
            <li key={r.id}>
              <span className="mono">{r.name}</span>
              <span className="muted">{r.formats.join(', ')}</span>
              <span className="spacer" />
              <button
                type="button"
                className="btn btn-link"
                aria-label={`Remove format file ${r.name}`}
                onClick={() => void removeFormatFile(r.id)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="btn" onClick={() => void add()}>
        Add format file…
      </button>
      {refused !== null && (
        <div role="alert" className="field-error format-files-problems">
          <p>{refused.name} was not added:</p>
          <ul>
            {refused.problems.map((p) => (
              <li key={p} className="mono">
                {p}
              </li>
            ))}
          </ul>
        </div>
      )}
    </details>
  );
}
