import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSampleSnapshot } from '../../../shared/document';
import type { IncidentSnapshot } from '../../../shared/domain';
import { findTemplate, loadBuiltinTemplates } from '../../../shared/templates';
import type { RcaTemplate } from '../../../shared/templates';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const TEMPLATES_DIR = `${ROOT}templates/`;
export const GOLDEN_DIR = `${ROOT}test/fixtures/golden/`;

export function builtinTemplates(): RcaTemplate[] {
  const files: Record<string, string> = {};
  for (const name of readdirSync(TEMPLATES_DIR).filter((n) => n.endsWith('.json'))) {
    files[name] = readFileSync(`${TEMPLATES_DIR}${name}`, 'utf8');
  }
  return loadBuiltinTemplates(files);
}

export function template(id: string): RcaTemplate {
  const t = findTemplate(builtinTemplates(), id);
  if (t === null) throw new Error(`no template ${id}`);
  return t;
}

/** The shipped sample incident filled with one template, with fixed ids and time (deterministic). */
export function sampleSnapshot(templateId: string): IncidentSnapshot {
  let n = 0;
  const result = buildSampleSnapshot({
    sampleText: readFileSync(`${TEMPLATES_DIR}sample/azure-2014.sample.json`, 'utf8'),
    logText: readFileSync(`${TEMPLATES_DIR}sample/azure-2014-orchestrator.jsonl`, 'utf8'),
    template: template(templateId),
    incidentId: 'sample-incident',
    now: Date.UTC(2014, 10, 21, 9, 0, 0),
    newId: () => `section-${n++}`,
  });
  if (!result.ok) throw new Error(result.error);
  return result.snapshot;
}
