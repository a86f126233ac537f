// @vitest-environment happy-dom
// Stable handlers: the same functions across renders (so memoised children are skipped), each
// calling the handler of the latest render.
import { describe, expect, it } from 'vitest';
import { useStableHandlers } from '../../../../renderer/ui/useStableHandlers';
import { render } from './render';

describe('useStableHandlers', () => {
  it('keeps one identity across renders and calls the latest handler', () => {
    const seen: { onOpen(id: string): string }[] = [];
    function Probe({ prefix }: { prefix: string }) {
      seen.push(useStableHandlers({ onOpen: (id: string) => `${prefix}:${id}` }));
      return null;
    }
    const view = render(<Probe prefix="first" />);
    expect(seen[0]!.onOpen('a')).toBe('first:a');
    view.rerender(<Probe prefix="second" />);
    expect(seen.at(-1)).toBe(seen[0]);
    expect(seen[0]!.onOpen('b')).toBe('second:b');
  });
});
