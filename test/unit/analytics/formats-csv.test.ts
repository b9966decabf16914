import { toEdgesCsv, toNodesCsv, type ExportNetwork } from '../../../src/analytics/formats';

const NET: ExportNetwork = {
  directed: false,
  nodeAttributes: [
    { name: 'kind', type: 'string' },
    { name: 'sector', type: 'string' },
    { name: 'department', type: 'string' },
    { name: 'operations', type: 'string' },
    { name: 'betweenness', type: 'double' },
    { name: 'community', type: 'integer' },
  ],
  nodes: [
    { id: 'act_d', label: 'Direction de l’Agriculture', attributes: { kind: 'DEPARTMENT', sector: 'PUBLIC_ADMINISTRATION', department: 'act_d', operations: 'FOOD;MOBILITY', betweenness: 0.1 + 0.2, community: 0 } },
    { id: 'act_m', label: '=Agent', attributes: { kind: 'PERSON', sector: 'PUBLIC_ADMINISTRATION', department: 'act_d', operations: null, betweenness: 0, community: 0 } },
    { id: 'act_o', label: 'Élevage du Bocage', attributes: { kind: 'ORGANIZATION', sector: 'ECONOMIC', department: 'act_elsewhere', operations: 'FOOD', betweenness: null, community: 1 } },
  ],
  edges: [{ id: 'bnd_1', source: 'act_m', target: 'act_d', kind: 'MEMBER_OF', weight: 1.5, since: '2014-03-01', until: null }],
};

describe('nodes and edges CSV', () => {
  it('rfc4180: the same columns and codes as before, formulas neutralized', () => {
    expect(toNodesCsv(NET)).toBe(
      [
        'id,label,kind,sector,department,operations,betweenness,community',
        'act_d,Direction de l’Agriculture,DEPARTMENT,PUBLIC_ADMINISTRATION,act_d,FOOD;MOBILITY,0.30000000000000004,0',
        "act_m,'=Agent,PERSON,PUBLIC_ADMINISTRATION,act_d,,0,0",
        'act_o,Élevage du Bocage,ORGANIZATION,ECONOMIC,act_elsewhere,FOOD,,1',
        '',
      ].join('\r\n'),
    );
    expect(toEdgesCsv(NET)).toBe('id,source,target,kind,weight,since,until\r\nbnd_1,act_m,act_d,MEMBER_OF,1.5,2014-03-01,\r\n');
  });

  it('excel-fr: departments by name when the department is in the network, else its id', () => {
    expect(toNodesCsv(NET, 'excel-fr')).toBe(
      '\uFEFF' +
        [
          'Identifiant;Nom;Type;Secteur;Direction;Opérations;Intermédiarité;Communauté',
          'act_d;Direction de l’Agriculture;Direction;Administration publique;Direction de l’Agriculture;FOOD | MOBILITY;0,3;0',
          "act_m;'=Agent;Personne;Administration publique;Direction de l’Agriculture;;0;0",
          'act_o;Élevage du Bocage;Organisation;Économique;act_elsewhere;FOOD;;1',
          '',
        ].join('\r\n'),
    );
    expect(toEdgesCsv(NET, 'excel-fr')).toBe("\uFEFFIdentifiant;Source;Cible;Type de lien;Poids;Depuis;Jusqu'au\r\nbnd_1;act_m;act_d;Membre de;1,5;01/03/2014;\r\n");
  });
});
