/**
 * The demo graph: everything the program's description names (source 'tesr') plus ~240 fictional
 * stakeholders (source 'demo', tag 'fictional'), their participations in the 9 operations and the
 * bonds among them. Pure and deterministic: the same seed gives the same graph, ids included.
 */
import type {
  ActorKind,
  BondKind,
  DemoActor,
  DemoBond,
  DemoCommon,
  DemoEvent,
  DemoGraph,
  DemoIndicator,
  DemoOperation,
  DemoParticipation,
  ParticipationRole,
  Sector,
} from './demo.types';
import { createRng, dayOf, isoOf, stableId, type Rng } from './demo-random';
import { buildEvaluationData } from './demo-funding';
import { BROKERS, CASTS, FIRST_NAMES, SURNAMES, type Archetype } from './demo-stakeholders';
import {
  ASSISES,
  COMMONS,
  COUNCIL,
  DEPARTMENT_CONTRIBUTIONS,
  DEPARTMENTS,
  GOVERNANCE_BODIES,
  INDICATORS,
  NAMED_PEOPLE,
  OPERATIONS,
  PARTNER_ORGANIZATIONS,
  PROGRAM_END,
  PROGRAM_START,
  PROJECT_LEADS,
  type OperationCode,
  type OperationSpec,
} from './demo-tesr';
import { TERRITORIES, atPlace, ofPlace, territoryNamed, territoryOfInstitution, type Territory } from './demo-territories';

export const DEFAULT_DEMO_SEED = 20141016;

const FICTIONAL_NOTE = 'Acteur fictif (données de démonstration).';
const END_DAY = dayOf(PROGRAM_END);
const START_DAY = dayOf(PROGRAM_START);
/** Kinds whose direction carries no meaning: (a, b) and (b, a) are the same bond. */
const SYMMETRIC_KINDS: ReadonlySet<BondKind> = new Set<BondKind>(['COLLABORATES_WITH', 'CO_MANAGES']);

interface Member {
  actor: DemoActor;
  role: ParticipationRole;
  since: string;
  until: string | null;
}

interface BondOptions {
  since?: string | null;
  until?: string | null;
  weight?: number | null;
  description?: string | null;
  source?: string;
}

/** Builds the demo graph. */
export function buildDemoGraph(seed: number = DEFAULT_DEMO_SEED): DemoGraph {
  return new DemoGraphBuilder(createRng(seed)).build();
}

class DemoGraphBuilder {
  private readonly actors: DemoActor[] = [];
  private readonly actorByExternalId = new Map<string, DemoActor>();
  private readonly actorIndex = new Map<string, number>();
  private readonly bonds: DemoBond[] = [];
  private readonly bondKeys = new Set<string>();
  private readonly participations: DemoParticipation[] = [];
  private readonly members = new Map<OperationCode, Member[]>();
  private readonly operations = new Map<OperationCode, DemoOperation>();
  private readonly usedNames = new Set<string>();
  private readonly brokers = new Set<string>();
  private fictionalCount = 0;

  constructor(private readonly rng: Rng) {}

  build(): DemoGraph {
    this.addNamedActors();
    this.addOperations();
    this.addProjectLeads();
    this.addDepartmentParticipations();
    this.addFictionalStakeholders();
    this.addGovernanceBonds();
    for (const spec of OPERATIONS) this.addOperationBonds(spec);
    this.addDepartmentContributionBonds();
    this.addCrossOperationBonds();
    const graph = {
      actors: this.actors,
      bonds: this.bonds,
      operations: OPERATIONS.map((spec) => this.operation(spec.code)),
      participations: this.participations,
      commons: this.buildCommons(),
      indicators: this.buildIndicators(),
      events: this.buildEvents(),
    };
    return { ...graph, ...buildEvaluationData(graph) };
  }

  // ---- actors -------------------------------------------------------------------------------

  private addActor(input: {
    externalId: string;
    name: string;
    kind: ActorKind;
    sector: Sector;
    description: string | null;
    territory: string | null;
    tags: string[];
    source: string;
  }): DemoActor {
    if (this.actorByExternalId.has(input.externalId)) throw new Error(`duplicate actor ${input.externalId}`);
    if (this.usedNames.has(input.name)) throw new Error(`duplicate actor name ${input.name}`);
    const actor: DemoActor = {
      id: stableId('act', `actor:${input.externalId}`),
      name: input.name,
      kind: input.kind,
      sector: input.sector,
      description: input.description,
      territory: input.territory,
      tags: input.tags,
      source: input.source,
      externalId: input.externalId,
    };
    this.actorIndex.set(actor.id, this.actors.length);
    this.actors.push(actor);
    this.actorByExternalId.set(input.externalId, actor);
    this.usedNames.add(input.name);
    return actor;
  }

  private named(externalId: string): DemoActor {
    const actor = this.actorByExternalId.get(externalId);
    if (!actor) throw new Error(`unknown actor ${externalId}`);
    return actor;
  }

  private department(key: string): DemoActor {
    return this.named(`tesr:dept:${key}`);
  }

  private projectLead(code: OperationCode): DemoActor {
    return this.named(`demo:lead:${code.toLowerCase().replace(/_/g, '-')}`);
  }

  private addNamedActors(): void {
    this.addActor({
      externalId: `tesr:${COUNCIL.key}`,
      name: COUNCIL.name,
      kind: 'ORGANIZATION',
      sector: 'PUBLIC_ADMINISTRATION',
      description: COUNCIL.description,
      territory: COUNCIL.territory,
      tags: ['council', 'tesr'],
      source: 'tesr',
    });
    for (const dept of DEPARTMENTS) {
      this.addActor({
        externalId: `tesr:dept:${dept.key}`,
        name: dept.name,
        kind: 'DEPARTMENT',
        sector: 'PUBLIC_ADMINISTRATION',
        description: dept.description,
        territory: COUNCIL.territory,
        tags: ['department', 'tesr'],
        source: 'tesr',
      });
    }
    for (const body of GOVERNANCE_BODIES) {
      this.addActor({
        externalId: `tesr:body:${body.key}`,
        name: body.name,
        kind: 'GOVERNANCE_BODY',
        sector: body.sector,
        description: body.description,
        territory: COUNCIL.territory,
        tags: [...body.tags, 'tesr'],
        source: 'tesr',
      });
    }
    for (const person of NAMED_PEOPLE) {
      this.addActor({
        externalId: `tesr:person:${person.key}`,
        name: person.name,
        kind: 'PERSON',
        sector: person.sector,
        description: person.description,
        territory: null,
        tags: [...person.tags, 'tesr'],
        source: 'tesr',
      });
    }
    for (const org of PARTNER_ORGANIZATIONS) {
      this.addActor({
        externalId: `tesr:org:${org.key}`,
        name: org.name,
        kind: 'ORGANIZATION',
        sector: org.sector,
        description: org.description,
        territory: 'Bassin minier',
        tags: [...org.tags, 'tesr'],
        source: 'tesr',
      });
    }
  }

  private addProjectLeads(): void {
    for (const lead of PROJECT_LEADS) {
      const spec = operationSpec(lead.operation);
      const actor = this.addActor({
        externalId: `demo:lead:${lead.operation.toLowerCase().replace(/_/g, '-')}`,
        name: lead.name,
        kind: 'PERSON',
        sector: 'PUBLIC_ADMINISTRATION',
        description: `${lead.feminine ? 'Cheffe' : 'Chef'} de projet de l'opération « ${spec.name} », en transversalité avec les autres directions. Personnage fictif (données de démonstration).`,
        territory: 'Métropole lilloise',
        tags: ['fictional', 'project-lead'],
        source: 'demo',
      });
      this.participate(actor, lead.operation, 'PROJECT_LEAD', spec.start, null);
    }
  }

  private addDepartmentParticipations(): void {
    for (const spec of OPERATIONS) {
      this.participate(this.department(spec.leadDepartment), spec.code, 'LEAD_DEPARTMENT', spec.start, null);
    }
    for (const contribution of DEPARTMENT_CONTRIBUTIONS) {
      this.participate(this.department(contribution.department), contribution.operation, 'CONTRIBUTOR', contribution.since, null);
    }
    const euralensStart = operationSpec('EURALENS_LOUVRE').start;
    this.participate(this.named('tesr:org:euralens'), 'EURALENS_LOUVRE', 'PARTNER', euralensStart, null);
    this.participate(this.named('tesr:org:louvre-lens'), 'EURALENS_LOUVRE', 'PARTNER', euralensStart, null);
  }

  private addFictionalStakeholders(): void {
    for (const spec of OPERATIONS) {
      for (const archetype of CASTS[spec.code]) {
        for (let i = 0; i < archetype.count; i++) {
          const actor = this.addFictional(archetype, i, archetype.territories ?? spec.territories);
          const since = this.joinDate(spec.start);
          this.participate(actor, spec.code, this.rng.pick(archetype.roles), since, this.leaveDate(since));
        }
      }
    }
    // Brokers: cross-cutting networks and funders joining 3 or 4 operations, one after another.
    for (const broker of BROKERS) {
      const actor = this.addFictional(broker, 0, broker.territories ?? ['Métropole lilloise']);
      this.brokers.add(actor.id);
      const count = Math.min(broker.operations.length, this.rng.int(3, 4));
      const codes = this.rng.sample(broker.operations, count);
      let earliest = START_DAY;
      for (const code of codes) {
        const start = Math.max(dayOf(operationSpec(code).start), earliest);
        const since = start + this.rng.int(0, 240);
        this.participate(actor, code, this.rng.pick(broker.roles), isoOf(since), null);
        earliest = since + 60;
      }
    }
    // A few ordinary stakeholders also join a second operation, later on.
    const candidates = this.actors.filter(
      (a) => a.source === 'demo' && a.sector !== 'CITIZENS' && !a.tags.includes('project-lead') && !this.brokers.has(a.id),
    );
    for (const actor of this.rng.sample(candidates, 10)) {
      const own = new Set(this.operationsOf(actor.id));
      const code = this.rng.pick(OPERATIONS.filter((o) => !own.has(o.code))).code;
      const role: ParticipationRole = actor.sector === 'RESEARCH' ? 'EXPERT' : this.rng.pick(['PARTNER', 'CONTRIBUTOR'] as const);
      const since = Math.max(dayOf(operationSpec(code).start), dayOf('2013-01-01')) + this.rng.int(0, 700);
      this.participate(actor, code, role, isoOf(Math.min(since, END_DAY - 60)), null);
      this.brokers.add(actor.id);
    }
  }

  private addFictional(archetype: Archetype, index: number, territories: readonly string[]): DemoActor {
    this.fictionalCount += 1;
    const externalId = `demo:${String(this.fictionalCount).padStart(4, '0')}`;
    // Random draws first; if the archetype's territories are used up, any territory will do.
    const fallback = TERRITORIES.flatMap((t) => t.places.map((place) => [t.name, place] as const));
    for (let attempt = 0; attempt < 60 + fallback.length; attempt++) {
      const [territoryName, randomPlace] = attempt < 60 ? [this.rng.pick(territories), null] : (fallback[attempt - 60] as readonly [string, string]);
      const territory = territoryNamed(territoryName);
      const place = randomPlace ?? this.rng.pick(territory.places);
      const feminine = this.rng.chance(0.5);
      const name =
        archetype.kind === 'PERSON'
          ? `${this.rng.pick(feminine ? FIRST_NAMES.feminine : FIRST_NAMES.masculine)} ${this.rng.pick(SURNAMES)}`
          : render(archetype.names[index % archetype.names.length] as string, territory, place, feminine);
      if (this.usedNames.has(name)) continue;
      const description = `${render(archetype.description, territory, place, feminine)} ${FICTIONAL_NOTE}`;
      return this.addActor({
        externalId,
        name,
        kind: archetype.kind,
        sector: archetype.sector,
        description,
        territory: territoryOfInstitution(name) ?? territory.name,
        tags: ['fictional', ...archetype.tags],
        source: 'demo',
      });
    }
    throw new Error(`no free name for ${archetype.names[0] ?? archetype.kind}`);
  }

  /** Most stakeholders join in the operation's first months; the others over the years. */
  private joinDate(operationStart: string): string {
    const start = dayOf(operationStart);
    const latest = dayOf('2015-06-30');
    const day = this.rng.chance(0.55) ? start + this.rng.int(0, 300) : start + this.rng.int(0, Math.max(0, latest - start));
    return isoOf(Math.min(day, latest));
  }

  private leaveDate(since: string): string | null {
    if (!this.rng.chance(0.1)) return null;
    const day = dayOf(since) + this.rng.int(365, 900);
    return day < END_DAY - 30 ? isoOf(day) : null;
  }

  private participate(actor: DemoActor, code: OperationCode, role: ParticipationRole, since: string, until: string | null): void {
    this.participations.push({
      id: stableId('prt', `participation:${actor.externalId}:${code}:${role}`),
      actor: actor.id,
      operation: this.operation(code).id,
      role,
      since,
      until,
    });
    const list = this.members.get(code) ?? [];
    list.push({ actor, role, since, until });
    this.members.set(code, list);
  }

  private operationsOf(actorId: string): OperationCode[] {
    return OPERATIONS.filter((o) => (this.members.get(o.code) ?? []).some((m) => m.actor.id === actorId)).map((o) => o.code);
  }

  // ---- operations -----------------------------------------------------------------------------

  private addOperations(): void {
    for (const spec of OPERATIONS) {
      this.operations.set(spec.code, {
        id: stableId('op', `operation:${spec.code}`),
        code: spec.code,
        name: spec.name,
        description: spec.description,
        commons: [...spec.commons],
      });
    }
  }

  private operation(code: OperationCode): DemoOperation {
    const op = this.operations.get(code);
    if (!op) throw new Error(`unknown operation ${code}`);
    return op;
  }

  // ---- bonds ----------------------------------------------------------------------------------

  private addBond(kind: BondKind, from: DemoActor, to: DemoActor, options: BondOptions = {}): boolean {
    if (from.id === to.id) return false;
    const key = `${from.id}|${kind}|${to.id}`;
    if (this.bondKeys.has(key) || (SYMMETRIC_KINDS.has(kind) && this.bondKeys.has(`${to.id}|${kind}|${from.id}`))) return false;
    this.bondKeys.add(key);
    const source = options.source ?? 'demo';
    const externalId = `${source}:bond:${localKey(from)}:${kind.toLowerCase()}:${localKey(to)}`;
    this.bonds.push({
      id: stableId('bnd', `bond:${externalId}`),
      kind,
      from: from.id,
      to: to.id,
      weight: options.weight ?? null,
      since: options.since ?? null,
      until: options.until ?? null,
      description: options.description ?? null,
      source,
      externalId,
    });
    return true;
  }

  /** Bonds stated or implied by the seed: the council's units, bodies and people. */
  private addGovernanceBonds(): void {
    const council = this.named('tesr:council');
    const commission = this.named('tesr:body:commission');
    const steering = this.named('tesr:body:steering-committee');
    const animation = this.named('tesr:body:animation-team');
    const scientific = this.named('tesr:body:scientific-committee');
    const caron = this.named('tesr:person:jean-francois-caron');
    const tesr = { source: 'tesr' };
    for (const dept of DEPARTMENTS) {
      this.addBond('MEMBER_OF', this.department(dept.key), council, { ...tesr, description: 'Direction du Conseil régional' });
    }
    this.addBond('MEMBER_OF', commission, council, { ...tesr, description: 'Commission politique du Conseil régional' });
    this.addBond('MEMBER_OF', steering, council, tesr);
    this.addBond('MEMBER_OF', animation, council, tesr);
    this.addBond('MEMBER_OF', caron, commission, { ...tesr, weight: 5, description: 'Président de la commission' });
    this.addBond('REPRESENTS', caron, commission, { ...tesr, description: 'Président de la commission' });
    this.addBond('COLLABORATES_WITH', this.named('tesr:person:laurent-bernier'), caron, { ...tesr, weight: 5, description: 'Assistant de Jean-François Caron' });
    for (const key of ['jean-gadrey', 'laurent-cordonnier', 'helene-melin']) {
      this.addBond('MEMBER_OF', this.named(`tesr:person:${key}`), scientific, { ...tesr, description: 'Membre du comité scientifique et technique' });
    }
    this.addBond('ADVISES', scientific, commission, { ...tesr, since: '2011-06-01' });
    this.addBond('ADVISES', scientific, animation, { since: '2011-06-01', weight: 3 });
    this.addBond('INFORMS', animation, commission, { since: PROGRAM_START, weight: 4 });
    this.addBond('INFORMS', steering, commission, { since: PROGRAM_START, weight: 3 });
    this.addBond('COLLABORATES_WITH', animation, steering, { since: PROGRAM_START, weight: 4 });
    this.addBond('FUNDS', council, this.named('tesr:org:euralens'), { since: '2011-02-01', description: 'Soutien régional à la dynamique Euralens' });
    this.addBond('FUNDS', council, this.named('tesr:org:louvre-lens'), { since: '2011-02-01', description: 'Participation régionale au Louvre-Lens' });
    this.addBond('COLLABORATES_WITH', this.named('tesr:org:euralens'), this.named('tesr:org:louvre-lens'), { since: '2011-06-01', weight: 4 });
    for (const spec of OPERATIONS) {
      const lead = this.projectLead(spec.code);
      const dept = this.department(spec.leadDepartment);
      this.addBond('MEMBER_OF', lead, dept, { since: spec.start, description: 'Chef de projet rattaché à la direction pilote' });
      this.addBond('COLLABORATES_WITH', lead, animation, { since: spec.start, weight: 3 });
      this.addBond('INFORMS', dept, steering, { since: spec.start, weight: 2 });
    }
  }

  /** The collaboration space of one operation: a dense cluster around its project lead. */
  private addOperationBonds(spec: OperationSpec): void {
    const rng = this.rng;
    const members = this.members.get(spec.code) ?? [];
    const lead = this.projectLead(spec.code);
    const dept = this.department(spec.leadDepartment);
    const leadMember = members.find((m) => m.actor.id === lead.id) as Member;
    const deptMember = members.find((m) => m.actor.id === dept.id) as Member;
    const external = members.filter((m) => m.actor.kind !== 'DEPARTMENT' && m.actor.id !== lead.id);
    const core = external.filter((m) => m.actor.sector !== 'CITIZENS');
    const citizensGroups = external.filter((m) => m.actor.sector === 'CITIZENS');
    const bonded = new Set<string>();
    const bond = (kind: BondKind, a: Member, b: Member, options: BondOptions = {}): boolean => {
      const window = this.window(a, b);
      if (!window) return false;
      if (!this.addBond(kind, a.actor, b.actor, { ...window, weight: rng.chance(0.6) ? rng.int(1, 5) : null, ...options })) return false;
      bonded.add(a.actor.id).add(b.actor.id);
      return true;
    };

    // The project lead works with about half of the stakeholders.
    for (const m of core) if (rng.chance(0.45)) bond('COLLABORATES_WITH', leadMember, m, { weight: rng.int(3, 5) });
    this.addBond('COLLABORATES_WITH', lead, dept, { since: spec.start, weight: 5 });

    // The lead department funds beneficiaries and some partners.
    for (const m of core) {
      const p = m.role === 'BENEFICIARY' ? 0.8 : m.role === 'PARTNER' && m.actor.sector !== 'RESEARCH' ? 0.2 : 0;
      if (rng.chance(p)) bond('FUNDS', deptMember, m, { description: 'Subvention régionale' });
    }
    // Funders fund a few stakeholders.
    const fundable = core.filter((m) => m.actor.sector !== 'RESEARCH' && m.role !== 'FUNDER');
    for (const funder of core.filter((m) => m.role === 'FUNDER')) {
      for (const m of rng.sample(fundable, rng.int(2, 4))) bond('FUNDS', funder, m, { description: 'Financement' });
    }
    // Research advises the project lead and a few stakeholders.
    for (const expert of core.filter((m) => m.role === 'EXPERT')) {
      if (rng.chance(0.7)) bond('ADVISES', expert, leadMember, { description: 'Appui scientifique et technique' });
      for (const m of rng.sample(core, rng.int(1, 3))) bond('ADVISES', expert, m);
    }
    // Value chains: producers → processors → distributors → eaters.
    this.addValueChain(core, bond, spec.code === 'FOREST_WOOD' ? 'Fourniture de bois' : 'Approvisionnement en produits locaux');
    // Public bodies contract with firms.
    const firms = core.filter((m) => m.actor.sector === 'ECONOMIC' && m.actor.kind === 'ORGANIZATION');
    for (const pub of core.filter((m) => m.actor.sector === 'POLITICAL')) {
      if (firms.length > 0 && rng.chance(0.65)) {
        for (const firm of rng.sample(firms, rng.int(1, 2))) bond('CONTRACTS_WITH', pub, firm, { description: 'Marché public' });
      }
    }
    // Commons are co-managed where the operation stewards a shared resource.
    const managers = core.filter((m) => m.actor.kind !== 'PERSON' && m.actor.sector !== 'RESEARCH');
    const coManaged = spec.commons.includes('WATER') ? (spec.code === 'WATER_AUDOMAROIS' ? 10 : 3) : spec.commons.includes('FOREST') ? 6 : 1;
    for (let i = 0; i < coManaged && managers.length > 1; i++) {
      const [a, b] = rng.sample(managers, 2) as [Member, Member];
      bond('CO_MANAGES', a, b, { description: `Gestion partagée : ${spec.name}` });
    }
    // Everyday collaboration, favouring brokers and same-sector ties.
    const target = Math.round(core.length * 1.4);
    const weightOf = (m: Member): number => (this.brokers.has(m.actor.id) ? 3 : 1) * (m.actor.kind === 'PERSON' ? 0.6 : 1);
    for (let made = 0, attempts = 0; made < target && attempts < target * 20; attempts++) {
      const a = rng.weighted(core, weightOf);
      const b = rng.weighted(core, weightOf);
      if (a.actor.sector !== b.actor.sector && !rng.chance(0.55)) continue;
      if (bond('COLLABORATES_WITH', a, b)) made++;
    }
    // Nobody in the collaboration space is left without a tie.
    for (const m of core.filter((c) => !bonded.has(c.actor.id))) {
      for (const partner of [leadMember, ...rng.shuffle(core)]) if (bond('COLLABORATES_WITH', partner, m)) break;
    }
    // Citizens' groups stay at the periphery: one or two ties.
    const relays = core.filter((m) => m.actor.sector === 'CIVIL_SOCIETY' || m.actor.sector === 'POLITICAL');
    for (const group of citizensGroups) {
      const first = rng.chance(0.5) || relays.length === 0 ? leadMember : rng.pick(relays);
      bond(first === leadMember ? 'INFORMS' : 'COLLABORATES_WITH', first, group, { weight: rng.int(1, 2) });
      if (relays.length > 0 && rng.chance(0.4)) {
        const second = rng.pick(relays);
        bond(second.actor.sector === 'POLITICAL' ? 'INFORMS' : 'COLLABORATES_WITH', second, group, { weight: 1 });
      }
    }
  }

  private addValueChain(core: Member[], bond: (kind: BondKind, a: Member, b: Member, options?: BondOptions) => boolean, description: string): void {
    const stage = (name: string): Member[] => core.filter((m) => m.actor.tags.includes(`value-chain:${name}`));
    const [producers, processors, distributors, eaters] = [stage('producer'), stage('processor'), stage('distributor'), stage('eater')];
    const link = (from: Member[], to: Member[], min: number, max: number): void => {
      if (to.length === 0) return;
      for (const supplier of from) {
        for (const client of this.rng.sample(to, this.rng.int(min, max))) bond('SUPPLIES', supplier, client, { description });
      }
    };
    link(producers, processors, 1, 2);
    link(producers, distributors, 0, 2);
    link(processors, distributors, 1, 2);
    link(distributors, eaters, 1, 3);
    link(processors, eaters, 0, 1);
  }

  /** When a tie between two members of an operation can exist; null when their periods barely overlap. */
  private window(a: Member, b: Member): { since: string; until: string | null } | null {
    const lo = Math.max(dayOf(a.since), dayOf(b.since));
    const hi = Math.min(a.until ? dayOf(a.until) : END_DAY, b.until ? dayOf(b.until) : END_DAY);
    if (hi - lo < 30) return null;
    const since = lo + Math.floor(this.rng.next() ** 1.5 * Math.min(hi - lo - 1, 600));
    if (hi < END_DAY && this.rng.chance(0.8)) return { since: isoOf(since), until: isoOf(hi) };
    if (this.rng.chance(0.07)) {
      const until = since + this.rng.int(180, 720);
      if (until < END_DAY) return { since: isoOf(since), until: isoOf(until) };
    }
    return { since: isoOf(since), until: null };
  }

  /** Departments contributing to other departments' operations: the later, cross-department ties. */
  private addDepartmentContributionBonds(): void {
    for (const contribution of DEPARTMENT_CONTRIBUTIONS) {
      const spec = operationSpec(contribution.operation);
      const dept = this.department(contribution.department);
      const sinceDay = dayOf(contribution.since);
      const later = (max: number): string => isoOf(Math.min(sinceDay + this.rng.int(0, max), END_DAY - 1));
      this.addBond('COLLABORATES_WITH', dept, this.department(spec.leadDepartment), {
        since: later(90),
        weight: this.rng.int(2, 4),
        description: `Travail transversal sur l'opération « ${spec.name} »`,
      });
      this.addBond('COLLABORATES_WITH', dept, this.projectLead(spec.code), { since: later(60), weight: this.rng.int(2, 5) });
      const fundable = (this.members.get(spec.code) ?? []).filter(
        (m) => m.actor.source === 'demo' && m.actor.sector !== 'CITIZENS' && m.actor.sector !== 'PUBLIC_ADMINISTRATION' && (m.until === null || dayOf(m.until) > sinceDay + 120),
      );
      for (const m of this.rng.sample(fundable, this.rng.int(1, 2))) {
        this.addBond('FUNDS', dept, m.actor, { since: isoOf(Math.max(sinceDay, dayOf(m.since)) + this.rng.int(30, 120)), until: m.until, description: 'Cofinancement' });
      }
    }
  }

  /** A few ties across operations appear as the program matures. */
  private addCrossOperationBonds(): void {
    const pool = this.actors.filter((a) => a.source === 'demo' && a.sector !== 'CITIZENS' && !a.tags.includes('project-lead'));
    const firstOp = new Map<string, OperationCode>();
    for (const code of OPERATIONS.map((o) => o.code)) {
      for (const m of this.members.get(code) ?? []) if (!firstOp.has(m.actor.id)) firstOp.set(m.actor.id, code);
    }
    for (let made = 0, attempts = 0; made < 18 && attempts < 500; attempts++) {
      const a = this.rng.pick(pool);
      const b = this.rng.pick(pool);
      if (firstOp.get(a.id) === firstOp.get(b.id)) continue;
      const since = isoOf(dayOf('2013-06-01') + this.rng.int(0, END_DAY - dayOf('2013-06-01') - 30));
      if (this.addBond('COLLABORATES_WITH', a, b, { since, weight: this.rng.int(1, 3), description: 'Coopération entre opérations' })) made++;
    }
    // Project leads start meeting each other from 2013 on.
    const leads = OPERATIONS.map((o) => this.projectLead(o.code));
    for (let i = 0; i < leads.length; i++) {
      for (let j = i + 1; j < leads.length; j++) {
        if (!this.rng.chance(0.25)) continue;
        const since = isoOf(dayOf('2013-01-01') + this.rng.int(0, 1000));
        this.addBond('COLLABORATES_WITH', leads[i] as DemoActor, leads[j] as DemoActor, { since, weight: this.rng.int(1, 3), description: 'Échanges entre chefs de projet' });
      }
    }
  }

  // ---- commons, indicators, events ------------------------------------------------------------

  private buildCommons(): DemoCommon[] {
    return COMMONS.map((common) => {
      const specs = OPERATIONS.filter((o) => o.commons.includes(common.code));
      const stewards = new Set<string>(specs.map((o) => this.department(o.leadDepartment).id));
      if (common.code === 'CULTURE') {
        stewards.add(this.named('tesr:org:euralens').id);
        stewards.add(this.named('tesr:org:louvre-lens').id);
      }
      const eligible = uniqueActors(
        specs.flatMap((o) => this.members.get(o.code) ?? []).map((m) => m.actor),
      ).filter((a) => a.source === 'demo' && a.kind !== 'PERSON' && ['POLITICAL', 'CIVIL_SOCIETY', 'CITIZENS'].includes(a.sector));
      for (const actor of this.rng.sample(eligible, this.rng.int(2, 4))) stewards.add(actor.id);
      return {
        id: stableId('com', `common:${common.code}`),
        code: common.code,
        name: common.name,
        nameEn: common.nameEn,
        description: common.description,
        stewards: this.inActorOrder([...stewards]),
      };
    });
  }

  private buildIndicators(): DemoIndicator[] {
    return INDICATORS.map((spec) => {
      let value = spec.value ?? null;
      if (value === null && spec.target !== null) {
        const raw = spec.target * (0.35 + 0.5 * this.rng.next());
        value = spec.target >= 10000 ? Math.round(raw / 100) * 100 : Math.round(raw);
      }
      return {
        id: stableId('ind', `indicator:${spec.operation}:${spec.key}`),
        operation: this.operation(spec.operation).id,
        name: spec.name,
        unit: spec.unit,
        value,
        target: spec.target,
        date: spec.date,
      };
    });
  }

  private buildEvents(): DemoEvent[] {
    const core = [
      'tesr:council',
      'tesr:body:commission',
      'tesr:body:steering-committee',
      'tesr:body:animation-team',
      'tesr:body:scientific-committee',
      'tesr:person:jean-francois-caron',
      'tesr:person:laurent-bernier',
      'tesr:person:jean-gadrey',
      'tesr:person:laurent-cordonnier',
      'tesr:person:helene-melin',
      'tesr:org:euralens',
      'tesr:org:louvre-lens',
    ].map((externalId) => this.named(externalId).id);
    return ASSISES.map((assises) => {
      const day = dayOf(assises.date);
      const involved = this.participations.filter((p) => dayOf(p.since ?? PROGRAM_START) <= day).map((p) => p.actor);
      const internal = involved.filter((id) => {
        const actor = this.actors[this.actorIndex.get(id) as number] as DemoActor;
        return actor.kind === 'DEPARTMENT' || actor.tags.includes('project-lead');
      });
      const fictional = [...new Set(involved)].filter((id) => {
        const actor = this.actors[this.actorIndex.get(id) as number] as DemoActor;
        return actor.source === 'demo' && !actor.tags.includes('project-lead');
      });
      const attendees = new Set<string>([...core, ...internal, ...this.rng.sample(fictional, assises.fictionalAttendees)]);
      return {
        id: stableId('evt', `event:${assises.key}`),
        name: assises.name,
        date: assises.date,
        location: assises.location,
        attendees: this.inActorOrder([...attendees]),
      };
    });
  }

  private inActorOrder(ids: string[]): string[] {
    return ids.sort((a, b) => (this.actorIndex.get(a) ?? 0) - (this.actorIndex.get(b) ?? 0));
  }
}

function operationSpec(code: OperationCode): OperationSpec {
  const spec = OPERATIONS.find((o) => o.code === code);
  if (!spec) throw new Error(`unknown operation ${code}`);
  return spec;
}

/** The part of an externalId after its source: 'tesr:dept:health' → 'dept:health'. */
function localKey(actor: DemoActor): string {
  const externalId = actor.externalId ?? actor.id;
  return externalId.slice(externalId.indexOf(':') + 1);
}

function uniqueActors(actors: DemoActor[]): DemoActor[] {
  const seen = new Set<string>();
  return actors.filter((a) => (seen.has(a.id) ? false : (seen.add(a.id), true)));
}

function render(template: string, territory: Territory, place: string, feminine: boolean): string {
  return template
    .replace(/\{f:([^|}]*)\|([^}]*)\}/g, (_, masculine: string, fem: string) => (feminine ? fem : masculine))
    .replace(/\{ofP\}/g, ofPlace(place))
    .replace(/\{atP\}/g, atPlace(place))
    .replace(/\{of\}/g, territory.of)
    .replace(/\{T\}/g, territory.name)
    .replace(/\{P\}/g, place);
}
