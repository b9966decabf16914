/**
 * A deterministic synthetic TESR-like network for the GraphQL benchmark: actors with French-ish
 * names and descriptions (for full-text search), a skewed degree spread (a few hubs, many actors
 * with a handful of bonds), the 9 operations, 12 commons, every actor in 1-3 operations.
 */
import { rng } from '../stack';

export const SECTORS = ['ECONOMIC', 'CIVIL_SOCIETY', 'POLITICAL', 'RESEARCH', 'PUBLIC_ADMINISTRATION', 'CITIZENS'] as const;
const SECTOR_WEIGHTS = [30, 25, 15, 10, 10, 10];
export const OPERATION_CODES = [
  'FOOD_GOVERNANCE',
  'FOREST_WOOD',
  'WATER_AUDOMAROIS',
  'ENERGY_STRATEGY',
  'DIABETES',
  'HOUSING_RETROFIT',
  'EURALENS_LOUVRE',
  'HIGH_SCHOOL_3M',
  'NUCLEAR_DISMANTLING',
] as const;
const OPERATION_NAMES = [
  'Gouvernance alimentaire',
  'Forêt-bois',
  "Eau dans l'Audomarois",
  'Stratégie énergétique',
  'Diabète et santé',
  'Réhabilitation thermique des logements',
  'Euralens et Louvre-Lens',
  'Lycées de la 3e révolution industrielle',
  'Démantèlement nucléaire',
];
/** Operation popularity: some gather far more stakeholders than others. */
const OPERATION_WEIGHTS = [18, 14, 10, 16, 8, 12, 9, 8, 5];
const COMMONS: [string, string, string][] = [
  ['WATER', 'Eau', 'Water'],
  ['AIR', 'Air', 'Air'],
  ['FOOD', 'Alimentation', 'Food'],
  ['GENDER_EQUALITY', 'Égalité femmes-hommes', 'Gender equality'],
  ['BIODIVERSITY', 'Biodiversité', 'Biodiversity'],
  ['ENERGY', 'Énergie', 'Energy'],
  ['HEALTH', 'Santé', 'Health'],
  ['HOUSING', 'Logement', 'Housing'],
  ['FOREST', 'Forêt', 'Forest'],
  ['CULTURE', 'Culture', 'Culture'],
  ['CLIMATE', 'Climat', 'Climate'],
  ['EDUCATION', 'Éducation', 'Education'],
];
const SERVES: Record<string, string[]> = {
  FOOD_GOVERNANCE: ['FOOD', 'HEALTH', 'CLIMATE'],
  FOREST_WOOD: ['FOREST', 'BIODIVERSITY', 'CLIMATE'],
  WATER_AUDOMAROIS: ['WATER', 'BIODIVERSITY'],
  ENERGY_STRATEGY: ['ENERGY', 'CLIMATE', 'AIR'],
  DIABETES: ['HEALTH', 'FOOD'],
  HOUSING_RETROFIT: ['HOUSING', 'ENERGY'],
  EURALENS_LOUVRE: ['CULTURE', 'EDUCATION'],
  HIGH_SCHOOL_3M: ['EDUCATION', 'ENERGY', 'GENDER_EQUALITY'],
  NUCLEAR_DISMANTLING: ['ENERGY', 'HEALTH'],
};
export const ROLES = ['LEAD_DEPARTMENT', 'PROJECT_LEAD', 'PARTNER', 'FUNDER', 'CONTRIBUTOR', 'BENEFICIARY', 'EXPERT', 'CITIZEN'] as const;
const BOND_KINDS = ['COLLABORATES_WITH', 'FUNDS', 'SUPPLIES', 'ADVISES', 'MEMBER_OF', 'REPRESENTS', 'CO_MANAGES', 'CONTRACTS_WITH', 'INFORMS'];
const BOND_KIND_WEIGHTS = [35, 8, 10, 10, 6, 5, 8, 10, 8];
const SYMMETRIC = new Set(['COLLABORATES_WITH', 'CO_MANAGES']);

const PLACES = [
  'Arras', 'Lens', 'Liévin', 'Béthune', 'Douai', 'Valenciennes', 'Cambrai', 'Saint-Omer', 'Boulogne-sur-Mer', 'Calais',
  'Dunkerque', 'Lille', 'Roubaix', 'Tourcoing', 'Maubeuge', 'Avesnes', 'Hesdin', 'Montreuil', 'Bapaume', 'Aire-sur-la-Lys',
  'Hazebrouck', 'Armentières', 'Carvin', 'Hénin-Beaumont', 'Bruay-la-Buissière', 'Fourmies', 'Le Quesnoy', 'Étaples',
];
const TERRITORIES = ['Artois', 'Audomarois', 'Bassin minier', 'Ternois', 'Boulonnais', 'Calaisis', 'Flandre', 'Avesnois', 'Cambrésis', 'Hainaut', 'Métropole lilloise', 'Montreuillois'];
const TOPICS: Record<string, string[]> = {
  ECONOMIC: ['agricole', 'maraîchère', 'du bois', 'forestière', 'énergétique', 'du bâtiment', 'laitière', 'solaire', 'de la rénovation', 'artisanale', 'alimentaire', 'de la menuiserie'],
  CIVIL_SOCIETY: ['pour la forêt', "de l'eau", 'solidaire', 'pour la santé', 'des jardins partagés', "de l'énergie citoyenne", 'du logement', 'culturelle', "pour l'égalité", 'environnementale', 'de prévention du diabète', 'des familles'],
  POLITICAL: ['', '', '', ''],
  RESEARCH: ['en écologie forestière', "en sciences de l'eau", 'en énergie', 'en santé publique', 'en économie sociale', 'en sociologie', 'en agronomie', 'en génie thermique'],
  PUBLIC_ADMINISTRATION: ["de l'eau", 'de la forêt', 'de la santé', 'du logement', "de l'énergie", 'de la culture', 'des lycées', "de l'alimentation"],
  CITIZENS: ['du quartier', 'des habitants', 'des riverains', 'des parents', 'des jardiniers', 'pour le climat', "de l'énergie", 'de la forêt'],
};
const PREFIXES: Record<string, string[]> = {
  ECONOMIC: ['Coopérative', 'Entreprise', 'Scierie', 'Ferme', 'Société', 'Atelier', 'Groupement', 'Chambre', 'Fédération', 'Menuiserie'],
  CIVIL_SOCIETY: ['Association', 'Collectif', 'Fédération', 'Réseau', 'Maison', 'Fondation', 'Union'],
  POLITICAL: ['Commune de', 'Communauté de communes de', "Communauté d'agglomération de", 'Syndicat mixte de', 'Pays de'],
  RESEARCH: ['Laboratoire', 'Université', 'Institut', 'Centre de recherche', 'Observatoire', 'École'],
  PUBLIC_ADMINISTRATION: ['Direction', 'Agence', 'Service', 'Établissement public', 'Lycée', 'Office'],
  CITIZENS: ['Collectif', 'Comité', 'Conseil citoyen', 'Groupe', 'Atelier citoyen'],
};
const FIRST = ['Marie', 'Jean', 'Pierre', 'Sophie', 'Isabelle', 'Nicolas', 'Hélène', 'François', 'Élodie', 'Mathieu', 'Céline', 'Laurent', 'Aurélie', 'Julien', 'Chloé', 'Benoît', 'Léa', 'Grégory', 'Amélie', 'Stéphane'];
const LAST = ['Dupont', 'Lefebvre', 'Lemaire', 'Dubois', 'Delattre', 'Deschamps', 'Lefèvre', 'Vasseur', 'Caron', 'Leroy', 'Dumont', 'Duhamel', 'Bécourt', 'Wattel', 'Delmotte', 'Leclercq', 'Hennebelle', 'Wilmotte', 'Dewailly', 'Carpentier'];
const DESCRIPTIONS = [
  'Acteur engagé dans la transition écologique et sociale du territoire {of}.',
  'Travaille sur la gestion durable de la forêt et la filière bois {of}.',
  "Agit pour la qualité de l'eau et la préservation des zones humides {of}.",
  'Accompagne la rénovation énergétique des logements {of}.',
  'Développe les circuits courts et une alimentation de qualité {of}.',
  'Mène des actions de prévention en santé, notamment du diabète, {of}.',
  "Promeut l'égalité entre les femmes et les hommes {of}.",
  'Soutient la culture et l’éducation populaire {of}.',
  'Contribue à la stratégie énergétique régionale et aux énergies renouvelables {of}.',
  "Forme les jeunes aux métiers de l'économie verte {of}.",
];
const TAGS = ['fictional', 'value-chain:producer', 'value-chain:processor', 'value-chain:distributor', 'network:head', 'esr', 'insertion', 'rural', 'urban', 'cooperative'];

export interface BenchActor {
  id: string;
  name: string;
  kind: string;
  sector: string;
  description: string | null;
  territory: string | null;
  tags: string[];
  source: string;
  externalId: string;
}
export interface BenchBond {
  id: string;
  kind: string;
  from: string;
  to: string;
  directed: boolean;
  weight: number | null;
  since: string | null;
  until: string | null;
  description: string | null;
  source: string;
  externalId: string;
}
export interface BenchParticipation {
  id: string;
  actor: string;
  operation: string;
  role: string;
  since: string | null;
  until: string | null;
}
export interface BenchOperation {
  id: string;
  code: string;
  name: string;
  description: string;
  commons: string[];
}
export interface BenchCommon {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  description: string;
}
export interface BenchGraph {
  actors: BenchActor[];
  bonds: BenchBond[];
  participations: BenchParticipation[];
  operations: BenchOperation[];
  commons: BenchCommon[];
  /** Bond count of every actor (index-aligned with `actors`). */
  degree: number[];
}

function pickWeighted(rand: () => number, weights: number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = rand() * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i];
    if (x < 0) return i;
  }
  return weights.length - 1;
}

const hex = (rand: () => number, n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(rand() * 16).toString(16);
  return s;
};

const of = (place: string): string => (/^[AEIOUÉÈÊHaeiouéèêh]/.test(place) ? `d'${place}` : `de ${place}`);

const date = (rand: () => number, fromYear: number, toYear: number): string => {
  const y = fromYear + Math.floor(rand() * (toYear - fromYear + 1));
  const m = 1 + Math.floor(rand() * 12);
  const d = 1 + Math.floor(rand() * 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};

/** The same arguments always give the same graph. */
const maxDay = (a: string, b: string): string => (b < a ? a : b);

export function generateGraph(nActors: number, nBonds: number, seed = 2011): BenchGraph {
  const rand = rng(seed);
  const commons: BenchCommon[] = COMMONS.map(([code, name, nameEn]) => ({ id: `com_${code.toLowerCase()}`, code, name, nameEn, description: `Le bien commun « ${name} ».` }));
  const operations: BenchOperation[] = OPERATION_CODES.map((code, i) => ({
    id: `op_${hex(rand, 16)}`,
    code,
    name: OPERATION_NAMES[i],
    description: `Opération de développement « ${OPERATION_NAMES[i]} ».`,
    commons: SERVES[code],
  }));

  const actors: BenchActor[] = [];
  const ids = new Set<string>();
  for (let i = 0; i < nActors; i++) {
    let id: string;
    do id = `act_${hex(rand, 20)}`;
    while (ids.has(id));
    ids.add(id);
    const sector = SECTORS[pickWeighted(rand, SECTOR_WEIGHTS)];
    const place = PLACES[Math.floor(rand() * PLACES.length)];
    const person = (sector === 'ECONOMIC' || sector === 'RESEARCH' || sector === 'CIVIL_SOCIETY') && rand() < 0.2;
    let kind = 'ORGANIZATION';
    let name: string;
    if (person) {
      kind = 'PERSON';
      name = `${FIRST[Math.floor(rand() * FIRST.length)]} ${LAST[Math.floor(rand() * LAST.length)]}`;
    } else {
      const prefix = PREFIXES[sector][Math.floor(rand() * PREFIXES[sector].length)];
      const topic = TOPICS[sector][Math.floor(rand() * TOPICS[sector].length)];
      if (sector === 'POLITICAL') name = `${prefix} ${place}`;
      else name = `${prefix} ${topic} ${of(place)}`.replace(/\s+/g, ' ');
      if (sector === 'CITIZENS') kind = 'COLLECTIVE';
      else if (sector === 'PUBLIC_ADMINISTRATION' && rand() < 0.1) kind = 'DEPARTMENT';
      else if (sector === 'POLITICAL' && rand() < 0.1) kind = 'GOVERNANCE_BODY';
    }
    const description = rand() < 0.85 ? DESCRIPTIONS[Math.floor(rand() * DESCRIPTIONS.length)].replace('{of}', of(place)) : null;
    const tags: string[] = [];
    if (rand() < 0.35) tags.push(TAGS[Math.floor(rand() * TAGS.length)]);
    if (rand() < 0.1) tags.push(TAGS[Math.floor(rand() * TAGS.length)]);
    actors.push({
      id,
      name,
      kind,
      sector,
      description,
      territory: rand() < 0.9 ? TERRITORIES[Math.floor(rand() * TERRITORIES.length)] : null,
      tags: [...new Set(tags)],
      source: 'bench',
      externalId: `a${i}`,
    });
  }

  // Skewed degrees: endpoint i is drawn with probability ∝ (rank + 1)^-0.75 over a shuffled rank,
  // which gives a few hubs with hundreds of bonds and a long tail with one or two.
  const order = actors.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const cumulative = new Float64Array(nActors);
  let acc = 0;
  for (let r = 0; r < nActors; r++) {
    acc += Math.pow(r + 1, -0.75);
    cumulative[r] = acc;
  }
  const draw = (): number => {
    const x = rand() * acc;
    let lo = 0;
    let hi = nActors - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return order[lo];
  };
  const bonds: BenchBond[] = [];
  const degree = new Array<number>(nActors).fill(0);
  const pairs = new Set<number>();
  // Half the bonds hang off a uniformly chosen actor, so that nearly everyone has some.
  for (let i = 0; bonds.length < nBonds; i++) {
    const f = i % 2 === 0 ? draw() : Math.floor(rand() * nActors);
    const t = draw();
    if (f === t) continue;
    const key = f < t ? f * nActors + t : t * nActors + f;
    if (pairs.has(key)) continue;
    pairs.add(key);
    const kind = BOND_KINDS[pickWeighted(rand, BOND_KIND_WEIGHTS)];
    const since = rand() < 0.9 ? date(rand, 2011, 2015) : null;
    bonds.push({
      id: `bnd_${hex(rand, 20)}`,
      kind,
      from: actors[f].id,
      to: actors[t].id,
      directed: !SYMMETRIC.has(kind),
      weight: rand() < 0.7 ? 1 + Math.floor(rand() * 5) : null,
      since,
      // Never before `since` (the gate refuses it): the same draws, the later of the two days.
      until: since && rand() < 0.15 ? maxDay(since, date(rand, Number(since.slice(0, 4)), 2016)) : null,
      description: null,
      source: 'bench',
      externalId: `b${bonds.length}`,
    });
    degree[f]++;
    degree[t]++;
  }

  const participations: BenchParticipation[] = [];
  const roleWeights: Record<string, number[]> = {
    //              LEAD PL  PART FUND CONT BENE EXP CIT
    ECONOMIC: [0, 0, 40, 8, 30, 20, 2, 0],
    CIVIL_SOCIETY: [0, 0, 35, 2, 40, 15, 8, 0],
    POLITICAL: [0, 0, 40, 20, 20, 20, 0, 0],
    RESEARCH: [0, 0, 15, 0, 20, 0, 65, 0],
    PUBLIC_ADMINISTRATION: [5, 5, 30, 25, 25, 5, 5, 0],
    CITIZENS: [0, 0, 5, 0, 10, 15, 0, 70],
  };
  for (const a of actors) {
    const n = 1 + pickWeighted(rand, [50, 35, 15]);
    const chosen = new Set<number>();
    while (chosen.size < n) chosen.add(pickWeighted(rand, OPERATION_WEIGHTS));
    for (const o of [...chosen].sort((x, y) => x - y)) {
      const role = ROLES[pickWeighted(rand, roleWeights[a.sector])];
      participations.push({ id: `prt_${hex(rand, 20)}`, actor: a.id, operation: operations[o].id, role, since: date(rand, 2011, 2014), until: rand() < 0.1 ? date(rand, 2015, 2016) : null });
    }
  }
  return { actors, bonds, participations, operations, commons, degree };
}
