import { describe, expect, it } from 'vitest';
import { restoreExportSettings } from '../../../renderer/features/export/hooks/useExportSettings';

describe('export settings (one per incident)', () => {
  it('defaults UTC-only on for customers and off for internal copies', () => {
    expect(restoreExportSettings(null, 'internal')).toEqual({ audience: 'internal', utcOnly: false });
    expect(restoreExportSettings(null, 'customer')).toEqual({ audience: 'customer', utcOnly: true });
  });
  it('keeps a stored choice and ignores damaged values', () => {
    expect(restoreExportSettings({ audience: 'customer', utcOnly: false }, 'internal')).toEqual({
      audience: 'customer',
      utcOnly: false,
    });
    expect(restoreExportSettings({ audience: 'everyone', utcOnly: 'yes' }, 'internal')).toEqual({
      audience: 'internal',
      utcOnly: false,
    });
  });
});
