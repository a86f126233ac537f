import { useEffect, useState } from 'react';
import { calendarDateAt } from '../../shared/actions/dates';

/** The current time, refreshed every `intervalMs` (for "5 minutes ago" labels). */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(t);
  }, [intervalMs]);
  return now;
}

/** Today's calendar date in the user's zone; re-evaluated every minute so midnight rolls over. */
export function useToday(): string {
  return calendarDateAt(useNow(60_000));
}
