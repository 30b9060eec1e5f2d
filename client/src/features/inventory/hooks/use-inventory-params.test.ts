import { describe, expect, it } from 'vitest';
import { parseInventoryParams } from './use-inventory-params.ts';

describe('parseInventoryParams', () => {
  it('when the address is empty, then the server defaults apply', () => {
    expect(parseInventoryParams(new URLSearchParams())).toEqual({ page: 1, pageSize: 50, sort: 'name', format: 'json' });
  });

  it('when the address carries filters, then they are read as lists', () => {
    expect(parseInventoryParams(new URLSearchParams('status=legacy,compliant&missing=layer&sort=-updatedAt&page=3&q=zaak'))).toEqual({
      page: 3,
      pageSize: 50,
      sort: '-updatedAt',
      format: 'json',
      q: 'zaak',
      status: ['legacy', 'compliant'],
      missing: ['layer'],
    });
  });

  it('when one parameter is broken, then only that one is dropped', () => {
    expect(parseInventoryParams(new URLSearchParams('status=nonsense&layer=data&page=-1&applicatie=x'))).toEqual({
      page: 1,
      pageSize: 50,
      sort: 'name',
      format: 'json',
      layer: ['data'],
    });
  });
});
