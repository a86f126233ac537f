/**
 * Rootline's one date/time family, used by the app and every export: month names (`Nov 18`),
 * a 24-hour clock, and a zone label after every time. The sortable ISO-like form is for tables
 * and files where order matters; it is the same family's machine-friendly spelling.
 */
export const DATE_PATTERNS = {
  /** `Nov 18, 2014` — a calendar date (due dates, created/done). */
  date: 'MMM d, yyyy',
  /** `Nov 18` — a calendar date when the year is plain from context. */
  dateNoYear: 'MMM d',
  /** `Tue Nov 18, 2014` — a day heading. */
  weekdayDate: 'EEE MMM d, yyyy',
  /** `Nov 18 16:51` — compact date and time (add the zone label). */
  dateTime: 'MMM d HH:mm',
  /** `Nov 18 2014 16:51` — compact date and time with the year. */
  dateTimeYear: 'MMM d yyyy HH:mm',
  /** `Nov 18 16:51:07` — compact, to the second. */
  dateTimeSeconds: 'MMM d HH:mm:ss',
  /** `16:51` and `16:51:07` — time of day. */
  time: 'HH:mm',
  timeSeconds: 'HH:mm:ss',
  /** `2014-11-18` — calendar day key, sortable. */
  isoDay: 'yyyy-MM-dd',
  /** `2014-11-18 16:51` and `2014-11-18 16:51:07` — sortable date and time. */
  sortableMinutes: 'yyyy-MM-dd HH:mm',
  sortable: 'yyyy-MM-dd HH:mm:ss',
} as const;
