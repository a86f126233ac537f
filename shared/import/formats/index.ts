import type { FormatDef } from '../types';
import { accessLogFormat } from './access-log';
import { argoFormat } from './argo';
import { azureActivityFormat } from './azure-activity';
import { cloudeventsFormat } from './cloudevents';
import { cloudtrailFormat } from './cloudtrail';
import { csvFormat } from './csv';
import { fisFormat } from './fis';
import { githubFormat } from './github';
import { journaldFormat } from './journald';
import { jsonlFormat } from './jsonl';
import { k8sEventsFormat } from './k8s';
import { logfmtFormat } from './logfmt';
import { nomadFormat } from './nomad';
import { otlpFormat } from './otlp';
import { pagerdutyFormat } from './pagerduty';
import { slackFormat } from './slack';
import { spinnakerFormat } from './spinnaker';
import { statuspageFormat } from './statuspage';
import { syslogFormat } from './syslog';
import { temporalFormat } from './temporal';
import { terraformFormat } from './terraform';
import { apacheErrorFormat, textFormat } from './text';
import { BUILTIN_TEXT_FORMATS } from '../textformats/builtin';
import { definitionFormat } from '../textformats/engine';

/** The shipped text-format definitions as registry entries (ids = definition names). */
export const DEFINITION_FORMATS: readonly FormatDef[] = BUILTIN_TEXT_FORMATS.map(definitionFormat);

/**
 * Every format, most specific first: the order breaks detection ties, so a file that looks
 * like both CloudEvents and generic JSON lines is CloudEvents.
 */
export const FORMATS: readonly FormatDef[] = [
  cloudeventsFormat,
  otlpFormat,
  journaldFormat,
  k8sEventsFormat,
  pagerdutyFormat,
  statuspageFormat,
  azureActivityFormat,
  cloudtrailFormat,
  githubFormat,
  terraformFormat,
  fisFormat,
  temporalFormat,
  nomadFormat,
  spinnakerFormat,
  argoFormat,
  slackFormat,
  ...DEFINITION_FORMATS,
  accessLogFormat,
  apacheErrorFormat,
  syslogFormat,
  jsonlFormat,
  logfmtFormat,
  csvFormat,
  textFormat,
];

/** The format with this id (the CLI `--format` values), or undefined. */
export function getFormat(id: string): FormatDef | undefined {
  return FORMATS.find((f) => f.id === id);
}

/** All format ids, in registry order. */
export const FORMAT_IDS: readonly string[] = FORMATS.map((f) => f.id);
