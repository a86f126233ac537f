import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from '../../../renderer/routing/route';

describe('the cross-incident Action items route', () => {
  it('parses and writes #/actions, and keeps longer paths on the list', () => {
    expect(parseRoute('#/actions')).toEqual({ name: 'actions' });
    expect(routeHash({ name: 'actions' })).toBe('#/actions');
    expect(parseRoute(routeHash({ name: 'actions' }))).toEqual({ name: 'actions' });
    expect(parseRoute('#/actions/extra')).toEqual({ name: 'list' });
  });
});
