/**
 * What the program's own description (shared/seed/tesr-fiche.md) names, in its role: the council,
 * its departments, the governance bodies and people, the 9 operations, the commons, the known
 * indicator and the annual assises. Facts not in the seed (which department leads which operation,
 * when departments joined, the fictional indicators) are plausible demo choices.
 */
import type { Sector } from './demo.types';

export type OperationCode =
  | 'FOOD_GOVERNANCE'
  | 'FOREST_WOOD'
  | 'WATER_AUDOMAROIS'
  | 'ENERGY_STRATEGY'
  | 'DIABETES'
  | 'HOUSING_RETROFIT'
  | 'EURALENS_LOUVRE'
  | 'HIGH_SCHOOL_3M'
  | 'NUCLEAR_DISMANTLING';

export type CommonCode =
  | 'WATER'
  | 'AIR'
  | 'FOOD'
  | 'GENDER_EQUALITY'
  | 'BIODIVERSITY'
  | 'ENERGY'
  | 'HEALTH'
  | 'HOUSING'
  | 'FOREST'
  | 'CULTURE'
  | 'CLIMATE'
  | 'EDUCATION';

export const PROGRAM_START = '2011-01-01';
export const PROGRAM_END = '2015-12-31';

export const COUNCIL = {
  key: 'council',
  name: 'Conseil régional Nord-Pas-de-Calais',
  description:
    "Collectivité régionale qui conduit l'expérimentation de la Transformation écologique et sociale de la Région (TESR) en mode projet.",
  territory: 'Nord-Pas-de-Calais',
};

export interface DepartmentSpec {
  key: string;
  name: string;
  description: string;
}

/** The council's departments (directions). */
export const DEPARTMENTS: DepartmentSpec[] = [
  { key: 'agriculture', name: "Direction de l'agriculture", description: "Politique agricole et agroalimentaire régionale, installation et circuits courts." },
  { key: 'environment', name: "Direction de l'environnement", description: 'Eau, biodiversité, trame verte et bleue, zones humides.' },
  { key: 'health', name: 'Direction de la santé', description: 'Santé publique, prévention et réduction des inégalités sociales de santé.' },
  { key: 'housing', name: 'Direction du logement', description: "Logement, habitat et rénovation du parc social et minier." },
  { key: 'culture', name: 'Direction de la culture', description: 'Politique culturelle, patrimoine et lieux de création.' },
  { key: 'high-schools', name: 'Direction des lycées', description: 'Construction, entretien et fonctionnement des lycées publics de la région.' },
  { key: 'economy', name: "Direction de l'économie et de l'emploi", description: 'Développement économique, filières industrielles, économie sociale et solidaire.' },
  { key: 'energy', name: "Direction de l'énergie et du climat", description: 'Schéma régional climat air énergie, énergies renouvelables et sobriété.' },
  { key: 'forest', name: 'Direction de la forêt', description: 'Boisement, gestion forestière et structuration de la filière bois.' },
  { key: 'training', name: 'Direction de la formation professionnelle', description: 'Formation des demandeurs d\'emploi et des salariés, apprentissage.' },
  { key: 'planning', name: "Direction de l'aménagement du territoire", description: 'Aménagement, contrats de territoire et politique de la ville.' },
  { key: 'research', name: "Direction de la recherche et de l'enseignement supérieur", description: 'Soutien à la recherche, aux universités et à l\'innovation.' },
];

export interface GovernanceSpec {
  key: string;
  name: string;
  sector: Sector;
  description: string;
  tags: string[];
}

export const GOVERNANCE_BODIES: GovernanceSpec[] = [
  {
    key: 'commission',
    name: 'Commission Transformation écologique et sociale',
    sector: 'POLITICAL',
    description: 'Commission politique du Conseil régional dédiée à la TESR, présidée par Jean-François Caron.',
    tags: ['governance', 'commission'],
  },
  {
    key: 'steering-committee',
    name: 'Comité de pilotage des directeurs généraux',
    sector: 'PUBLIC_ADMINISTRATION',
    description: 'Pilotage administratif de la TESR par les directeurs généraux des services du Conseil régional.',
    tags: ['governance', 'steering'],
  },
  {
    key: 'animation-team',
    name: "Équipe d'animation de la TESR",
    sector: 'PUBLIC_ADMINISTRATION',
    description: "Équipe de trois personnes qui anime la démarche, les chefs de projet et les assises annuelles.",
    tags: ['governance', 'animation'],
  },
  {
    key: 'scientific-committee',
    name: 'Comité scientifique et technique',
    sector: 'RESEARCH',
    description: 'Comité de chercheurs qui accompagne et questionne la démarche de la TESR.',
    tags: ['governance', 'scientific-committee'],
  },
];

export interface PersonSpec {
  key: string;
  name: string;
  sector: Sector;
  description: string;
  tags: string[];
}

/** Named people. No contact data, on purpose. */
export const NAMED_PEOPLE: PersonSpec[] = [
  {
    key: 'jean-francois-caron',
    name: 'Jean-François Caron',
    sector: 'POLITICAL',
    description: 'Président de la Commission Transformation écologique et sociale de la Région.',
    tags: ['elected', 'chair'],
  },
  {
    key: 'laurent-bernier',
    name: 'Laurent Bernier',
    sector: 'POLITICAL',
    description: 'Assistant de Jean-François Caron.',
    tags: ['staff'],
  },
  {
    key: 'jean-gadrey',
    name: 'Jean Gadrey',
    sector: 'RESEARCH',
    description: 'Économiste, membre du comité scientifique et technique de la TESR.',
    tags: ['researcher', 'economics'],
  },
  {
    key: 'laurent-cordonnier',
    name: 'Laurent Cordonnier',
    sector: 'RESEARCH',
    description: 'Économiste, membre du comité scientifique et technique de la TESR.',
    tags: ['researcher', 'economics'],
  },
  {
    key: 'helene-melin',
    name: 'Hélène Melin',
    sector: 'RESEARCH',
    description: 'Sociologue, membre du comité scientifique et technique de la TESR.',
    tags: ['researcher', 'sociology'],
  },
];

export const PARTNER_ORGANIZATIONS: PersonSpec[] = [
  {
    key: 'euralens',
    name: 'Euralens',
    sector: 'CIVIL_SOCIETY',
    description: "Forum d'acteurs du Bassin minier qui accompagne la dynamique de transformation du territoire autour du Louvre-Lens.",
    tags: ['association', 'sector:planning'],
  },
  {
    key: 'louvre-lens',
    name: 'Louvre-Lens',
    sector: 'CIVIL_SOCIETY',
    description: 'Musée du Louvre implanté à Lens, sur une ancienne fosse minière.',
    tags: ['museum', 'sector:culture'],
  },
];

export interface OperationSpec {
  code: OperationCode;
  name: string;
  description: string;
  commons: CommonCode[];
  leadDepartment: string;
  start: string;
  /** Where its fictional stakeholders are, most frequent first (repeats weigh more). */
  territories: string[];
}

export const OPERATIONS: OperationSpec[] = [
  {
    code: 'FOOD_GOVERNANCE',
    name: 'Gouvernance alimentaire',
    description:
      "Réunir producteurs, transformateurs, distributeurs et mangeurs autour d'une alimentation de qualité, accessible et respectueuse de l'environnement et des ressources : circuits courts, restauration collective, agriculture biologique.",
    commons: ['FOOD', 'HEALTH', 'BIODIVERSITY', 'WATER'],
    leadDepartment: 'agriculture',
    start: '2011-03-01',
    territories: ['Ternois', 'Ternois', 'Artois', 'Métropole lilloise', 'Métropole lilloise', 'Flandre intérieure', 'Avesnois', 'Cambrésis', 'Audomarois', 'Bassin minier'],
  },
  {
    code: 'FOREST_WOOD',
    name: 'Valorisation de la forêt et filière bois',
    description:
      "Développer la forêt et structurer une filière bois régionale (bois d'œuvre, bois-construction, bois-énergie) dans la région la moins boisée de France, pour créer des emplois durables.",
    commons: ['FOREST', 'BIODIVERSITY', 'CLIMATE'],
    leadDepartment: 'forest',
    start: '2011-01-17',
    territories: ['Avesnois', 'Avesnois', 'Boulonnais', 'Boulonnais', 'Montreuillois', 'Ternois', 'Valenciennois', 'Flandre intérieure'],
  },
  {
    code: 'WATER_AUDOMAROIS',
    name: "L'eau dans l'Audomarois",
    description:
      "Gérer collectivement l'eau et le marais audomarois — zone humide, maraîchage, navigation, prévention des inondations et qualité de la ressource — avec les usagers du territoire.",
    commons: ['WATER', 'BIODIVERSITY'],
    leadDepartment: 'environment',
    start: '2011-05-02',
    territories: ['Audomarois', 'Audomarois', 'Audomarois', 'Audomarois', 'Flandre intérieure', 'Littoral'],
  },
  {
    code: 'ENERGY_STRATEGY',
    name: 'Stratégie énergétique',
    description:
      "Construire avec les acteurs une stratégie énergétique régionale fondée sur la sobriété, l'efficacité et les énergies renouvelables, en cohérence avec le schéma régional climat air énergie.",
    commons: ['ENERGY', 'CLIMATE', 'AIR'],
    leadDepartment: 'energy',
    start: '2011-09-05',
    territories: ['Métropole lilloise', 'Métropole lilloise', 'Littoral', 'Littoral', 'Bassin minier', 'Valenciennois', 'Artois'],
  },
  {
    code: 'DIABETES',
    name: 'Lutte contre le diabète',
    description:
      "Apporter des réponses collectives à un enjeu de santé publique : prévenir le diabète et accompagner les malades en agissant sur l'alimentation, l'activité physique et les inégalités sociales de santé.",
    commons: ['HEALTH', 'FOOD', 'GENDER_EQUALITY'],
    leadDepartment: 'health',
    start: '2012-01-09',
    territories: ['Bassin minier', 'Bassin minier', 'Valenciennois', 'Sambre', 'Métropole lilloise', 'Cambrésis', 'Douaisis'],
  },
  {
    code: 'HOUSING_RETROFIT',
    name: 'Plan 100 000 Logements : rénovation thermique des bâtiments',
    description:
      'Rénover thermiquement 100 000 logements, en priorité ceux des ménages modestes et du parc minier, pour réduire la précarité énergétique et créer de l\'activité dans le bâtiment.',
    commons: ['HOUSING', 'ENERGY', 'CLIMATE', 'AIR'],
    leadDepartment: 'housing',
    start: '2011-04-04',
    territories: ['Bassin minier', 'Bassin minier', 'Métropole lilloise', 'Valenciennois', 'Douaisis', 'Littoral', 'Sambre'],
  },
  {
    code: 'EURALENS_LOUVRE',
    name: 'Euralens et la Cité du Louvre',
    description:
      "Faire de l'implantation du Louvre-Lens un levier de transformation du Bassin minier — culture, urbanisme, tourisme, économie et fierté des habitants — avec la dynamique Euralens.",
    commons: ['CULTURE', 'EDUCATION'],
    leadDepartment: 'culture',
    start: '2011-02-01',
    territories: ['Bassin minier', 'Bassin minier', 'Bassin minier', 'Artois', 'Douaisis'],
  },
  {
    code: 'HIGH_SCHOOL_3M',
    name: 'Lycée du 3e millénaire',
    description:
      'Concevoir les lycées de demain : bâtiments sobres et producteurs d\'énergie, restauration de qualité, pédagogie et vie lycéenne ouvertes sur le territoire et sur la transition.',
    commons: ['EDUCATION', 'ENERGY', 'FOOD', 'GENDER_EQUALITY'],
    leadDepartment: 'high-schools',
    start: '2012-09-03',
    territories: ['Métropole lilloise', 'Artois', 'Littoral', 'Cambrésis', 'Boulonnais', 'Valenciennois', 'Flandre intérieure'],
  },
  {
    code: 'NUCLEAR_DISMANTLING',
    name: 'Filière de démantèlement du nucléaire',
    description:
      "Structurer une filière régionale du démantèlement des installations nucléaires — compétences, entreprises, formation et recherche — pour l'emploi industriel de demain.",
    commons: ['ENERGY', 'HEALTH', 'EDUCATION'],
    leadDepartment: 'economy',
    start: '2012-06-04',
    territories: ['Littoral', 'Littoral', 'Littoral', 'Valenciennois', 'Sambre', 'Métropole lilloise'],
  },
];

/**
 * Departments contributing to operations they do not lead. The dates grow over the years so that
 * the yearly transversality series shows cross-department work spreading; housing, culture and
 * forest stay silos.
 */
export const DEPARTMENT_CONTRIBUTIONS: { department: string; operation: OperationCode; since: string }[] = [
  { department: 'planning', operation: 'EURALENS_LOUVRE', since: '2012-01-16' },
  { department: 'economy', operation: 'FOREST_WOOD', since: '2012-02-06' },
  { department: 'environment', operation: 'FOREST_WOOD', since: '2012-05-14' },
  { department: 'energy', operation: 'HOUSING_RETROFIT', since: '2012-09-10' },
  { department: 'agriculture', operation: 'DIABETES', since: '2013-03-04' },
  { department: 'training', operation: 'HOUSING_RETROFIT', since: '2013-04-08' },
  { department: 'environment', operation: 'ENERGY_STRATEGY', since: '2013-06-03' },
  { department: 'health', operation: 'FOOD_GOVERNANCE', since: '2013-09-02' },
  { department: 'economy', operation: 'HOUSING_RETROFIT', since: '2013-10-07' },
  { department: 'energy', operation: 'HIGH_SCHOOL_3M', since: '2013-11-04' },
  { department: 'agriculture', operation: 'WATER_AUDOMAROIS', since: '2014-02-03' },
  { department: 'high-schools', operation: 'ENERGY_STRATEGY', since: '2014-03-03' },
  { department: 'research', operation: 'NUCLEAR_DISMANTLING', since: '2014-04-07' },
  { department: 'economy', operation: 'EURALENS_LOUVRE', since: '2014-06-02' },
  { department: 'environment', operation: 'FOOD_GOVERNANCE', since: '2014-09-01' },
  { department: 'training', operation: 'NUCLEAR_DISMANTLING', since: '2014-10-06' },
  { department: 'high-schools', operation: 'FOOD_GOVERNANCE', since: '2015-01-12' },
  { department: 'planning', operation: 'WATER_AUDOMAROIS', since: '2015-02-02' },
  { department: 'energy', operation: 'NUCLEAR_DISMANTLING', since: '2015-03-02' },
];

/** The 9 project leads are fictional people (the seed counts them but names none). */
export const PROJECT_LEADS: { operation: OperationCode; name: string; feminine: boolean }[] = [
  { operation: 'FOOD_GOVERNANCE', name: 'Claire Vasseur', feminine: true },
  { operation: 'FOREST_WOOD', name: 'Mathieu Delattre', feminine: false },
  { operation: 'WATER_AUDOMAROIS', name: 'Sophie Hennebelle', feminine: true },
  { operation: 'ENERGY_STRATEGY', name: 'Julien Verhaeghe', feminine: false },
  { operation: 'DIABETES', name: 'Nadia Benali', feminine: true },
  { operation: 'HOUSING_RETROFIT', name: 'Thomas Kaczmarek', feminine: false },
  { operation: 'EURALENS_LOUVRE', name: 'Émilie Lagache', feminine: true },
  { operation: 'HIGH_SCHOOL_3M', name: 'Nicolas Flament', feminine: false },
  { operation: 'NUCLEAR_DISMANTLING', name: 'Anne-Sophie Wallart', feminine: true },
];

export const COMMONS: { code: CommonCode; name: string; nameEn: string; description: string }[] = [
  { code: 'WATER', name: 'Eau', nameEn: 'Water', description: 'Ressource en eau et milieux aquatiques, à partager entre les usages et à préserver en quantité comme en qualité.' },
  { code: 'AIR', name: 'Air', nameEn: 'Air', description: "Qualité de l'air respiré, affectée par les transports, le chauffage, l'industrie et l'agriculture." },
  { code: 'FOOD', name: 'Alimentation', nameEn: 'Food', description: "Une alimentation de qualité, accessible à tous et respectueuse de l'environnement et des ressources." },
  { code: 'GENDER_EQUALITY', name: 'Égalité femmes-hommes', nameEn: 'Gender equality', description: "Égalité réelle entre les femmes et les hommes, dans l'emploi, la santé, l'éducation et la vie publique." },
  { code: 'BIODIVERSITY', name: 'Biodiversité', nameEn: 'Biodiversity', description: 'Diversité du vivant et des milieux naturels : zones humides, forêts, trames verte et bleue.' },
  { code: 'ENERGY', name: 'Énergie', nameEn: 'Energy', description: 'Une énergie sobre, efficace et renouvelable, accessible à tous ; lutte contre la précarité énergétique.' },
  { code: 'HEALTH', name: 'Santé', nameEn: 'Health', description: 'Santé publique et réduction des inégalités sociales de santé.' },
  { code: 'HOUSING', name: 'Logement', nameEn: 'Housing', description: 'Un logement digne, sain et économe en énergie pour chacun.' },
  { code: 'FOREST', name: 'Forêt', nameEn: 'Forest', description: 'La forêt comme écosystème, ressource renouvelable et espace partagé.' },
  { code: 'CULTURE', name: 'Culture', nameEn: 'Culture', description: 'Accès à la culture, patrimoine et mémoire collective, création et fierté des territoires.' },
  { code: 'CLIMATE', name: 'Climat', nameEn: 'Climate', description: "Stabilité du climat : réduction des émissions de gaz à effet de serre et adaptation." },
  { code: 'EDUCATION', name: 'Éducation', nameEn: 'Education', description: "Éducation initiale et populaire, formation tout au long de la vie, ouverture aux enjeux de la transition." },
];

export interface IndicatorSpec {
  key: string;
  operation: OperationCode;
  name: string;
  unit: string;
  target: number | null;
  /** Known value from the seed; fictional indicators get a generated value instead. */
  value?: number;
  date: string;
}

export const INDICATORS: IndicatorSpec[] = [
  { key: 'local-food-share', operation: 'FOOD_GOVERNANCE', name: 'Part de produits locaux et biologiques dans la restauration des lycées', unit: '%', target: 30, date: '2015-06-30' },
  { key: 'short-chain-producers', operation: 'FOOD_GOVERNANCE', name: 'Producteurs engagés dans les circuits courts', unit: 'producteurs', target: 400, date: '2015-06-30' },
  // The seed's own result: 1000 jobs in five years in the wood sector.
  { key: 'wood-jobs', operation: 'FOREST_WOOD', name: 'Emplois créés dans la filière bois', unit: 'emplois', target: null, value: 1000, date: '2015-12-31' },
  { key: 'afforestation', operation: 'FOREST_WOOD', name: 'Surfaces boisées ou reboisées', unit: 'hectares', target: 1500, date: '2015-06-30' },
  { key: 'restored-banks', operation: 'WATER_AUDOMAROIS', name: 'Berges du marais restaurées', unit: 'km', target: 40, date: '2015-06-30' },
  { key: 'marsh-farms', operation: 'WATER_AUDOMAROIS', name: 'Exploitations maraîchères du marais maintenues', unit: 'exploitations', target: 40, date: '2015-06-30' },
  { key: 'energy-saved', operation: 'ENERGY_STRATEGY', name: "Consommation d'énergie finale évitée", unit: 'GWh/an', target: 500, date: '2015-06-30' },
  { key: 'renewable-capacity', operation: 'ENERGY_STRATEGY', name: 'Puissance renouvelable installée', unit: 'MW', target: 800, date: '2015-06-30' },
  { key: 'patients-supported', operation: 'DIABETES', name: 'Personnes accompagnées en éducation thérapeutique', unit: 'personnes', target: 5000, date: '2015-06-30' },
  { key: 'prevention-workshops', operation: 'DIABETES', name: 'Ateliers de prévention (alimentation, activité physique)', unit: 'ateliers', target: 300, date: '2015-06-30' },
  { key: 'homes-retrofitted', operation: 'HOUSING_RETROFIT', name: 'Logements rénovés thermiquement', unit: 'logements', target: 100000, date: '2015-06-30' },
  { key: 'energy-gain', operation: 'HOUSING_RETROFIT', name: 'Gain énergétique moyen après rénovation', unit: '%', target: 40, date: '2015-06-30' },
  { key: 'labelled-projects', operation: 'EURALENS_LOUVRE', name: 'Projets labellisés Euralens', unit: 'projets', target: 100, date: '2015-06-30' },
  { key: 'cultural-participants', operation: 'EURALENS_LOUVRE', name: 'Habitants participant aux actions culturelles de proximité', unit: 'personnes', target: 20000, date: '2015-06-30' },
  { key: 'schools-engaged', operation: 'HIGH_SCHOOL_3M', name: 'Lycées engagés dans la démarche', unit: 'lycées', target: 30, date: '2015-06-30' },
  { key: 'school-energy', operation: 'HIGH_SCHOOL_3M', name: "Baisse des consommations d'énergie des lycées engagés", unit: '%', target: 30, date: '2015-06-30' },
  { key: 'qualified-firms', operation: 'NUCLEAR_DISMANTLING', name: 'Entreprises régionales qualifiées pour le démantèlement', unit: 'entreprises', target: 50, date: '2015-06-30' },
  { key: 'trained-people', operation: 'NUCLEAR_DISMANTLING', name: 'Personnes formées aux métiers du démantèlement', unit: 'personnes', target: 600, date: '2015-06-30' },
];

/**
 * The annual assises. The seed announces the 4th for October at the Conseil régional; the default
 * seed of the generator (20141016) dates it 16 October 2014, hence one per year from 2011.
 */
export const ASSISES: { key: string; name: string; date: string; location: string; fictionalAttendees: number }[] = [
  { key: 'assises-1', name: '1res assises de la TESR', date: '2011-11-18', location: 'Conseil régional, Lille', fictionalAttendees: 35 },
  { key: 'assises-2', name: '2es assises de la TESR', date: '2012-11-23', location: 'Conseil régional, Lille', fictionalAttendees: 55 },
  { key: 'assises-3', name: '3es assises de la TESR', date: '2013-10-18', location: 'Conseil régional, Lille', fictionalAttendees: 75 },
  { key: 'assises-4', name: '4es assises de la TESR', date: '2014-10-16', location: 'Conseil régional, Lille', fictionalAttendees: 95 },
];
