/**
 * How times that carry no year (RFC 3164 syslog) were dated when the import gave no year: the
 * year they were read from (YearlessYears), so a log from another year is not silently dated in
 * this one ("read from 2026 on, the latest year that puts them before the file was last
 * modified"). `capturedAt` null: the reference was now. `files`: how many files the clause is for.
 */
export function yearAssumedClause(year: number, capturedAt: number | null, files = 1): string {
  const before =
    capturedAt === null ? 'now' : files === 1 ? 'the file was last modified' : 'each file was last modified';
  return `read from ${year} on, the latest year that puts them before ${before}`;
}
