/** Pure logic the API's answers depend on, with no database: error mapping, cursors, search, Cypher templates. */
import { toAppError, formatError, ErrorCode, AppError } from '../../../src/errors';
import { decodeCursor, encodeCursor, planPage } from '../../../src/common/pagination';
import { anchorOf } from '../../../src/actors/actor.service';
import { toLuceneQuery } from '../../../src/actors/search';
import { cypher, PROJECTIONS } from '../../../src/db/cypher';
import { ACTOR, ACTOR_CARD_FIELDS } from '../../../src/actors/actor.model';
import type { Entity } from '../../../src/model/entity';
import { actorFromValues, actorOrCardFromValues, isActorCard, servedByCard } from '../../../src/actors/actor.record';
import { PARTICIPATION_CARD_FIELDS } from '../../../src/participations/participation.model';
import { BOND, BOND_CARD_FIELDS } from '../../../src/bonds/bond.model';
import { bondCardFromValues, bondFromValues } from '../../../src/bonds/bond.type';

describe('error mapper', () => {
  it.each([
    [{ code: 'ServiceUnavailable', message: 'x' }, ErrorCode.SERVICE_UNAVAILABLE],
    [{ code: 'Neo.TransientError.Transaction.DeadlockDetected', message: 'x' }, ErrorCode.SERVICE_UNAVAILABLE],
    [{ code: 'Neo.ClientError.Schema.ConstraintValidationFailed', message: "Node(1) already exists with label `Actor` and properties `source` = 'cci', `externalId` = 'a'" }, ErrorCode.CONFLICT],
    [{ code: 'Neo.ClientError.Transaction.LockClientStopped', message: 'x' }, ErrorCode.SERVICE_UNAVAILABLE],
    [{ code: 'Neo.ClientError.Transaction.TransactionTimedOut', message: 'x' }, ErrorCode.QUERY_TOO_COMPLEX],
    [new Error('connect ECONNREFUSED 127.0.0.1:7687'), ErrorCode.SERVICE_UNAVAILABLE],
  ])('%j -> %s', (err, code) => {
    expect((toAppError(err) as AppError).code).toBe(code);
  });

  it('unknown errors become INTERNAL_SERVER_ERROR without internals outside development, and are logged', () => {
    const logged: unknown[] = [];
    const out = formatError({ message: 'boom at /src/x.ts', extensions: { stacktrace: ['x'] } }, new TypeError('boom'), false, (e) => logged.push(e));
    expect(out).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(logged).toHaveLength(1);
  });
});

describe('cursors', () => {
  it('round-trip and refuse anything else with BAD_USER_INPUT naming the argument', () => {
    const c = encodeCursor({ k: 'École', id: 'act_1' });
    expect(decodeCursor(c, 'after')).toEqual({ k: 'École', id: 'act_1' });
    expect(() => decodeCursor('garbage', 'after')).toThrow(/`after` is not a cursor/);
    expect(() => planPage({ first: 101 }, 100)).toThrow(/between 0 and 100/);
    expect(() => planPage({ first: 1, last: 1 }, 100)).toThrow(/either `first` or `last`/);
  });
});

describe('search words', () => {
  it.each([
    ['foret', '+(foret OR foret*)'],
    ['Chambre agri', '+chambre +(agri OR agri*)'],
    ['a+b (c)', '+a\\+b +(\\(c\\) OR \\(c\\)*)'],
    ['   ', null],
  ])('%j -> %j', (input, out) => {
    expect(toLuceneQuery(input)).toBe(out);
  });
});

describe('Cypher templates', () => {
  it('expands an actor record from the table, full or card, and builds it back by name', () => {
    const full = cypher('actors/by-ids');
    for (const name of ACTOR.names) expect(full).toContain((ACTOR as Entity).fields[name].read('a', name));
    const card = cypher('actors/page', { DIR: 'ASC', CMP: '>', ACTOR: 'CARD' });
    expect(card).toContain(`RETURN [${ACTOR_CARD_FIELDS.map((n) => `a.${n}`).join(', ')}] AS actor`);
    expect(PROJECTIONS.ACTOR.CARD[1]).toEqual(ACTOR_CARD_FIELDS);
    const values = ACTOR.names.map((n) => (n === 'tags' ? ['x'] : n === 'createdAt' || n === 'updatedAt' ? 0 : n === 'version' ? 1 : `v-${n}`));
    const a = actorFromValues(values);
    expect(a.name).toBe('v-name');
    expect(a.createdAt).toEqual(new Date(0));
    expect(isActorCard(actorOrCardFromValues(ACTOR_CARD_FIELDS.map((n) => `v-${n}`)))).toBe(true);
  });

  it('shares one filter fragment across the actor list queries', () => {
    for (const q of ['actors/page', 'actors/page-by-operation', 'actors/page-by-common', 'actors/page-by-sectors', 'actors/search-page-filtered']) {
      const text = cypher(q, { DIR: 'ASC', CMP: '>', DIRID: 'ASC', CMPID: '>' });
      expect(text).toContain('($tags IS NULL OR all(t IN $tags WHERE t IN a.tags))');
      expect(text).not.toContain('{{');
    }
    for (const q of ['actors/count', 'actors/count-by-operation', 'actors/count-by-common', 'actors/count-by-sectors', 'actors/search-count-filtered']) expect(cypher(q)).toContain('($kinds IS NULL OR a.kind IN $kinds)');
  });

  it('reads participation and bond cards: fewer values, the rest from the full record through the loader', async () => {
    const p = cypher('participations/of-operations', { DIR: 'ASC', CMP: '>', ACTOR: 'CARD', PARTICIPATION: 'CARD' });
    expect(p).toContain(`[${PARTICIPATION_CARD_FIELDS.map((n) => (n === 'id' || n === 'role' ? `p.${n}` : `toString(p.${n})`)).join(', ')}] AS participation`);
    expect(p).not.toContain('p.createdAt');
    const b = cypher('bonds/of-actors', { DIR: 'ASC', CMP: '>', ACTOR: 'CARD', BOND: 'CARD' });
    expect(b).not.toContain('b.description');
    expect(b).toContain('startNode(b).id');
    const full = { ...bondFromValues(BOND.names.map((n) => (n === 'createdAt' || n === 'updatedAt' ? 0 : n === 'version' ? 3 : n === 'weight' ? 2 : `v-${n}`))) };
    const c = bondCardFromValues(BOND_CARD_FIELDS.map((n) => (n === 'weight' ? 2 : `v-${n}`)));
    expect(c.kind).toBe('v-kind');
    const ctx = { loaders: { bond: { load: async (id: string) => (id === 'v-id' ? full : null) } } };
    expect(await (c as any).version(undefined, ctx)).toBe(3);
    expect(await (c as any).description(undefined, ctx)).toBe('v-description');
  });

  it('serves a selection with a card when it asks for card fields or fields resolved from the id only', () => {
    expect(servedByCard(new Set(['id', 'name', 'sector', 'bondCount', 'bonds', '__typename']))).toBe(true);
    expect(servedByCard(new Set(['id', 'name', 'description']))).toBe(false);
    expect(servedByCard(new Set(['email']))).toBe(false);
    expect(servedByCard(null)).toBe(false);
  });

  it('refuses a keyword outside the closed set', () => {
    expect(() => cypher('actors/page', { DIR: 'DROP' as never, CMP: '>' })).toThrow(/no allowed keyword/);
  });
});

describe('which list query a filter chooses', () => {
  it.each([
    [{ operation: 'op_1', common: 'FOOD', sectors: ['ECONOMIC'] }, 'actors/page-by-operation'],
    [{ operation: null, common: 'FOOD', sectors: ['ECONOMIC'] }, 'actors/page-by-common'],
    [{ operation: null, common: null, sectors: ['ECONOMIC'] }, 'actors/page-by-sectors'],
    [{ operation: null, common: null, sectors: null }, 'actors/page'],
  ])('%j -> %s', (filter, query) => {
    const anchor = anchorOf(filter as Parameters<typeof anchorOf>[0]);
    expect(anchor ? `actors/page-${anchor}` : 'actors/page').toBe(query);
  });

  it('the operation anchor starts from the operation, not from every actor (snapshot of its first clause)', () => {
    expect(cypher('actors/page-by-operation', { DIR: 'ASC', CMP: '>' }).split('\n')[0]).toBe('MATCH (:Operation {id: $operation})<-[:PARTICIPATES_IN]-(a)');
    expect(cypher('actors/page-by-sectors', { DIR: 'ASC', CMP: '>' }).split('\n').slice(0, 2)).toEqual(['MATCH (a:Actor)', 'WHERE a.sector IN $sectors']);
  });
});
