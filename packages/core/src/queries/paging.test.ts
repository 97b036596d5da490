import { describe, expect, it } from 'vitest';
import { fetchPage } from './paging.js';

const rowsOf = (count: number) => ({ execute: async () => Array.from({ length: count }, (_, id) => ({ id })) });

describe('fetchPage', () => {
  it('points at the next page only when the page came back full', async () => {
    expect((await fetchPage({ limit: 2, offset: 4 }, rowsOf(2))).page).toEqual({ limit: 2, offset: 4, nextOffset: 6 });
    expect((await fetchPage({ limit: 2, offset: 4 }, rowsOf(1))).page).toEqual({
      limit: 2,
      offset: 4,
      nextOffset: null,
    });
  });

  it('gives an empty last page for a query that cannot match anything', async () => {
    expect(await fetchPage({ limit: 10, offset: 0 }, null)).toEqual({
      rows: [],
      page: { limit: 10, offset: 0, nextOffset: null },
    });
  });
});
