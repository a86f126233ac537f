import type { PendingField } from './draft';
import { KEY_TIME_LABELS } from './keyTimes';
import { nullProto } from '../../../shared/domain/lookup';

const FIELD_LABELS: Record<string, string> = nullProto({
  ...KEY_TIME_LABELS,
  title: 'title',
  summary: 'summary',
  severity: 'severity',
  status: 'status',
  services: 'services',
  regions: 'regions',
  authors: 'authors',
  reviewers: 'reviewers',
  displayZone: 'display time zone',
  secondaryZone: 'secondary time zone',
});

/** Words for an undo step: "title", "title and summary", "3 fields". */
export function fieldsLabel(fields: ReadonlySet<PendingField>): string {
  const names = [...fields].map((f) => (FIELD_LABELS[f] ?? f).toLowerCase());
  if (names.length <= 2) return names.join(' and ');
  return `${names.length} fields`;
}
