import { bundleColumns, composeBundle, splitBundle } from '../../../src/db/bundle';

describe('bundling read queries into one', () => {
  it('reads the columns of the last top-level RETURN', () => {
    expect(bundleColumns('MATCH (a:Actor) RETURN a.id AS id, a {.*} AS actor')).toEqual(['id', 'actor']);
    expect(bundleColumns('UNWIND $ids AS aid MATCH (a {id: aid}) RETURN aid, [x IN [1, 2] | x] AS xs')).toEqual(['aid', 'xs']);
    expect(bundleColumns('MATCH (a) RETURN DISTINCT a.id AS id ORDER BY id LIMIT $limit')).toEqual(['id']);
    // RETURNs inside subqueries, map projections and strings are not the query's own.
    expect(bundleColumns("MATCH (a) CALL { WITH a RETURN 1 AS one } RETURN a.id AS id, 'RETURN x, y' AS s, COUNT { MATCH (a)--() RETURN 1 } AS n")).toEqual(['id', 's', 'n']);
    expect(bundleColumns('MATCH (a) RETURN a.id AS id // RETURN z\nORDER BY id')).toEqual(['id']);
  });

  it('refuses what it cannot name: expressions without alias, writes without RETURN, repeated names', () => {
    expect(bundleColumns('MATCH (a) RETURN a.id')).toBeNull();
    expect(bundleColumns('MATCH (a) SET a.x = 1')).toBeNull();
    expect(bundleColumns('MATCH (a) RETURN a.id AS x, a.name AS x')).toBeNull();
  });

  it('renames parameters per part, outside strings only, and wraps each part in OPTIONAL CALL', () => {
    const parts = [
      { text: "UNWIND $ids AS id RETURN id, '$ids' AS literal", params: { ids: ['a'] }, columns: ['id', 'literal'] },
      { text: 'UNWIND $ids AS x RETURN x AS id', params: { ids: ['b', 'c'] }, columns: ['id'] },
    ];
    const { text, params } = composeBundle(parts);
    expect(params).toEqual({ b0_ids: ['a'], b1_ids: ['b', 'c'] });
    expect(text).toContain("UNWIND $b0_ids AS id RETURN id, '$ids' AS literal");
    expect(text).toContain('UNWIND $b1_ids AS x RETURN x AS id');
    expect(text.match(/OPTIONAL CALL \(\) \{/g)).toHaveLength(2);
    expect(text.trim().split('\n').pop()).toBe('RETURN __b0, __b1');
  });

  it('splits the bundled row back into each part’s rows under its own column names', () => {
    const parts = [
      { text: '', params: {}, columns: ['aid', 'total'] },
      { text: '', params: {}, columns: ['id'] },
    ];
    expect(splitBundle({ __b0: [['a', 1], ['b', 2]], __b1: [] }, parts)).toEqual([
      [
        { aid: 'a', total: 1 },
        { aid: 'b', total: 2 },
      ],
      [],
    ]);
  });
});
