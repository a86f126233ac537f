export interface AuditFinding {
  check: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
  sample: string;
  description: string;
}
export interface ReviewedFinding {
  check: string;
  file: string;
  sample: RegExp;
  reason: string;
}
export const REVIEWED: ReviewedFinding[];
export function splitCsvLine(line: string): string[];
export function parseReport(csv: string): AuditFinding[];
export function classify(
  findings: AuditFinding[],
  reviewed?: ReviewedFinding[],
): { failing: AuditFinding[]; accepted: AuditFinding[]; minor: AuditFinding[] };
export function findElectronegativity(): { entry: string; version: string } | null;
