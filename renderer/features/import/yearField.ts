/** What a year field holds: a year, null when empty (the year is inferred), or why it is not one. */
export function readYearField(text: string): { year: number | null } | { problem: string } {
  const t = text.trim();
  if (t === '') return { year: null };
  const y = Number(t);
  if (!/^\d{4}$/.test(t) || y < 1970 || y > 2100) {
    return { problem: 'Enter a four-digit year such as 2014, or leave it empty to infer it.' };
  }
  return { year: y };
}
