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
import { builtinTextFormats } from '../textformats/builtin';
import { definitionFormat } from '../textformats/engine';

let definitions: readonly FormatDef[] | null = null;

/** The shipped text-format definitions as registry entries (ids = definition names). */
export function definitionFormats(): readonly FormatDef[] {
  return (definitions ??= builtinTextFormats().map(definitionFormat));
}

let all: readonly FormatDef[] | null = null;

/**
 * Every format, most specific first: the order breaks detection ties, so a file that looks
 * like both CloudEvents and generic JSON lines is CloudEvents. Made on first use (the shipped
 * definitions are compiled then).
 */
export function allFormats(): readonly FormatDef[] {
  return (all ??= [
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
    ...definitionFormats(),
    accessLogFormat,
    apacheErrorFormat,
    syslogFormat,
    jsonlFormat,
    logfmtFormat,
    csvFormat,
    textFormat,
  ]);
}

/** The format with this id (the CLI `--format` values), or undefined. */
export function getFormat(id: string): FormatDef | undefined {
  return allFormats().find((f) => f.id === id);
}

/** All format ids, in registry order. */
export const formatIds = (): string[] => allFormats().map((f) => f.id);
