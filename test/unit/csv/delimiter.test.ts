import { describe, expect, it } from 'vitest';
import { csvDelimiterOf } from '../../../shared/csv/delimiter';

describe('the one CSV delimiter rule', () => {
  it.each([
    ['time,level,message', ','],
    ['time;level;message', ';'],
    ['time\tlevel\tmessage', '\t'],
    ['time|level|message', '|'],
    ['"a;b;c",level,message', ','],
    ['title;"x,y,z";owner', ';'],
    ['single', ','],
    ['a,b;c', ','],
    ['time;level\n1,2,3,4,5', ';'],
  ])('%j → %j', (header, expected) => {
    expect(csvDelimiterOf(header)).toBe(expected);
  });
});
