import type { IncidentStatus, Severity } from '../../../../shared/domain';
import { INCIDENT_STATUS_LABELS } from '../../../../shared/domain';

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span className={`sev sev-${severity.toLowerCase()}`}>{severity}</span>;
}

export function StatusBadge({ status }: { status: IncidentStatus }) {
  return <span className={`status status-${status}`}>{INCIDENT_STATUS_LABELS[status]}</span>;
}
