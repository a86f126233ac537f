import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { bundleBaseName, parseBundle } from '../../shared/bundle';
import type { IncidentSnapshot } from '../../shared/domain';
import { AUDIENCES, exportHtml, exportMarkdown, PAPER_SIZES } from '../../shared/export';
import type { Audience, ExportOptions, PaperSize } from '../../shared/export';
import type { Command, CommandIo } from './registry';
import { parseCommandArgs, UsageError } from './registry';
import { builtinTemplates } from './templates';
import {
  CHROMIUM_CANDIDATES,
  CHROMIUM_ENV,
  CHROMIUM_FLAGS,
  findChromium,
} from '../../scripts/test/chromium.mjs';
import { BUNDLE_FILE_SUFFIX } from '../../shared/bundle/fileName';

const FORMATS = ['md', 'html', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `Usage: rootline export FILE${BUNDLE_FILE_SUFFIX} --format md|html|pdf [--audience internal|customer] [--paper a4|letter] [--out FILE]

Writes the incident's RCA document. Markdown and HTML go to stdout without --out; a PDF is
written to --out (default: the bundle's name with .pdf). PDF needs Chromium or Chrome
(found at /usr/bin/chromium and similar places, or set ${CHROMIUM_ENV}).

Options:
  --format F      md (GitHub-flavoured Markdown), html (one self-contained file) or pdf
  --audience A    internal (everything, default) or customer (no internal-only sections or fields)
  --paper P       a4 (default) or letter, for html print and pdf
  --out FILE      output file
`;

/**
 * Prints self-contained HTML to PDF with headless Chromium (page size and page numbers come
 * from the document's print stylesheet). Throws a one-line, actionable message on failure.
 */
export async function htmlToPdf(html: string, executablePath: string): Promise<Buffer> {
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new Error('PDF export needs the playwright-core package (npm install playwright-core)');
  }
  const browser = await chromium.launch({
    executablePath,
    args: CHROMIUM_FLAGS,
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await browser.close();
  }
}

function parse(args: string[]): { file: string; format: Format; options: ExportOptions; out: string | null } {
  const parsed = parseCommandArgs(args, {
    format: { type: 'string' },
    audience: { type: 'string' },
    paper: { type: 'string' },
    out: { type: 'string' },
  });
  const { values, positionals } = parsed;
  const [file, extra] = positionals;
  if (file === undefined)
    throw new UsageError(
      `no bundle file (usage: rootline export FILE${BUNDLE_FILE_SUFFIX} --format md|html|pdf)`,
    );
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}" (one bundle at a time)`);
  const format = values.format;
  if (format === undefined) throw new UsageError('--format is required (md, html or pdf)');
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`unknown format "${format}" (expected md, html or pdf)`);
  const audience = values.audience ?? 'internal';
  if (!(AUDIENCES as readonly string[]).includes(audience)) {
    throw new UsageError(`unknown audience "${audience}" (expected internal or customer)`);
  }
  const paper = (values.paper ?? 'a4').toLowerCase();
  if (!(PAPER_SIZES as readonly string[]).includes(paper))
    throw new UsageError(`unknown paper "${paper}" (expected a4 or letter)`);
  return {
    file,
    format: format as Format,
    options: { audience: audience as Audience, paper: paper as PaperSize },
    out: values.out ?? null,
  };
}

async function readSnapshot(file: string, io: CommandIo): Promise<IncidentSnapshot> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const result = parseBundle(text, basename(file));
  if (!result.ok) throw new Error(result.error);
  // A repair (an unknown zone shown as UTC) changes what the document says: never silently.
  for (const notice of result.meta.notices) io.stderr(`rootline export: ${basename(file)}: ${notice}.\n`);
  return result.snapshot;
}

export const exportCommand: Command = {
  name: 'export',
  usage: USAGE,
  async run(args, io) {
    const { file, format, options, out } = parse(args);
    const snapshot = await readSnapshot(file, io);
    const template = builtinTemplates().find((t) => t.id === snapshot.incident.templateId);
    const opts: ExportOptions = { ...options, templateName: template?.name ?? null };
    if (format === 'md' || format === 'html') {
      const text = format === 'md' ? exportMarkdown(snapshot, opts) : exportHtml(snapshot, opts);
      if (out === null) io.stdout(text);
      else await writeFile(out, text, 'utf8');
      return 0;
    }
    const chromium = findChromium();
    if (chromium === null) {
      io.stderr(
        'rootline export: PDF export needs Chromium or Google Chrome, and none was found ' +
          `(looked in ${CHROMIUM_CANDIDATES.slice(0, 3).join(', ')}… and $${CHROMIUM_ENV}). ` +
          `Install one (Debian/Ubuntu: apt-get install chromium), set ${CHROMIUM_ENV}=/path/to/chrome, ` +
          'or export --format html and print it from any browser.\n',
      );
      return 1;
    }
    const target = out ?? `${bundleBaseName(file)}.pdf`;
    const pdf = await htmlToPdf(exportHtml(snapshot, opts), chromium);
    await writeFile(target, pdf);
    io.stderr(`Wrote ${target}\n`);
    return 0;
  },
};
