import { describe, expect, it } from 'vitest';
import {
  ComponentStates,
  componentStatus,
  statusesInText,
} from '../../../../shared/import/formats/statuspage-components';

describe('statusesInText', () => {
  it('reads the sentences Statuspage writes for component status', () => {
    expect(
      statusesInText('We are investigating reports of degraded performance for Webhooks and API Requests.'),
    ).toEqual([
      { component: 'Webhooks', status: 'degraded_performance' },
      { component: 'API Requests', status: 'degraded_performance' },
    ]);
    expect(
      statusesInText('Actions is now experiencing degraded availability. We are continuing to investigate.'),
    ).toEqual([{ component: 'Actions', status: 'partial_outage' }]);
    expect(statusesInText('Update. Git Operations is experiencing a major outage')).toEqual([
      { component: 'Git Operations', status: 'major_outage' },
    ]);
    expect(statusesInText('Webhooks is operating normally. Pages is now operating normally.')).toEqual([
      { component: 'Webhooks', status: 'operational' },
      { component: 'Pages', status: 'operational' },
    ]);
  });

  it('finds nothing in free text', () => {
    expect(statusesInText('We are investigating a delay in webhook delivery.')).toEqual([]);
    expect(statusesInText('This incident has been resolved.')).toEqual([]);
  });
});

describe('componentStatus', () => {
  it('maps API values and phrases, and ignores maintenance', () => {
    expect(componentStatus('major_outage')).toBe('major_outage');
    expect(componentStatus('a partial outage')).toBe('partial_outage');
    expect(componentStatus('degraded availability')).toBe('partial_outage');
    expect(componentStatus('operational')).toBe('operational');
    expect(componentStatus('under_maintenance')).toBeNull();
    expect(componentStatus(null)).toBeNull();
  });
});

describe('ComponentStates', () => {
  it('starts components operational, reports changes only, and knows when all are back', () => {
    const s = new ComponentStates();
    expect(s.apply('A', 'operational')).toBeNull();
    expect(s.allOperational()).toBe(false);
    expect(s.apply('A', 'major_outage')).toEqual({ component: 'A', from: 'operational', to: 'major_outage' });
    expect(s.apply('B', 'partial_outage')).not.toBeNull();
    expect(s.apply('A', 'major_outage')).toBeNull();
    expect(s.apply('A', 'operational')).toEqual({ component: 'A', from: 'major_outage', to: 'operational' });
    expect(s.allOperational()).toBe(false);
    s.apply('B', 'operational');
    expect(s.allOperational()).toBe(true);
    expect(s.hadImpact()).toBe(true);
  });
});
