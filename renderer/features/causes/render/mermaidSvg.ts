import DOMPurify from 'dompurify';
import type MermaidApi from 'mermaid';
import { MERMAID_CONFIG } from './mermaidConfig';

/** What a render produced: a sanitised SVG, or a message to show instead. */
export type DiagramRender = { ok: true; svg: string } | { ok: false; message: string };

type Mermaid = typeof MermaidApi;

let loading: Promise<Mermaid> | null = null;

/** Mermaid is large, so it loads on first use, set up as MERMAID_CONFIG says. */
function loadMermaid(): Promise<Mermaid> {
  loading ??= import('mermaid').then(({ default: mermaid }) => {
    mermaid.initialize(MERMAID_CONFIG);
    return mermaid;
  });
  return loading;
}

const cache = new Map<string, DiagramRender>();
const CACHE_LIMIT = 40;
let counter = 0;

/** Mermaid draws its own "Syntax error" picture instead of failing on some limits; treat it as an error. */
function isErrorDiagram(svg: string): boolean {
  return /aria-roledescription="error"/.test(svg) || /class="error-icon"/.test(svg);
}

/** Which of mermaid's themes a diagram is drawn in: the app's dark theme on screen, else paper. */
export type DiagramTheme = 'light' | 'dark';

/**
 * Renders mermaid source to a sanitised SVG string, cached by the source's content hash and the
 * theme. The SVG passes DOMPurify (SVG profile) before anyone inserts it; a parse failure or
 * mermaid's own error picture comes back as a message. Dark is mermaid's own dark theme, set for
 * this diagram alone (an init directive), so renders in either theme never race on the global
 * setup.
 */
export async function renderMermaid(
  source: string,
  hash: string,
  theme: DiagramTheme = 'light',
): Promise<DiagramRender> {
  const key = `${theme}:${hash}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let result: DiagramRender;
  try {
    const mermaid = await loadMermaid();
    const themed = theme === 'dark' ? `%%{init: {"theme": "dark"}}%%\n${source}` : source;
    await mermaid.parse(themed);
    const { svg } = await mermaid.render(`rl-diagram-${++counter}`, themed);
    if (isErrorDiagram(svg))
      result = { ok: false, message: 'Mermaid could not draw this diagram (it may be too large).' };
    else {
      const clean = DOMPurify.sanitize(svg, {
        USE_PROFILES: { svg: true, svgFilters: true },
        ADD_TAGS: ['style'],
      });
      result = { ok: true, svg: clean };
    }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    result = { ok: false, message: `The diagram could not be drawn: ${message.split('\n')[0] ?? message}` };
  }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, result);
  return result;
}
