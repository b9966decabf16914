import { ApiFailure, TransportError } from '../../../explorer/api-errors';
import { explain } from '../../../explorer/errors';
import { sortRows, toCsv, type TableRow } from '../../../explorer/panels/table-data';
import { NO_FILTERS, filtersFromParams, filtersToParams, networkScope, type ExplorerState } from '../../../explorer/state';

const failure = (code: string, message: string, extra: Record<string, unknown> = {}) => new ApiFailure([{ message, extensions: { code, ...extra } }], code === 'FORBIDDEN' || code === 'UNAUTHENTICATED');

describe('explorer errors in the page’s language (French by default)', () => {
  it('says a refused key is refused, and what a missing key or a lesser role lacks', () => {
    expect(explain(failure('UNAUTHENTICATED', 'This API key is unknown or revoked'), true)).toMatchObject({ badKey: true, text: expect.stringContaining('Clé API refusée') });
    expect(explain(failure('UNAUTHENTICATED', 'network needs an API key with role ANALYST, EDITOR, ADMIN: send `Authorization: Bearer <key>`'), false).text).toBe('Ces analyses demandent une clé API de rôle ANALYST, EDITOR ou ADMIN.');
    expect(explain(failure('FORBIDDEN', 'network needs role ANALYST, EDITOR, ADMIN; this key has role VIEWER'), true).text).toBe('Votre clé (rôle VIEWER) ne permet pas cette analyse : il faut le rôle ANALYST, EDITOR ou ADMIN.');
  });

  it('names the refused field, and keeps the API’s words as the detail', () => {
    const e = explain(failure('BAD_USER_INPUT', 'No operation "X" (give an operation id or code)', { field: 'scope.operation' }), true);
    expect(e).toEqual({ text: "L'API refuse la valeur de « scope.operation » : corrigez le filtre.", detail: 'No operation "X" (give an operation id or code)', code: 'BAD_USER_INPUT', badKey: false });
    expect(explain(new TransportError('Failed to fetch'), true).text).toBe('Le serveur ne répond pas : Failed to fetch');
    expect(explain(failure('SOMETHING_NEW', 'boom'), true).text).toBe("Erreur interne de l'API.");
  });
});

describe('explorer filters and table', () => {
  const state = (filters = NO_FILTERS): ExplorerState => ({ scope: { kind: 'operation', code: 'FOOD' }, dateStep: 0, colorBy: 'sector', metric: 'DEGREE', view: 'network', selected: null, lang: 'fr', filters, focus: null, path: null });

  it('puts sectors, bond kinds, source and tag in the API scope, not kinds or the minimum degree', () => {
    const f = { ...NO_FILTERS, sectors: ['ECONOMIC'], kinds: ['PERSON'], bondKinds: ['FUNDS'], source: ' demo ', tag: 'fictional', minDegree: 2 };
    expect(networkScope(state(f))).toEqual({ operation: 'FOOD', sectors: ['ECONOMIC'], bondKinds: ['FUNDS'], source: 'demo', tags: ['fictional'], asOf: '2011-12-31' });
  });

  it('round-trips the filters through the address, dropping unknown values', () => {
    const f = { ...NO_FILTERS, sectors: ['ECONOMIC', 'CITIZENS'], kinds: ['PERSON'], minDegree: 3, hideIsolates: false };
    const p = new URLSearchParams();
    filtersToParams(f, p);
    expect(filtersFromParams(p)).toEqual(f);
    expect(filtersFromParams(new URLSearchParams('sectors=ECONOMIC,NOPE&minDegree=-1'))).toEqual({ ...NO_FILTERS, sectors: ['ECONOMIC'] });
  });

  const row = (id: string, name: string, pagerank?: number): TableRow => ({ actor: { id, name, kind: 'ORGANIZATION', sector: 'ECONOMIC' }, community: null, degreeInView: 1, metrics: pagerank == null ? {} : { PAGERANK: pagerank } });

  it('sorts by a metric with missing values last, and writes the rows as RFC 4180 CSV', () => {
    const rows = [row('a', 'Élan', 0.1), row('b', 'Bois, "du Nord"'), row('c', 'Atelier', 0.3)];
    expect(sortRows(rows, { column: 'PAGERANK', descending: true }).map((r) => r.actor.id)).toEqual(['c', 'a', 'b']);
    expect(sortRows(rows, { column: 'name', descending: false }).map((r) => r.actor.id)).toEqual(['c', 'b', 'a']);
    const csv = toCsv(sortRows(rows, { column: 'PAGERANK', descending: true }), false);
    const lines = csv.replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0]).toBe('id,name,kind,sector,degree_in_view,degree,betweenness,closeness,eigenvector,pagerank,constraint,effective_size');
    expect(lines[1]).toBe('c,Atelier,ORGANIZATION,ECONOMIC,1,,,,,0.3,,');
    expect(lines[3]).toBe('b,"Bois, ""du Nord""",ORGANIZATION,ECONOMIC,1,,,,,,,');
  });
});
