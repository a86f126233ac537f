import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalEditable } from '@lexical/react/useLexicalEditable';
import DOMPurify from 'dompurify';
import { $getNodeByKey } from 'lexical';
import { useMemo } from 'react';
import { LIVE_BLOCK_LABELS } from '../../../../shared/document/blocks';
import type { LiveBlockSpec, TimelineScope } from '../../../../shared/document/blocks';
import { $isLiveBlockNode } from '../../../../shared/document/nodes';
import { liveBlockHtml } from '../../../../shared/export';
import { useDocumentData, useEventsPending } from './DocumentData';

/** Blocks drawn from the incident's events (the rest come from causes, actions and key times). */
const FROM_EVENTS: ReadonlySet<LiveBlockSpec['block']> = new Set(['timeline', 'impact']);

/**
 * A live block inside the editor: the same HTML the export writes, from current data, passed
 * through DOMPurify (SVG allowed, no scripts or handlers) before it reaches the page.
 */
export function LiveBlockView({ spec, nodeKey }: { spec: LiveBlockSpec; nodeKey: string }) {
  const [editor] = useLexicalComposerContext();
  // A read-only editor (a reviewer's shared section) shows the block without its controls.
  const editable = useLexicalEditable();
  const ctx = useDocumentData();
  const waiting = useEventsPending() && FROM_EVENTS.has(spec.block);
  const html = useMemo(() => {
    if (ctx === null || waiting) return '';
    return DOMPurify.sanitize(liveBlockHtml(ctx, spec), { USE_PROFILES: { html: true, svg: true } });
  }, [ctx, spec, waiting]);
  const update = (patch: Partial<LiveBlockSpec>) =>
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if ($isLiveBlockNode(node)) node.setSpec({ ...node.getSpec(), ...patch });
    });
  const remove = () =>
    editor.update(() => {
      $getNodeByKey(nodeKey)?.remove();
    });
  return (
    <figure className="live-block-frame" aria-label={`Live block: ${LIVE_BLOCK_LABELS[spec.block]}`}>
      <figcaption className="live-block-bar">
        <span className="live-block-title">{LIVE_BLOCK_LABELS[spec.block]}</span>
        <span className="muted">live — shows current data, rendered at export</span>
        <span className="spacer" />
        {editable && spec.block === 'timeline' && (
          <select
            aria-label="Timeline events shown"
            value={spec.scope}
            onChange={(e) => update({ scope: e.target.value as TimelineScope })}
          >
            <option value="key">Key events</option>
            <option value="all">All events</option>
            <option value="range">Range…</option>
          </select>
        )}
        {editable && spec.block === 'timeline' && spec.scope === 'range' && (
          <RangeInputs spec={spec} onChange={(from, to) => update({ from, to })} />
        )}
        {editable && (
          <button
            type="button"
            className="btn btn-small"
            onClick={remove}
            aria-label={`Remove ${LIVE_BLOCK_LABELS[spec.block]} block`}
          >
            Remove
          </button>
        )}
      </figcaption>
      {waiting ? (
        <p className="live-block-body loading muted" role="status">
          Reading the incident’s events…
        </p>
      ) : (
        /* Sanitised above; the markup comes from shared/export, which escapes all data. */
        <div className="live-block-body" dangerouslySetInnerHTML={{ __html: html }} />
      )}
    </figure>
  );
}

function toLocalInput(ms: number | null): string {
  if (ms === null) return '';
  const d = new Date(ms);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/* Range bounds use the browser's local time picker; values are stored as UTC epoch ms. */
function RangeInputs({
  spec,
  onChange,
}: {
  spec: LiveBlockSpec;
  onChange: (from: number | null, to: number | null) => void;
}) {
  const parse = (v: string): number | null => (v === '' ? null : new Date(v).getTime());
  return (
    <>
      <input
        type="datetime-local"
        aria-label="From"
        value={toLocalInput(spec.from)}
        onChange={(e) => onChange(parse(e.target.value), spec.to)}
      />
      <input
        type="datetime-local"
        aria-label="To"
        value={toLocalInput(spec.to)}
        onChange={(e) => onChange(spec.from, parse(e.target.value))}
      />
    </>
  );
}
