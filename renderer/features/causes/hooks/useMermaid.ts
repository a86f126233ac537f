import { useEffect, useState } from 'react';
import { renderMermaid, type DiagramRender, type DiagramTheme } from '../render/mermaidSvg';

/**
 * The rendered diagram for `source`, debounced so typing never waits for mermaid; the last
 * good result stays on screen while a new one renders. `null` until the first render, and
 * always `null` for a `null` source (a drawing that does not come from mermaid).
 */
export function useMermaid(
  source: string | null,
  hash: string,
  theme: DiagramTheme = 'light',
  delayMs = 250,
): { render: DiagramRender | null; pending: boolean } {
  const [state, setState] = useState<{ hash: string; render: DiagramRender } | null>(null);
  useEffect(() => {
    if (source === null) return;
    let live = true;
    const timer = setTimeout(() => {
      void renderMermaid(source, hash, theme).then((render) => {
        if (live) setState({ hash: `${theme}:${hash}`, render });
      });
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [source, hash, theme, delayMs]);
  if (source === null) return { render: null, pending: false };
  return { render: state?.render ?? null, pending: state?.hash !== `${theme}:${hash}` };
}
