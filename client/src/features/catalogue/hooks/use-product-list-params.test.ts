import { describe, expect, it } from 'vitest';
import { orderOf } from './use-product-list-params.ts';

describe('orderOf', () => {
  it.each([
    ['', 'users'],
    ['q=kwakel', 'match'],
    ['q=kwakel&sort=name', 'name'],
    ['q=kwakel&sort=users', 'users'],
    ['sort=name', 'name'],
    // The closest match needs something to match: without a search it is most users first.
    ['sort=match', 'users'],
    ['q=%20%20&sort=match', 'users'],
    ['sort=anything', 'users'],
    ['q=kwakel&sort=anything', 'match'],
  ])('when the address says "%s", then the catalogue is ordered by %s', (search, order) => {
    expect(orderOf(new URLSearchParams(search))).toBe(order);
  });
});
