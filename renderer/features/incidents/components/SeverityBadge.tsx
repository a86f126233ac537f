import type { IncidentStatus, Severity } from '../../../../shared/domain';

export const STATUS_LABELS: Record<IncidentStatus, string> = {
  draft: 'Draft',
  'in-review': 'In review',
  approved: 'Approved',
  published: 'Published',
};

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span className={`sev sev-${severity.toLowerCase()}`}>{severity}</span>;
}

export function StatusBadge({ status }: { status: IncidentStatus }) {
  return <span className={`status status-${status}`}>{STATUS_LABELS[status]}</span>;
}
