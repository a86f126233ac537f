import { inkFor } from '../chart/contrast';
import { CHART_KIND_COLORS } from '../chart/palette';
import type { EventKind } from '../domain';
import type { PaperSize } from './context';

/** The stylesheet of an exported document: calm screen reading plus a print layout with page numbers. */
export function documentCss(paper: PaperSize): string {
  // The one event-kind palette (shared/chart/palette.ts); an exported file carries its own copy.
  const kinds = (Object.entries(CHART_KIND_COLORS) as [EventKind, string][])
    .map(([k, c]) => `.kind-${k}{background:${c};color:${inkFor(c)}}`)
    .join('\n');
  return `
:root{--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--accent:#0969da;--soft:#f6f8fa}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--ink);background:#fff;font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:60rem;margin:0 auto;padding:2.5rem 2rem 4rem}
.title-page{padding:3rem 0 2rem;border-bottom:1px solid var(--line);margin-bottom:2rem}
.title-page .eyebrow{color:var(--muted);text-transform:uppercase;letter-spacing:.08em;font-size:.78rem;margin:0 0 .5rem}
.title-page h1{font-size:2.1rem;line-height:1.2;margin:0 0 1.25rem}
.title-page .audience{display:inline-block;border:1px solid var(--line);border-radius:999px;padding:.1rem .7rem;font-size:.8rem;color:var(--muted)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1.25rem;margin:1.5rem 0 0}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}
.summary{margin-top:1.5rem;white-space:pre-wrap}
h2{font-size:1.4rem;border-bottom:1px solid var(--line);padding-bottom:.3rem;margin:2.25rem 0 1rem}
h3{font-size:1.15rem}h4,h5,h6{font-size:1rem}
a{color:var(--accent)}
code{font:.88em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--soft);padding:.1em .3em;border-radius:4px}
pre{background:var(--soft);padding:.8rem 1rem;border-radius:6px;overflow-x:auto;white-space:pre-wrap;word-break:break-word}
pre code{background:none;padding:0}
blockquote{margin:1rem 0;padding:0 1rem;color:var(--muted);border-left:.25rem solid var(--line)}
ul.checklist{list-style:none;padding-left:1.2rem}
li.checked{color:var(--muted)}li.nested{list-style:none}
.box{display:inline-block;width:1.1em}
table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.88rem}
th,td{border:1px solid var(--line);padding:.35rem .55rem;text-align:left;vertical-align:top;word-break:normal;overflow-wrap:normal;hyphens:manual}
thead th,th{background:var(--soft);white-space:nowrap}
tr{break-inside:avoid}
.time{white-space:nowrap;font-variant-numeric:tabular-nums}
.kind{display:inline-block;border-radius:4px;padding:0 .4rem;font-size:.78rem;white-space:nowrap}
${kinds}
.live-block{margin:1rem 0}
dl.metrics{display:flex;gap:1rem;flex-wrap:wrap;margin:.5rem 0}
dl.metrics .metric{border:1px solid var(--line);border-radius:6px;padding:.4rem .8rem;min-width:8rem}
dl.metrics dt{font-weight:600;color:var(--muted);font-size:.8rem}dl.metrics dd{margin:0;font-size:1.15rem}
dl.impact{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1.25rem}
dl.impact div{display:contents}dl.impact dt{color:var(--muted)}dl.impact dd{margin:0}
ul.cause-list{list-style:none;padding-left:0}ul.cause-list li{margin:.25rem 0}
ul.cause-list .detail{color:var(--muted);font-size:.9rem;white-space:pre-wrap}
figure.diagram{margin:1rem 0;overflow-x:auto}
figure.diagram svg{max-width:100%;height:auto}
figure.timeline-chart{margin:1rem 0 .5rem;overflow-x:auto}
figure.timeline-chart svg{max-width:100%;height:auto}
.note{color:var(--muted);font-style:italic}
.empty{color:var(--muted);font-style:italic}
@page{size:${paper === 'letter' ? 'Letter' : 'A4'};margin:18mm 16mm 20mm;
  @bottom-right{content:"Page " counter(page) " of " counter(pages);font:9pt system-ui,sans-serif;color:#59636e}}
@page :first{@bottom-right{content:none}}
@media print{
  body{font-size:10.5pt}
  main{max-width:none;padding:0}
  .title-page{min-height:calc(100vh - 4rem);display:flex;flex-direction:column;justify-content:center;border:none;break-after:page;page-break-after:always;margin:0}
  .title-page h1{font-size:26pt}
  h2{break-after:avoid;page-break-after:avoid}
  figure,pre,table.key-times,dl{break-inside:avoid}
  a{color:inherit}
  thead{display:table-header-group}
}
`.trim();
}
