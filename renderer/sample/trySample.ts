import sampleText from '../../templates/sample/azure-2014.sample.json?raw';
import logText from '../../templates/sample/azure-2014-orchestrator.jsonl?raw';
import { buildSampleSnapshot } from '../../shared/document/sample';
import { newId } from '../../shared/domain';
import { findTemplate } from '../../shared/templates';
import { insertSnapshot } from '../db/repos';
import { BUILTIN_TEMPLATES } from '../features/templates';

/**
 * "Try the sample incident": imports the shipped orchestrator log through the real pipeline,
 * builds the cause tree and action items, fills an Azure-style RCA, and stores it all in one
 * transaction. Resolves to the new incident's id.
 */
export async function createSampleIncident(now = Date.now()): Promise<string> {
  const template = findTemplate(BUILTIN_TEMPLATES, 'azure-rca-2014');
  if (template === null) throw new Error('The Azure 2014-style RCA template is missing from this build.');
  const incidentId = newId(now);
  const result = buildSampleSnapshot({
    sampleText,
    logText,
    template,
    incidentId,
    now,
    newId: () => newId(now),
  });
  if (!result.ok) throw new Error(`The sample incident could not be built: ${result.error}`);
  await insertSnapshot(result.snapshot);
  return incidentId;
}
