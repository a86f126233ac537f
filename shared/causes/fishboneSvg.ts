import { inkFor } from '../chart/contrast';
import { LIGHT_CHART } from '../chart/theme';
import { escapeXml } from '../export/escape';
import {
  FISHBONE_FONT_PX,
  FISHBONE_LINE_PX,
  FISHBONE_PAD,
  type FishboneLabel,
  type FishboneLayout,
  type FishboneLineKind,
} from './fishboneLayout';

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
/** The app's accent (renderer/ui/theme.css): the head and the category boxes. */
const ACCENT = '#4f5bd5';
const ACCENT_SUBTLE = '#eceefc';
const STROKE: Record<FishboneLineKind, number> = { spine: 3, bone: 2, rib: 1.25, branch: 1 };
/* Baseline of a label's first line below the top of its line box (12 px text in 15 px lines). */
const BASELINE = 11.5;
const r = (n: number): number => Math.round(n * 10) / 10;

function labelSvg(l: FishboneLabel): string {
  const { box } = l;
  const centred = l.kind === 'head' || l.kind === 'category';
  const x = centred ? box.x + box.width / 2 : box.x + FISHBONE_PAD.x;
  const y0 = box.y + FISHBONE_PAD.y + BASELINE;
  const fill = l.kind === 'head' ? inkFor(ACCENT) : l.kind === 'more' ? LIGHT_CHART.muted : LIGHT_CHART.ink;
  const tspans = l.lines
    .map((line, i) => `<tspan x="${r(x)}" y="${r(y0 + i * FISHBONE_LINE_PX)}">${escapeXml(line)}</tspan>`)
    .join('');
  const frame =
    l.kind === 'head'
      ? `<rect class="fb-frame" x="${r(box.x)}" y="${r(box.y)}" width="${r(box.width)}" height="${r(box.height)}" rx="6" fill="${ACCENT}"/>`
      : l.kind === 'category'
        ? `<rect class="fb-frame" x="${r(box.x)}" y="${r(box.y)}" width="${r(box.width)}" height="${r(box.height)}" rx="4" fill="${ACCENT_SUBTLE}" stroke="${ACCENT}"/>`
        : '';
  const cause = l.causeId === null ? '' : ` data-cause="${escapeXml(l.causeId)}"`;
  const anchor = centred ? ' text-anchor="middle"' : '';
  const weight = l.bold ? ' font-weight="600"' : '';
  return (
    `<g class="fb-label fb-${l.kind}"${cause}><title>${escapeXml(l.text)}</title>${frame}` +
    `<text${anchor}${weight} fill="${fill}">${tspans}</text></g>`
  );
}

/** The diagram's text alternative: each category with its causes, sub-causes in parentheses. */
function describe(layout: FishboneLayout): string {
  const out: string[] = [];
  let text = '';
  let open = 0;
  let first = true;
  const flush = (): void => {
    if (text !== '') out.push(`${text}${')'.repeat(open)}.`);
  };
  for (const l of layout.labels) {
    if (l.kind === 'head') continue;
    if (l.kind === 'category') {
      flush();
      text = `${l.text}:`;
      open = 0;
      first = true;
      continue;
    }
    const t = l.text.replace(/\s+/g, ' ').trim();
    if (l.depth > open) text += ` (${t}`;
    else text += `${')'.repeat(open - l.depth)}${first ? ' ' : '; '}${t}`;
    open = l.depth;
    first = false;
  }
  flush();
  return out.length === 0 ? 'No categorised causes yet.' : out.join(' ');
}

/**
 * The fishbone as self-contained SVG text (escaped labels, no scripts): light paper colours as
 * attributes, so a saved file looks right anywhere, and `fb-*` classes the app's stylesheet
 * uses to draw it in the current theme. Text stays text; `<title>`/`<desc>` name and describe it.
 */
export function fishboneSvg(layout: FishboneLayout, title: string): string {
  const lines = layout.lines
    .map(
      (l) =>
        `<line class="fb-${l.kind}" x1="${r(l.x1)}" y1="${r(l.y1)}" x2="${r(l.x2)}" y2="${r(l.y2)}" stroke-width="${STROKE[l.kind]}"/>`,
    )
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="fishbone" role="img" viewBox="0 0 ${layout.width} ${layout.height}" ` +
    `width="${layout.width}" height="${layout.height}" font-family="${FONT}" font-size="${FISHBONE_FONT_PX}">` +
    `<title>${escapeXml(title)}</title><desc>${escapeXml(describe(layout))}</desc>` +
    `<rect class="fb-background" width="${layout.width}" height="${layout.height}" fill="${LIGHT_CHART.background}"/>` +
    `<g class="fb-lines" stroke="${LIGHT_CHART.muted}" stroke-linecap="round">${lines}</g>` +
    `${layout.labels.map(labelSvg).join('')}</svg>`
  );
}
