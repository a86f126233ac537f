// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createPrintFrame } from '../../../../renderer/features/export/exportDocument';

/** Issue 11, item 10: the web PDF print frame is sandboxed and may not run scripts. */
describe('web PDF print frame', () => {
  it('is sandboxed without allow-scripts', () => {
    const frame = createPrintFrame('<p>x</p>');
    const sandbox = frame.getAttribute('sandbox');
    expect(sandbox).not.toBeNull();
    const tokens = (sandbox ?? '').split(/\s+/);
    expect(tokens).not.toContain('allow-scripts');
    expect(tokens).not.toContain('allow-top-navigation');
    expect(tokens).not.toContain('allow-popups');
    expect(frame.srcdoc).toBe('<p>x</p>');
  });
});
