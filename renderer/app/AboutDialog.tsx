import { useEffect, useState } from 'react';
import { platform } from '../platform';
import { Dialog } from '../ui/Dialog';

export function AboutDialog({ onClose }: { onClose: () => void }) {
  const [info, setInfo] = useState<{ version: string; platform: string } | null>(null);
  useEffect(() => {
    void platform
      .appInfo()
      .then(setInfo, () => setInfo({ version: __APP_VERSION__, platform: platform.kind }));
  }, []);
  return (
    <Dialog
      title="About Rootline"
      onClose={onClose}
      footer={
        <button type="button" className="btn" onClick={onClose}>
          Close
        </button>
      }
    >
      <p>Rootline {info ? info.version : __APP_VERSION__}</p>
      <p className="muted">
        Write incident postmortems and root-cause analyses offline: a timeline from your logs, cause trees,
        action items and the document. Your data stays in this {platform.kind === 'web' ? 'browser' : 'app'}.
      </p>
      {info && <p className="muted">Running on {info.platform}.</p>}
    </Dialog>
  );
}
