import { escapeXml } from '../export/escape';
import { KIND_ICON_PATHS } from './palette';
import { LABEL_ROW_PX } from './keyLabels';
import { layoutSwimlane, type ChartEvent, type ChartLayout, type ChartOptions } from './layout';
import { LIGHT_CHART, type ChartTheme } from './theme';

export const CHART_FONT = 'system-ui,-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif';
const BAND_FILL = { impact: '#D55E00', mitigated: '#009E73' } as const;
const r = (n: number) => Math.round(n * 10) / 10;

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The chart as self-contained SVG text (inline styles, escaped labels, no scripts), so the
 * app, a PNG export and the Document export show the same picture. Marks carry
 * `data-event` so the app can resolve clicks; injected faults carry a dashed ring, explained by a
 * legend in the top right corner.
 */
export function swimlaneSvg(layout: ChartLayout, theme: ChartTheme = LIGHT_CHART): string {
  const { open, body } = svgParts(layout, theme);
  return `${open}${body.join('')}</svg>`;
}

/** Elements per layer of {@link swimlaneSvgLayers}. */
export const ELEMENTS_PER_LAYER = 400;

/**
 * The same picture as {@link swimlaneSvg}, as stacked layers: each a whole SVG document (the
 * same root element) holding the next `perLayer` (≥ 2) elements in paint order, so the first holds
 * the background and each later one is transparent but for its own marks. Stacked in order they
 * show the one document (painting in sequence is painting in layers; only the rounding of
 * anti-aliased edges differs: 0.3 % of a 2,000-mark chart's pixels, by at most 9 of 255), and
 * their bodies joined are its body. A browser parses, styles and lays out an image's SVG in one
 * task, so a chart of thousands of marks as one image was one long task (75–130 ms): the app
 * shows layers.
 */
export function swimlaneSvgLayers(
  layout: ChartLayout,
  theme: ChartTheme = LIGHT_CHART,
  perLayer = ELEMENTS_PER_LAYER,
): string[] {
  const { open, body } = svgParts(layout, theme);
  const layers: string[] = [];
  for (let from = 0; from < body.length; from += perLayer)
    layers.push(`${open}${body.slice(from, from + perLayer).join('')}</svg>`);
  return layers;
}

/** The root element's opening tag, and every element in paint order (one string each). */
function svgParts(layout: ChartLayout, theme: ChartTheme): { open: string; body: string[] } {
  const L = layout;
  const T = theme;
  const open = `<svg xmlns="http://www.w3.org/2000/svg" width="${L.width}" height="${L.height}" viewBox="0 0 ${L.width} ${L.height}" role="img" aria-label="${escapeXml(L.title)}" font-family="${CHART_FONT}" font-size="11">`;
  const out: string[] = [
    `<title>${escapeXml(L.title)}</title>`,
    `<rect width="${L.width}" height="${L.height}" fill="${T.background}"/>`,
  ];
  const plotW = L.plotRight - L.plotLeft;
  const lanesH = L.axisY - L.lanesTop;
  for (const b of L.bands) {
    out.push(
      `<rect x="${r(b.x)}" y="${L.densityTop}" width="${r(Math.max(1, b.x2 - b.x))}" height="${L.axisY - L.densityTop}" fill="${BAND_FILL[b.kind]}" fill-opacity="${b.kind === 'impact' ? 0.1 : 0.08}"/>`,
    );
  }
  L.lanes.forEach((lane, i) => {
    const y = L.lanesTop + i * L.laneHeight;
    if (i % 2 === 1)
      out.push(
        `<rect x="${L.plotLeft}" y="${y}" width="${plotW}" height="${L.laneHeight}" fill="${T.stripe}" fill-opacity="0.7"/>`,
      );
    out.push(
      `<text x="${L.plotLeft - 8}" y="${y + L.laneHeight / 2 + 4}" text-anchor="end" fill="${T.ink}">${escapeXml(truncate(lane, 20))}</text>`,
    );
  });
  out.push(
    `<rect x="${L.plotLeft}" y="${L.lanesTop}" width="${plotW}" height="${lanesH}" fill="none" stroke="${T.grid}"/>`,
  );
  for (const t of L.ticks) {
    out.push(
      `<line x1="${r(t.x)}" x2="${r(t.x)}" y1="${L.densityTop}" y2="${L.axisY + 4}" stroke="${t.major ? T.gridMajor : T.grid}" stroke-width="${t.major ? 1 : 0.6}"/>`,
    );
    out.push(
      `<text x="${r(t.x)}" y="${L.axisY + 16}" text-anchor="middle" fill="${T.muted}">${escapeXml(t.label)}</text>`,
    );
  }
  if (L.densityHeight > 0) {
    const base = L.densityTop + L.densityHeight;
    out.push(
      `<text x="${L.plotLeft - 8}" y="${L.densityTop + 14}" text-anchor="end" fill="${T.muted}">records</text>`,
    );
    out.push(
      `<text x="${L.plotLeft - 8}" y="${L.densityTop + 28}" text-anchor="end" fill="${T.faint}">peak ${L.densityMax.toLocaleString('en-US')}</text>`,
    );
    out.push(`<line x1="${L.plotLeft}" x2="${L.plotRight}" y1="${base}" y2="${base}" stroke="${T.grid}"/>`);
    for (const d of L.density) {
      out.push(
        `<rect x="${r(d.x)}" y="${r(base - d.h)}" width="${r(d.w)}" height="${r(d.h)}" fill="${T.faint}"/>`,
      );
      if (d.hImpact > 0)
        out.push(
          `<rect x="${r(d.x)}" y="${r(base - d.hImpact)}" width="${r(d.w)}" height="${r(d.hImpact)}" fill="${T.kinds.impact}"/>`,
        );
    }
  }
  for (const m of L.marks) {
    const cy = L.lanesTop + m.lane * L.laneHeight + L.laneHeight / 2;
    const fill = T.kinds[m.kind];
    const id = escapeXml(m.eventId);
    if (m.x2 !== null) {
      out.push(
        `<rect data-event="${id}" x="${r(m.x)}" y="${r(cy - 4)}" width="${r(m.x2 - m.x)}" height="8" rx="3" fill="${fill}" fill-opacity="0.55" stroke="${fill}"/>`,
      );
      if (m.injected)
        out.push(
          `<rect data-injected="${id}" x="${r(m.x - 2)}" y="${r(cy - 7)}" width="${r(m.x2 - m.x + 4)}" height="14" rx="5" fill="none" stroke="${T.ink}" stroke-width="1" stroke-dasharray="2 1.5"/>`,
        );
    } else {
      if (m.injected)
        out.push(
          `<circle data-injected="${id}" cx="${r(m.x)}" cy="${r(cy)}" r="${m.key ? 9.5 : 8}" fill="none" stroke="${T.ink}" stroke-width="1" stroke-dasharray="2 1.5"/>`,
        );
      const s = m.key ? 1.3 : 1;
      out.push(
        `<path data-event="${id}" d="${KIND_ICON_PATHS[m.kind]}" transform="translate(${r(m.x - 5 * s)},${r(cy - 5 * s)}) scale(${s})" fill="${fill}" stroke="${T.markStroke}" stroke-opacity="${m.key ? 1 : 0.45}" stroke-width="${m.key ? 1.2 : 0.5}"/>`,
      );
    }
  }
  // Labels sit on the rows placeKeyLabels gave them, so close key times never overprint.
  for (const l of L.lines) {
    const y = L.densityTop - 6 - l.row * LABEL_ROW_PX;
    out.push(
      `<line x1="${r(l.x)}" x2="${r(l.x)}" y1="${y + 2}" y2="${L.axisY}" stroke="${T.ink}" stroke-dasharray="3 3" stroke-width="1"/>`,
    );
    const at = l.anchor === 'start' ? `x="${r(l.x + 3)}"` : `x="${r(l.x - 3)}" text-anchor="end"`;
    // A halo in the background colour keeps a label legible where another key time's line passes.
    out.push(
      `<text ${at} y="${y}" fill="${T.ink}" stroke="${T.background}" stroke-width="3" stroke-linejoin="round" paint-order="stroke" font-weight="600">${escapeXml(l.label)}</text>`,
    );
  }
  if (L.empty)
    out.push(
      `<text x="${r((L.plotLeft + L.plotRight) / 2)}" y="${r((L.lanesTop + L.axisY) / 2 + 4)}" text-anchor="middle" fill="${T.muted}">No events to show</text>`,
    );
  out.push(`<text x="8" y="14" fill="${T.ink}" font-weight="600">${escapeXml(truncate(L.title, 60))}</text>`);
  // The dashed ring is explained in words on the chart itself (exports carry no tooltip).
  if (L.marks.some((m) => m.injected)) {
    const x = L.plotRight - 92;
    out.push(
      `<circle cx="${r(x)}" cy="10" r="6" fill="none" stroke="${T.ink}" stroke-width="1" stroke-dasharray="2 1.5"/>`,
      `<text x="${r(x + 10)}" y="14" fill="${T.ink}">injected fault</text>`,
    );
  }
  return { open, body: out };
}

/** Events → chart SVG in one call (what the Document export uses). */
export function timelineChartSvg(events: readonly ChartEvent[], options: ChartOptions): string {
  return swimlaneSvg(layoutSwimlane(events, options));
}
