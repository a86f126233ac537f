import { describe, expect, it } from 'vitest';
import { gateDecision, missingReason } from '../../helpers/services/gate';

const absent = { service: 'PostgreSQL', located: null, install: 'apt-get install postgresql' };
const present = {
  service: 'PostgreSQL',
  located: '/usr/lib/postgresql/15/bin',
  install: 'apt-get install postgresql',
};

describe('service gate', () => {
  it('names the missing service and how to install it', () => {
    expect(missingReason(absent)).toBe('PostgreSQL not found (apt-get install postgresql)');
    expect(missingReason(present)).toBeNull();
  });

  it('runs when the binary is there, in CI or not', () => {
    expect(gateDecision(present, undefined)).toEqual({ run: true });
    expect(gateDecision(present, 'true')).toEqual({ run: true });
  });

  it('skips locally but fails in CI when the binary is missing', () => {
    expect(gateDecision(absent, undefined)).toEqual({
      run: false,
      reason: missingReason(absent),
      fail: false,
    });
    expect(gateDecision(absent, '')).toMatchObject({ fail: false });
    expect(gateDecision(absent, 'true')).toMatchObject({ run: false, fail: true });
  });
});
