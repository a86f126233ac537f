import { dayStart, type Period } from '../../../shared/library';

export const PERIOD_PRESETS = [
  'all',
  'last-90',
  'last-365',
  'this-quarter',
  'last-quarter',
  'this-year',
  'custom',
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const PERIOD_LABELS: Record<PeriodPreset, string> = {
  all: 'All time',
  'last-90': 'Last 90 days',
  'last-365': 'Last 12 months',
  'this-quarter': 'This quarter',
  'last-quarter': 'Last quarter',
  'this-year': 'This year',
  custom: 'Custom…',
};

const ymd = (y: number, m: number, d = 1) => Date.UTC(y, m, d);

/**
 * The period a preset means on `today` (yyyy-MM-dd), in UTC days like `rootline report`;
 * `custom` takes the from/to days (either may be empty).
 */
export function presetPeriod(preset: PeriodPreset, today: string, from = '', to = ''): Period {
  const todayStart = dayStart(today) ?? Date.now();
  const tomorrow = todayStart + 86_400_000;
  const d = new Date(todayStart);
  const y = d.getUTCFullYear();
  const q = Math.floor(d.getUTCMonth() / 3);
  switch (preset) {
    case 'all':
      return { from: null, to: null };
    case 'last-90':
      return { from: tomorrow - 90 * 86_400_000, to: tomorrow };
    case 'last-365':
      return { from: tomorrow - 365 * 86_400_000, to: tomorrow };
    case 'this-quarter':
      return { from: ymd(y, q * 3), to: ymd(y, q * 3 + 3) };
    case 'last-quarter':
      return { from: ymd(y, q * 3 - 3), to: ymd(y, q * 3) };
    case 'this-year':
      return { from: ymd(y, 0), to: ymd(y + 1, 0) };
    case 'custom':
      return { from: from === '' ? null : dayStart(from), to: to === '' ? null : dayStart(to, true) };
  }
}
