import { buildDemoGraph } from '../../../src/seed/demo-data';
import type { DemoActor, DemoGraph, Sector } from '../../../src/seed/demo.types';

const SEED_OPERATION_NAMES = [
  'Gouvernance alimentaire',
  'Valorisation de la forêt et filière bois',
  "L'eau dans l'Audomarois",
  'Stratégie énergétique',
  'Lutte contre le diabète',
  'Plan 100 000 Logements : rénovation thermique des bâtiments',
  'Euralens et la Cité du Louvre',
  'Lycée du 3e millénaire',
  'Filière de démantèlement du nucléaire',
];
const SECTORS: Sector[] = ['ECONOMIC', 'POLITICAL', 'CIVIL_SOCIETY', 'RESEARCH', 'PUBLIC_ADMINISTRATION', 'CITIZENS'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

describe('buildDemoGraph', () => {
  let graph: DemoGraph;
  let actorById: Map<string, DemoActor>;
  const byName = (name: string): DemoActor => {
    const actor = graph.actors.find((a) => a.name === name);
    if (!actor) throw new Error(`no actor named ${name}`);
    return actor;
  };
  /** Distinct neighbours in the undirected simple graph. */
  const neighbours = (): Map<string, Set<string>> => {
    const map = new Map<string, Set<string>>();
    const add = (a: string, b: string) => map.set(a, (map.get(a) ?? new Set()).add(b));
    for (const b of graph.bonds) {
      add(b.from, b.to);
      add(b.to, b.from);
    }
    return map;
  };
  const operationsOf = (): Map<string, Set<string>> => {
    const map = new Map<string, Set<string>>();
    for (const p of graph.participations) map.set(p.actor, (map.get(p.actor) ?? new Set()).add(p.operation));
    return map;
  };

  beforeAll(() => {
    graph = buildDemoGraph();
    actorById = new Map(graph.actors.map((a) => [a.id, a]));
  });

  it('is deterministic: the same seed gives a deep-equal graph', () => {
    expect(buildDemoGraph()).toEqual(graph);
    expect(buildDemoGraph(7)).toEqual(buildDemoGraph(7));
  });

  it('builds a valid graph for other seeds too', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const g = buildDemoGraph(seed);
      expect(new Set(g.actors.map((a) => a.name)).size).toBe(g.actors.length);
      expect(g.actors.filter((a) => a.tags.includes('fictional')).length).toBeGreaterThanOrEqual(200);
      expect(g.bonds.length).toBeGreaterThanOrEqual(800);
      expect(g.bonds.length).toBeLessThanOrEqual(1200);
    }
  });

  it('varies with the seed but keeps the seed-named entities stable', () => {
    const other = buildDemoGraph(42);
    expect(other.actors.map((a) => a.name)).not.toEqual(graph.actors.map((a) => a.name));
    const tesrIds = (g: DemoGraph) => g.actors.filter((a) => a.source === 'tesr').map((a) => a.id);
    expect(tesrIds(other)).toEqual(tesrIds(graph));
    expect(other.operations.map((o) => o.id)).toEqual(graph.operations.map((o) => o.id));
  });

  it('has 200+ fictional stakeholders, all tagged fictional with source demo', () => {
    const fictional = graph.actors.filter((a) => a.tags.includes('fictional'));
    expect(fictional.length).toBeGreaterThanOrEqual(200);
    for (const actor of fictional) expect(actor.source).toBe('demo');
    for (const actor of graph.actors.filter((a) => a.source === 'demo')) {
      expect(actor.tags).toContain('fictional');
      expect(actor.externalId).toMatch(/^demo:/);
    }
    const numbered = graph.actors.filter((a) => /^demo:\d{4}$/.test(a.externalId ?? ''));
    expect(numbered.length).toBeGreaterThanOrEqual(200);
  });

  it('has the 9 operations with the exact names of the seed', () => {
    expect(graph.operations.map((o) => o.name)).toEqual(SEED_OPERATION_NAMES);
    expect(graph.operations.map((o) => o.code)).toEqual([
      'FOOD_GOVERNANCE',
      'FOREST_WOOD',
      'WATER_AUDOMAROIS',
      'ENERGY_STRATEGY',
      'DIABETES',
      'HOUSING_RETROFIT',
      'EURALENS_LOUVRE',
      'HIGH_SCHOOL_3M',
      'NUCLEAR_DISMANTLING',
    ]);
    const commonCodes = new Set(graph.commons.map((c) => c.code));
    for (const op of graph.operations) {
      expect(op.description.length).toBeGreaterThan(20);
      expect(op.commons.length).toBeGreaterThan(0);
      for (const code of op.commons) expect(commonCodes).toContain(code);
    }
  });

  it('gives each operation exactly one lead department and one project lead', () => {
    const leads = new Set<string>();
    for (const op of graph.operations) {
      const mine = graph.participations.filter((p) => p.operation === op.id);
      const depts = mine.filter((p) => p.role === 'LEAD_DEPARTMENT');
      const projectLeads = mine.filter((p) => p.role === 'PROJECT_LEAD');
      expect(depts).toHaveLength(1);
      expect(projectLeads).toHaveLength(1);
      expect(actorById.get(depts[0]!.actor)?.kind).toBe('DEPARTMENT');
      const lead = actorById.get(projectLeads[0]!.actor)!;
      expect(lead.kind).toBe('PERSON');
      expect(lead.tags).toContain('fictional');
      leads.add(lead.id);
      // The project lead is a member of the lead department.
      expect(graph.bonds.some((b) => b.kind === 'MEMBER_OF' && b.from === lead.id && b.to === depts[0]!.actor)).toBe(true);
    }
    expect(leads.size).toBe(9);
  });

  it('holds the bodies and people the seed names, in their roles', () => {
    const council = byName('Conseil régional Nord-Pas-de-Calais');
    expect([council.kind, council.sector, council.source]).toEqual(['ORGANIZATION', 'PUBLIC_ADMINISTRATION', 'tesr']);
    const commission = byName('Commission Transformation écologique et sociale');
    expect([commission.kind, commission.sector]).toEqual(['GOVERNANCE_BODY', 'POLITICAL']);
    const scientific = byName('Comité scientifique et technique');
    expect([scientific.kind, scientific.sector]).toEqual(['GOVERNANCE_BODY', 'RESEARCH']);
    expect(byName('Comité de pilotage des directeurs généraux').kind).toBe('GOVERNANCE_BODY');
    expect(byName("Équipe d'animation de la TESR").kind).toBe('GOVERNANCE_BODY');
    expect(byName('Euralens').kind).toBe('ORGANIZATION');
    expect(byName('Louvre-Lens').tags).toContain('sector:culture');

    const bondBetween = (from: DemoActor, to: DemoActor, kinds: string[]) =>
      graph.bonds.some((b) => b.from === from.id && b.to === to.id && kinds.includes(b.kind));
    const caron = byName('Jean-François Caron');
    expect([caron.kind, caron.sector, caron.source]).toEqual(['PERSON', 'POLITICAL', 'tesr']);
    expect(bondBetween(caron, commission, ['MEMBER_OF', 'REPRESENTS'])).toBe(true);
    expect(byName('Laurent Bernier').kind).toBe('PERSON');
    for (const name of ['Jean Gadrey', 'Laurent Cordonnier', 'Hélène Melin']) {
      const person = byName(name);
      expect([person.kind, person.sector, person.source]).toEqual(['PERSON', 'RESEARCH', 'tesr']);
      expect(bondBetween(person, scientific, ['MEMBER_OF'])).toBe(true);
    }

    const departments = graph.actors.filter((a) => a.kind === 'DEPARTMENT');
    expect(departments.length).toBeGreaterThanOrEqual(10);
    for (const dept of departments) {
      expect(dept.sector).toBe('PUBLIC_ADMINISTRATION');
      expect(bondBetween(dept, council, ['MEMBER_OF'])).toBe(true);
    }
    for (const actor of graph.actors.filter((a) => a.source === 'tesr')) expect(actor.externalId).toMatch(/^tesr:/);
  });

  it('holds no personal contact data anywhere', () => {
    const contactKey = /e-?mail|phone|t[ée]l[ée]phone|mobile|fax/i;
    const emailLike = /[\w.+-]+@[\w-]+\.[\w.]+/;
    const phoneLike = /(?:\+33|\b0)\s*[1-9](?:[\s.-]*\d{2}){4}/;
    for (const actor of graph.actors) {
      for (const key of Object.keys(actor)) expect(key).not.toMatch(contactKey);
    }
    const text = JSON.stringify(graph);
    expect(text).not.toMatch(emailLike);
    expect(text).not.toMatch(phoneLike);
    expect(text).not.toContain('nordpasdecalsais');
  });

  it('references only existing actors and operations', () => {
    const operationIds = new Set(graph.operations.map((o) => o.id));
    for (const b of graph.bonds) {
      expect(actorById.has(b.from)).toBe(true);
      expect(actorById.has(b.to)).toBe(true);
    }
    for (const p of graph.participations) {
      expect(actorById.has(p.actor)).toBe(true);
      expect(operationIds.has(p.operation)).toBe(true);
    }
    for (const c of graph.commons) {
      expect(c.stewards.length).toBeGreaterThan(0);
      for (const id of c.stewards) expect(actorById.has(id)).toBe(true);
    }
    for (const i of graph.indicators) expect(operationIds.has(i.operation)).toBe(true);
    for (const e of graph.events) for (const id of e.attendees) expect(actorById.has(id)).toBe(true);
  });

  it('has no self-loops nor duplicate bonds, and a realistic number of them', () => {
    const keys = new Set<string>();
    for (const b of graph.bonds) {
      expect(b.from).not.toBe(b.to);
      const key = `${b.from}|${b.kind}|${b.to}`;
      expect(keys.has(key)).toBe(false);
      keys.add(key);
      if (b.weight !== null) expect([1, 2, 3, 4, 5]).toContain(b.weight);
    }
    expect(graph.bonds.length).toBeGreaterThanOrEqual(800);
    expect(graph.bonds.length).toBeLessThanOrEqual(1200);
  });

  it('uses unique, prefixed, deterministic ids', () => {
    const groups: [string, { id: string }[]][] = [
      ['act', graph.actors],
      ['bnd', graph.bonds],
      ['op', graph.operations],
      ['prt', graph.participations],
      ['com', graph.commons],
      ['ind', graph.indicators],
      ['evt', graph.events],
    ];
    const all = new Set<string>();
    for (const [prefix, items] of groups) {
      for (const item of items) {
        expect(item.id).toMatch(new RegExp(`^${prefix}_[0-9a-f]{20}$`));
        expect(all.has(item.id)).toBe(false);
        all.add(item.id);
      }
    }
    const externalIds = graph.actors.map((a) => a.externalId);
    expect(new Set(externalIds).size).toBe(externalIds.length);
    const bondExternalIds = graph.bonds.map((b) => b.externalId);
    expect(new Set(bondExternalIds).size).toBe(bondExternalIds.length);
  });

  it('carries the wood-sector result of the seed: 1000 jobs', () => {
    const forest = graph.operations.find((o) => o.code === 'FOREST_WOOD')!;
    const jobs = graph.indicators.find((i) => i.name === 'Emplois créés dans la filière bois');
    expect(jobs).toMatchObject({ operation: forest.id, value: 1000, unit: 'emplois' });
    for (const op of graph.operations) expect(graph.indicators.some((i) => i.operation === op.id)).toBe(true);
  });

  it('has the commons with French and English names', () => {
    expect(graph.commons.map((c) => c.code)).toEqual(
      expect.arrayContaining(['WATER', 'AIR', 'FOOD', 'GENDER_EQUALITY', 'BIODIVERSITY', 'ENERGY', 'HEALTH', 'HOUSING', 'FOREST', 'CULTURE', 'CLIMATE', 'EDUCATION']),
    );
    for (const c of graph.commons) {
      expect(c.name).not.toBe('');
      expect(c.nameEn).not.toBe('');
      expect(graph.operations.some((o) => o.commons.includes(c.code))).toBe(true);
    }
  });

  it('has the four annual assises, the 4th in October, with attendance growing', () => {
    expect(graph.events.map((e) => e.name)).toEqual([
      '1res assises de la TESR',
      '2es assises de la TESR',
      '3es assises de la TESR',
      '4es assises de la TESR',
    ]);
    const years = graph.events.map((e) => Number(e.date.slice(0, 4)));
    expect(new Set(years).size).toBe(4);
    expect(graph.events[3]!.date.slice(5, 7)).toBe('10');
    const sizes = graph.events.map((e) => e.attendees.length);
    expect([...sizes].sort((a, b) => a - b)).toEqual(sizes);
    expect(graph.events[3]!.attendees).toContain(byName('Jean-François Caron').id);
  });

  it('covers every sector, the four stakeholder families among the fictional ones', () => {
    const sectors = new Set(graph.actors.map((a) => a.sector));
    for (const sector of SECTORS) expect(sectors).toContain(sector);
    const fictional = graph.actors.filter((a) => a.source === 'demo');
    for (const sector of ['ECONOMIC', 'POLITICAL', 'CIVIL_SOCIETY', 'RESEARCH', 'CITIZENS'] as Sector[]) {
      expect(fictional.filter((a) => a.sector === sector).length).toBeGreaterThanOrEqual(15);
    }
    for (const kind of ['ORGANIZATION', 'PERSON', 'COLLECTIVE']) expect(fictional.some((a) => a.kind === kind)).toBe(true);
    const food = ['producer', 'processor', 'distributor', 'eater'];
    for (const stage of food) expect(fictional.some((a) => a.tags.includes(`value-chain:${stage}`))).toBe(true);
  });

  it('involves every fictional stakeholder in an operation, and a few brokers in 3 or more', () => {
    const ops = operationsOf();
    for (const actor of graph.actors.filter((a) => a.source === 'demo')) expect(ops.get(actor.id)?.size ?? 0).toBeGreaterThanOrEqual(1);
    const brokers = graph.actors.filter((a) => a.source === 'demo' && (ops.get(a.id)?.size ?? 0) >= 3);
    expect(brokers.length).toBeGreaterThanOrEqual(3);
    const single = graph.actors.filter((a) => a.source === 'demo' && ops.get(a.id)?.size === 1);
    expect(single.length).toBeGreaterThan(graph.actors.filter((a) => a.source === 'demo').length / 2);
  });

  it('gives citizens groups the CITIZEN role and keeps them at the periphery', () => {
    const degree = neighbours();
    const groups = graph.actors.filter((a) => a.sector === 'CITIZENS');
    expect(groups.length).toBeGreaterThanOrEqual(10);
    for (const group of groups) {
      expect(group.kind).toBe('COLLECTIVE');
      const size = degree.get(group.id)?.size ?? 0;
      expect(size).toBeGreaterThanOrEqual(1);
      expect(size).toBeLessThanOrEqual(2);
      for (const p of graph.participations.filter((x) => x.actor === group.id)) expect(p.role).toBe('CITIZEN');
    }
    // Every other fictional stakeholder is connected too.
    for (const actor of graph.actors.filter((a) => a.source === 'demo')) expect(degree.has(actor.id)).toBe(true);
  });

  it('has departments working in silos and others working across operations', () => {
    const ops = operationsOf();
    const counts = graph.actors.filter((a) => a.kind === 'DEPARTMENT').map((d) => ops.get(d.id)?.size ?? 0);
    expect(counts.some((c) => c === 1)).toBe(true);
    expect(counts.some((c) => c >= 3)).toBe(true);
  });

  it('makes transversality grow over the years', () => {
    const isDept = (id: string) => actorById.get(id)?.kind === 'DEPARTMENT';
    const deptLinks = (year: number) =>
      graph.bonds.filter((b) => isDept(b.from) && isDept(b.to) && b.since !== null && Number(b.since.slice(0, 4)) <= year).length;
    expect(deptLinks(2011)).toBe(0);
    expect(deptLinks(2012)).toBeGreaterThan(0);
    expect(deptLinks(2015)).toBeGreaterThan(deptLinks(2013));
    const deptOperations = (year: number) =>
      graph.participations.filter((p) => isDept(p.actor) && p.since !== null && Number(p.since.slice(0, 4)) <= year).length;
    expect(deptOperations(2011)).toBe(6); // the lead departments of the six operations started in 2011
    expect(deptOperations(2015)).toBeGreaterThan(deptOperations(2013));
    expect(deptOperations(2013)).toBeGreaterThan(deptOperations(2012));
  });

  it('dates bonds and participations within the program years', () => {
    const years = new Set(graph.bonds.filter((b) => b.since).map((b) => b.since!.slice(0, 4)));
    expect(years.size).toBeGreaterThanOrEqual(4);
    for (const item of [...graph.bonds, ...graph.participations]) {
      for (const date of [item.since, item.until]) {
        if (date === null) continue;
        expect(date).toMatch(ISO_DATE);
        expect(date >= '2011-01-01' && date <= '2015-12-31').toBe(true);
      }
      if (item.since && item.until) expect(item.since < item.until).toBe(true);
    }
    for (const p of graph.participations) expect(p.since).not.toBeNull();
  });

  it('clusters bonds inside operations', () => {
    const ops = operationsOf();
    let inside = 0;
    for (const b of graph.bonds) {
      const a = ops.get(b.from);
      const c = ops.get(b.to);
      if (a && c && [...a].some((op) => c.has(op))) inside++;
    }
    expect(inside / graph.bonds.length).toBeGreaterThan(0.8);
  });
});
