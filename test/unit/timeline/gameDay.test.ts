import { describe, expect, it } from 'vitest';
import { classifyIncidentType, FaultTally } from '../../../shared/timeline/gameDay';

describe('game-day classification', () => {
  it('is a game day when every fault-like event is injected, and there is one', () => {
    expect(
      classifyIncidentType([
        { kind: 'change', injected: true },
        { kind: 'mitigation', injected: true },
        // What was observed is not a fault: impact and detection do not make it an incident.
        { kind: 'impact' },
        { kind: 'detection' },
        { kind: 'log' },
      ]),
    ).toBe('game-day');
  });

  it('is an incident when some change was not injected, or nothing was injected at all', () => {
    expect(classifyIncidentType([{ kind: 'change', injected: true }, { kind: 'change' }])).toBe('incident');
    expect(classifyIncidentType([{ kind: 'change', injected: false }, { kind: 'impact' }])).toBe('incident');
    expect(classifyIncidentType([{ kind: 'impact' }, { kind: 'log' }])).toBe('incident');
    expect(classifyIncidentType([])).toBe('incident');
  });

  it('counts across batches: a later import of a real deploy turns a game day back into an incident', () => {
    const tally = new FaultTally();
    tally.add({ kind: 'change', injected: true });
    expect(tally.type()).toBe('game-day');
    tally.add({ kind: 'change' });
    expect(tally.type()).toBe('incident');
    expect({ injected: tally.injected, other: tally.other }).toEqual({ injected: 1, other: 1 });
  });
});
