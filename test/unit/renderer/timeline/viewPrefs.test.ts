import { describe, expect, it } from 'vitest';
import {
  parseViewPrefs,
  viewPrefsKey,
  type TimelineViewPrefs,
} from '../../../../renderer/features/timeline/model/viewPrefs';

const DEFAULTS: TimelineViewPrefs = {
  choice: { type: 'incident' },
  dual: false,
  laneBy: 'service',
  gapMin: 30,
};

describe('timeline view prefs', () => {
  it('round-trips what was stored', () => {
    const prefs: TimelineViewPrefs = {
      choice: { type: 'named', zone: 'Asia/Kolkata' },
      dual: true,
      laneBy: 'kind',
      gapMin: 60,
    };
    expect(parseViewPrefs(JSON.stringify(prefs), DEFAULTS)).toEqual(prefs);
  });

  it('falls back to the defaults for nothing, junk, or a shape from elsewhere', () => {
    expect(parseViewPrefs(null, DEFAULTS)).toBe(DEFAULTS);
    expect(parseViewPrefs('{not json', DEFAULTS)).toBe(DEFAULTS);
    expect(parseViewPrefs(JSON.stringify({ ...DEFAULTS, gapMin: -5 }), DEFAULTS)).toBe(DEFAULTS);
    expect(parseViewPrefs(JSON.stringify({ ...DEFAULTS, choice: { type: 'mars' } }), DEFAULTS)).toBe(
      DEFAULTS,
    );
    expect(parseViewPrefs(JSON.stringify({ ...DEFAULTS, laneBy: 'colour' }), DEFAULTS)).toBe(DEFAULTS);
  });

  it('keys the view by incident', () => {
    expect(viewPrefsKey('inc_1')).not.toBe(viewPrefsKey('inc_2'));
  });
});
