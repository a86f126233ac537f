import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from '../../../renderer/routing/route';
import { shortcutRows } from '../../../renderer/app/commands';
import { bundleFileName, slugify } from '../../../renderer/features/bundles/slug';
import { EVENT_KIND_COLORS } from '../../../renderer/ui/palette';
import { EVENT_KINDS } from '../../../shared/domain';

describe('routes', () => {
  it('parses and prints list and incident routes', () => {
    expect(parseRoute('')).toEqual({ name: 'list' });
    expect(parseRoute('#/')).toEqual({ name: 'list' });
    expect(parseRoute('#/incident/01ABC/timeline')).toEqual({
      name: 'incident',
      id: '01ABC',
      tab: 'timeline',
    });
    expect(parseRoute('#/incident/01ABC/nonsense')).toEqual({
      name: 'incident',
      id: '01ABC',
      tab: 'overview',
    });
    expect(routeHash({ name: 'incident', id: 'a b', tab: 'review' })).toBe('#/incident/a%20b/review');
    expect(parseRoute(routeHash({ name: 'incident', id: 'a b', tab: 'review' }))).toEqual({
      name: 'incident',
      id: 'a b',
      tab: 'review',
    });
  });
});

describe('bundle file names', () => {
  it('slugs titles safely', () => {
    expect(slugify('API outage (us-east-1)')).toBe('api-outage-us-east-1');
    expect(slugify('Café – DNS ✨')).toBe('cafe-dns');
    expect(slugify('!!!')).toBe('incident');
    expect(bundleFileName('Queue backlog')).toBe('queue-backlog.rootline.json');
    expect(slugify('x'.repeat(200)).length).toBe(80);
  });
});

describe('palette and shortcuts', () => {
  it('has one colour per event kind, all distinct', () => {
    expect(Object.keys(EVENT_KIND_COLORS)).toEqual([...EVENT_KINDS]);
    expect(new Set(Object.values(EVENT_KIND_COLORS)).size).toBe(EVENT_KINDS.length);
  });

  it('lists the desktop menu accelerators only on desktop', () => {
    const web = shortcutRows('Ctrl', false);
    const desktop = shortcutRows('Ctrl', true);
    expect(web.some((r) => r.keys === 'Ctrl+Shift+L')).toBe(false);
    expect(desktop.some((r) => r.keys === 'Ctrl+Shift+L')).toBe(true);
    expect(web.some((r) => r.keys === '?')).toBe(true);
  });

  it('has no single-key shortcut that creates data', () => {
    const newIncident = shortcutRows('Ctrl', false).find((r) => r.action.startsWith('New incident'));
    expect(newIncident?.keys).toBe('Alt+N');
  });
});
