// What Rootline writes for a reader, built from the shipped sample: the Markdown and HTML exports
// (with the swimlane chart and cause diagram inside) for both audiences, and the bundle, for two
// templates of different shape (the other templates differ only in their section lists). Run as a script it prints them as JSON, so a test can build them in
// another process (another time zone, another locale) and compare.
import { fileURLToPath } from 'node:url';
import { serializeBundle } from '../../../shared/bundle';
import { exportHtml, exportMarkdown, type Audience } from '../../../shared/export';
import { sampleSnapshot, template } from '../export/helpers';

const AUDIENCES: Audience[] = ['internal', 'customer'];
const TEMPLATES = ['azure-rca-2014', 'google-sre'];

export function artifacts(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of TEMPLATES) {
    const snapshot = sampleSnapshot(id);
    const templateName = template(id).name;
    for (const audience of AUDIENCES) {
      out[`${id}.${audience}.md`] = exportMarkdown(snapshot, { audience, templateName });
      out[`${id}.${audience}.html`] = exportHtml(snapshot, { audience, templateName });
    }
    out[`${id}.rootline.json`] = serializeBundle(snapshot, {
      exportedAt: Date.UTC(2014, 10, 21, 10, 0, 0),
      appVersion: '0.0.0',
    });
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.stdout.write(JSON.stringify(artifacts()));
