import {
  useCallback,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
  type WheelEvent,
} from 'react';
import { platform } from '../../../platform';
import { useAlert } from '../../../ui/Alerts';
import { useColorScheme } from '../../../ui/useColorScheme';
import { useMermaid } from '../hooks/useMermaid';
import { renderMermaid } from '../render/mermaidSvg';
import { standaloneSvg, svgToPng } from '../render/exportImage';
import { nullProto } from '../../../../shared/domain/lookup';

/**
 * What to draw: mermaid source (rendered and sanitised here), or SVG text Rootline drew itself
 * from a layout in shared/ (every label escaped there), which follows the app's theme.
 */
export type Drawing = { mermaid: string; hash: string } | { svg: string; hash: string };

interface DiagramCanvasProps {
  drawing: Drawing;
  /** Base of exported file names. */
  fileName: string;
  label: string;
  /** Mermaid node id → cause id; clicking a box (or a label with `data-cause`) selects its cause. */
  nodeIds?: Readonly<Record<string, string>>;
  onNodeClick?: (causeId: string) => void;
  note?: string | undefined;
}

interface View {
  x: number;
  y: number;
  scale: number;
}

const clamp = (s: number): number => Math.min(4, Math.max(0.15, s));

/**
 * A diagram with pan (drag, arrow keys) and zoom (Ctrl+wheel, +/−, buttons), and export to SVG
 * and PNG. A mermaid SVG comes sanitised from `renderMermaid`, in mermaid's dark theme when the
 * app is dark; Rootline's own SVG follows the app's theme. Both are exported on paper (light).
 */
export function DiagramCanvas({ drawing, fileName, label, nodeIds, onNodeClick, note }: DiagramCanvasProps) {
  const { hash } = drawing;
  const own = 'svg' in drawing ? drawing.svg : null;
  const scheme = useColorScheme();
  const source = 'mermaid' in drawing ? drawing.mermaid : null;
  const { render, pending } = useMermaid(source, hash, scheme);
  const [view, setView] = useState<View>({ x: 0, y: 0, scale: 1 });
  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  const alert = useAlert();
  const svg = own ?? (render?.ok ? render.svg : null);

  const viewport = useRef<HTMLDivElement>(null);
  const fittedFor = useRef<string | null>(null);
  /** Scales the drawing to fit the viewport (never above 100%). */
  const fit = useCallback(() => {
    const box = viewport.current;
    const svgEl = box?.querySelector('svg');
    if (!box || !svgEl) return;
    const { width, height } = svgEl.getBoundingClientRect();
    const current = Number(/scale\(([\d.]+)\)/.exec(svgEl.parentElement?.style.transform ?? '')?.[1] ?? '1');
    const w = width / current + 32;
    const h = height / current + 32;
    const scale = clamp(Math.min(1, box.clientWidth / w, box.clientHeight / h));
    setView({ x: Math.max(0, (box.clientWidth - w * scale) / 2), y: 0, scale });
  }, []);
  // A new drawing (another hash) opens fitted; re-renders of the same one keep the user's view.
  const svgRef = useCallback(
    (el: HTMLDivElement | null) => {
      if (el && svg && fittedFor.current !== hash) {
        fittedFor.current = hash;
        requestAnimationFrame(fit);
      }
    },
    [svg, hash, fit],
  );
  const zoom = (factor: number) => setView((v) => ({ ...v, scale: clamp(v.scale * factor) }));
  const onWheel = (e: WheelEvent<HTMLDivElement>) => {
    if (!e.ctrlKey && !e.metaKey) return;
    e.preventDefault();
    zoom(e.deltaY < 0 ? 1.1 : 1 / 1.1);
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = 40;
    const moves: Record<string, [number, number]> = nullProto({
      ArrowLeft: [step, 0],
      ArrowRight: [-step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    });
    const m = moves[e.key];
    if (m) setView((v) => ({ ...v, x: v.x + m[0], y: v.y + m[1] }));
    else if (e.key === '+' || e.key === '=') zoom(1.2);
    else if (e.key === '-') zoom(1 / 1.2);
    else if (e.key === '0') setView({ x: 0, y: 0, scale: 1 });
    else return;
    e.preventDefault();
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    drag.current = { x: e.clientX, y: e.clientY, moved: false };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || e.buttons !== 1) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    d.moved = true;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, y: e.clientY, moved: true };
    setView((v) => ({ ...v, x: v.x + dx, y: v.y + dy }));
  };
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    if (drag.current?.moved || !onNodeClick) return;
    const target = e.target as Element;
    const g = target.closest('g.node');
    const mid = /flowchart-(c\d+)-/.exec(g?.id ?? '')?.[1];
    const causeId =
      target.closest('[data-cause]')?.getAttribute('data-cause') ??
      (mid === undefined || !nodeIds ? undefined : nodeIds[mid]);
    if (causeId !== undefined) onNodeClick(causeId);
  };

  const save = async (kind: 'svg' | 'png') => {
    if (!svg) return;
    try {
      // Exports are on paper: a diagram shown in mermaid's dark theme is drawn again in light.
      const paper = source !== null && scheme === 'dark' ? await renderMermaid(source, hash, 'light') : null;
      if (paper !== null && !paper.ok) throw new Error(paper.message);
      const out = paper?.svg ?? svg;
      if (kind === 'svg')
        await platform.saveFile(`${fileName}.svg`, standaloneSvg(out).text, 'image/svg+xml');
      else await platform.saveFile(`${fileName}.png`, await svgToPng(out), 'image/png');
    } catch (e) {
      alert(`Could not export the ${kind.toUpperCase()}`, e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="diagram">
      <div className="diagram-toolbar" role="toolbar" aria-label={`${label} controls`}>
        <button type="button" className="btn btn-small" onClick={() => zoom(1.2)} aria-label="Zoom in">
          +
        </button>
        <button type="button" className="btn btn-small" onClick={() => zoom(1 / 1.2)} aria-label="Zoom out">
          −
        </button>
        <button type="button" className="btn btn-small" onClick={fit}>
          Fit
        </button>
        <button type="button" className="btn btn-small" onClick={() => setView({ x: 0, y: 0, scale: 1 })}>
          100%
        </button>
        <span className="muted">{Math.round(view.scale * 100)}%</span>
        {pending && <span className="muted">Drawing…</span>}
        {note && <span className="muted">{note}</span>}
        <span className="spacer" />
        <button type="button" className="btn btn-small" disabled={!svg} onClick={() => void save('svg')}>
          Export SVG
        </button>
        <button type="button" className="btn btn-small" disabled={!svg} onClick={() => void save('png')}>
          Export PNG
        </button>
      </div>
      {render && !render.ok && (
        <p className="diagram-error" role="alert">
          {render.message}
        </p>
      )}
      <div
        ref={viewport}
        className={
          own === null && scheme === 'light' ? 'diagram-viewport' : 'diagram-viewport diagram-viewport-themed'
        }
        role="img"
        aria-label={label}
        tabIndex={0}
        onWheel={onWheel}
        onKeyDown={onKey}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => setTimeout(() => (drag.current = null))}
        onClick={onClick}
      >
        {svg ? (
          <div
            ref={svgRef}
            className="diagram-svg"
            style={{ transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale})` }}
            dangerouslySetInnerHTML={{ __html: svg }}
          />
        ) : (
          !render && <p className="muted diagram-loading">Drawing the diagram…</p>
        )}
      </div>
    </div>
  );
}
