import { describe, expect, it } from 'vitest';
import { parseNumber } from './numbers.ts';

describe('parseNumber', () => {
  it.each([
    ['', null],
    ['  ', null],
    ['2027', 2027],
    ['1.234,56', 1234.56],
    ['1234.56', 1234.56],
    ['12.000', 12000],
    ['1.234.567', 1234567],
    ['1.5', 1.5],
    ['12 000', 12000],
    ['veel', Number.NaN],
    ['1,2,3', Number.NaN],
  ])('when the text is %j, then the number is %j', (text, expected) => {
    expect(parseNumber(text)).toEqual(expected);
  });
});
