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

/**
 * Renders mermaid source to a sanitised SVG string, cached by the source's content hash. The
 * SVG passes DOMPurify (SVG profile) before anyone inserts it; a parse failure or mermaid's
 * own error picture comes back as a message.
 */
export async function renderMermaid(source: string, hash: string): Promise<DiagramRender> {
  const hit = cache.get(hash);
  if (hit !== undefined) return hit;
  let result: DiagramRender;
  try {
    const mermaid = await loadMermaid();
    await mermaid.parse(source);
    const { svg } = await mermaid.render(`rl-diagram-${++counter}`, source);
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
  cache.set(hash, result);
  return result;
}
