import { describe, expect, it } from 'vitest';
import { MessageMemo } from '../../../shared/patterns/messageMemo';

describe('MessageMemo', () => {
  it('keeps a message with and without a header left apart', () => {
    const memo = new MessageMemo<string>(10);
    memo.set('disk full', false, 'plain');
    memo.set('disk full', true, 'headed');
    expect(memo.get('disk full', false)).toBe('plain');
    expect(memo.get('disk full', true)).toBe('headed');
    expect(memo.get('other', true)).toBeUndefined();
  });

  it('empties both sides at once when they hold `limit` entries together', () => {
    const memo = new MessageMemo<number>(3);
    memo.set('a', false, 1);
    memo.set('b', true, 2);
    memo.set('c', false, 3);
    expect([memo.get('a', false), memo.get('b', true), memo.get('c', false)]).toEqual([1, 2, 3]);
    memo.set('d', true, 4);
    expect([memo.get('a', false), memo.get('b', true), memo.get('c', false)]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(memo.get('d', true)).toBe(4);
  });
});
