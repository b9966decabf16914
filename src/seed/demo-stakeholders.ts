/**
 * The casts of fictional stakeholders, per operation: what kinds of actors each operation gathers.
 * Name and description templates: {of} "du Ternois", {T} "Ternois", {ofP} "de Saint-Omer",
 * {P} "Saint-Omer", {atP} "à Saint-Omer", {f:masculine|feminine} for persons.
 */
import type { ActorKind, ParticipationRole, Sector } from './demo.types';
import type { OperationCode } from './demo-tesr';

export interface Archetype {
  sector: Sector;
  kind: ActorKind;
  count: number;
  /** Name templates, used in turn (PERSON names are generated instead). */
  names: string[];
  description: string;
  tags: string[];
  roles: ParticipationRole[];
  /** Overrides the operation's territories. */
  territories?: string[];
}

export interface BrokerArchetype extends Archetype {
  /** Candidate operations; a broker joins 3 or 4 of them. */
  operations: OperationCode[];
}

const arch = (
  sector: Sector,
  kind: ActorKind,
  count: number,
  names: string[],
  description: string,
  tags: string[],
  roles: ParticipationRole[],
  territories?: string[],
): Archetype => (territories ? { sector, kind, count, names, description, tags, roles, territories } : { sector, kind, count, names, description, tags, roles });

const ORG: ActorKind = 'ORGANIZATION';
const PERSON: ActorKind = 'PERSON';
const COLLECTIVE: ActorKind = 'COLLECTIVE';

const communes = (count: number, description: string, territories?: string[]): Archetype =>
  arch('POLITICAL', ORG, count, ['Commune {ofP}'], description, ['commune'], ['PARTNER', 'BENEFICIARY', 'CONTRIBUTOR'], territories);

const citizens = (count: number, names: string[], description: string, tags: string[] = [], territories?: string[]): Archetype =>
  arch('CITIZENS', COLLECTIVE, count, names, description, ['citizens-group', ...tags], ['CITIZEN'], territories);

export const CASTS: Record<OperationCode, Archetype[]> = {
  FOOD_GOVERNANCE: [
    arch('ECONOMIC', ORG, 7,
      ['Coopérative maraîchère {of}', 'Ferme biologique {ofP}', 'GAEC du Moulin {ofP}', 'Élevage laitier {ofP}', 'Vergers {ofP}', "Groupement des producteurs d'endives {of}", 'Champignonnière {ofP}'],
      'Production agricole {of}, engagée dans les circuits courts.',
      ['value-chain:producer', 'sector:agriculture'], ['PARTNER', 'PARTNER', 'CONTRIBUTOR', 'BENEFICIARY']),
    arch('ECONOMIC', PERSON, 2, [], "{f:Maraîcher|Maraîchère} en agriculture biologique installé{f:|e} {atP}.",
      ['value-chain:producer', 'sector:agriculture'], ['CONTRIBUTOR', 'BENEFICIARY']),
    arch('ECONOMIC', ORG, 5,
      ['Conserverie artisanale {ofP}', 'Laiterie coopérative {of}', 'Moulin {ofP}', 'Atelier de transformation fermière {of}', 'Brasserie artisanale {ofP}'],
      'Transformation de produits agricoles locaux {of}.',
      ['value-chain:processor', 'sector:food'], ['PARTNER', 'CONTRIBUTOR', 'BENEFICIARY']),
    arch('CIVIL_SOCIETY', ORG, 1, ['Légumerie solidaire {of}'], "Chantier d'insertion qui lave et découpe des légumes locaux pour la restauration collective.",
      ['value-chain:processor', 'sector:food', 'ess'], ['PARTNER', 'BENEFICIARY']),
    arch('ECONOMIC', ORG, 5,
      ['Plateforme de circuits courts {of}', 'Magasin de producteurs {ofP}', 'Drive fermier {of}', 'Grossiste en produits locaux {ofP}', 'Supérette coopérative {ofP}'],
      'Distribution de produits alimentaires locaux {of}.',
      ['value-chain:distributor', 'sector:food'], ['PARTNER', 'CONTRIBUTOR', 'BENEFICIARY']),
    arch('POLITICAL', ORG, 2, ['Cuisine centrale {ofP}', 'Restauration scolaire {ofP}'],
      'Restauration collective publique qui introduit des produits locaux et biologiques.',
      ['value-chain:eater', 'sector:food', 'collective-catering'], ['PARTNER', 'BENEFICIARY']),
    arch('CIVIL_SOCIETY', ORG, 3, ['AMAP {ofP}', 'Épicerie solidaire {ofP}', "Restaurant d'insertion {ofP}"],
      'Lieu où des mangeurs accèdent à une alimentation locale et de qualité.',
      ['value-chain:eater', 'sector:food', 'association'], ['PARTNER', 'BENEFICIARY', 'CONTRIBUTOR']),
    arch('CIVIL_SOCIETY', ORG, 4,
      ['Association Terres nourricières {of}', 'Réseau des jardins partagés {of}', "Association d'éducation à l'alimentation {of}", "Maison de l'alimentation durable {ofP}"],
      "Association qui agit pour une alimentation durable et accessible sur le territoire {of}.",
      ['association', 'sector:food'], ['PARTNER', 'CONTRIBUTOR']),
    arch('RESEARCH', ORG, 3,
      ["Laboratoire d'économie agricole, Université de Lille", "Équipe de sociologie de l'alimentation, Université d'Artois", "École d'ingénieurs en agriculture de Lille — unité agroécologie"],
      'Recherche sur les systèmes alimentaires territoriaux.',
      ['university', 'sector:food'], ['EXPERT']),
    communes(2, 'Commune engagée dans une politique alimentaire locale.'),
    arch('POLITICAL', ORG, 2, ['Communauté de communes {of}', 'Pays {of}'],
      'Intercommunalité qui porte un projet alimentaire de territoire.',
      ['intercommunality'], ['PARTNER', 'FUNDER', 'CONTRIBUTOR'], ['Ternois', 'Artois', 'Flandre intérieure', 'Avesnois', 'Cambrésis', 'Audomarois']),
    arch('ECONOMIC', ORG, 1, ["Fonds d'investissement solidaire {of}"], "Financeur de projets agricoles et alimentaires de l'économie sociale et solidaire.",
      ['funder', 'ess'], ['FUNDER']),
    citizens(3, ["Collectif d'habitants {ofP}", "Groupement d'achat citoyen {ofP}", 'Jardins familiaux {ofP}'],
      "Habitants qui s'organisent pour mieux se nourrir.", ['value-chain:eater']),
  ],
  FOREST_WOOD: [
    arch('ECONOMIC', ORG, 4, ['Groupement forestier {of}', 'Pépinière forestière {ofP}', 'Coopérative forestière {of}', 'Exploitation forestière {ofP}'],
      'Gestion et exploitation de forêts {of}.', ['value-chain:producer', 'sector:wood'], ['PARTNER', 'CONTRIBUTOR', 'BENEFICIARY']),
    arch('ECONOMIC', ORG, 5, ['Scierie {ofP}', 'Menuiserie {ofP}', 'Fabricant de granulés bois {of}', 'Entreprise de charpente {ofP}', 'Atelier de tournage sur bois {ofP}'],
      'Transformation du bois régional.', ['value-chain:processor', 'sector:wood'], ['PARTNER', 'BENEFICIARY', 'CONTRIBUTOR']),
    arch('ECONOMIC', ORG, 3, ['Constructeur de maisons à ossature bois {of}', 'Chaufferie bois collective {ofP}', 'Bureau d\'études bois-construction {ofP}'],
      'Débouché du bois régional dans la construction et l\'énergie.', ['value-chain:distributor', 'sector:wood'], ['PARTNER', 'BENEFICIARY']),
    arch('ECONOMIC', PERSON, 2, [], "{f:Expert forestier indépendant|Experte forestière indépendante}, {f:installé|installée} {atP}.",
      ['sector:wood'], ['EXPERT']),
    arch('CIVIL_SOCIETY', ORG, 3, ['Association des amis de la forêt {ofP}', 'Association de protection de la nature {of}', "Centre permanent d'initiatives pour l'environnement {of}"],
      'Association de protection et de découverte des milieux forestiers.', ['association', 'sector:environment'], ['PARTNER', 'CONTRIBUTOR']),
    arch('CIVIL_SOCIETY', ORG, 1, ['Centre de formation aux métiers du bois {ofP}'], 'Formation de bûcherons, scieurs et charpentiers.', ['training', 'sector:wood'], ['CONTRIBUTOR', 'PARTNER']),
    arch('RESEARCH', ORG, 3, ["Laboratoire de génie civil et bois, Université d'Artois", 'Équipe écologie forestière, Université de Lille', 'Pôle d\'innovation bois-construction, Université de Valenciennes'],
      'Recherche sur la forêt et les usages du bois.', ['university', 'sector:wood'], ['EXPERT']),
    communes(2, 'Commune propriétaire de bois et engagée dans le boisement.'),
    arch('POLITICAL', ORG, 2, ['Communauté de communes {of}', 'Parc naturel régional {of}'],
      'Collectivité qui anime le boisement et la gestion forestière de son territoire.', ['intercommunality'], ['PARTNER', 'CONTRIBUTOR', 'FUNDER']),
    arch('ECONOMIC', ORG, 1, ['Société d\'investissement forestier {of}'], 'Financement de boisements et d\'entreprises de la filière bois.', ['funder', 'sector:wood'], ['FUNDER']),
    citizens(2, ["Collectif d'habitants {ofP}", 'Association d\'usagers de la forêt {ofP}'], 'Habitants attachés à leur forêt et à ses usages.'),
  ],
  WATER_AUDOMAROIS: [
    arch('ECONOMIC', ORG, 4, ['Exploitation maraîchère du marais {ofP}', 'Maraîchage des Watergangs {ofP}', 'Ferme du marais {ofP}', 'Cressonnière {ofP}'],
      'Maraîchage traditionnel dans le marais audomarois.', ['value-chain:producer', 'sector:agriculture', 'marsh'], ['PARTNER', 'BENEFICIARY', 'CONTRIBUTOR'], ['Audomarois']),
    arch('ECONOMIC', PERSON, 2, [], "{f:Maraîcher|Maraîchère} du marais audomarois, {f:installé|installée} {atP}.", ['sector:agriculture', 'marsh'], ['CONTRIBUTOR', 'PARTNER'], ['Audomarois']),
    arch('ECONOMIC', ORG, 3, ['Bureau d\'études hydrauliques {ofP}', 'Croisières en marais {ofP}', 'Verrerie industrielle {ofP}'],
      "Entreprise dont l'activité dépend de l'eau du territoire.", ['sector:water'], ['PARTNER', 'CONTRIBUTOR']),
    communes(3, 'Commune du marais audomarois.', ['Audomarois']),
    arch('POLITICAL', ORG, 2, ["Syndicat mixte de gestion de l'eau {of}", "Communauté d'agglomération {of}"],
      "Collectivité compétente pour l'eau, l'assainissement et la prévention des inondations.", ['intercommunality', 'sector:water'], ['PARTNER', 'FUNDER', 'CONTRIBUTOR'], ['Audomarois']),
    arch('CIVIL_SOCIETY', ORG, 4, ['Section de wateringues {ofP}', 'Association des bateliers du marais {ofP}', "Conservatoire d'espaces naturels {of}", 'Association de pêche et de protection du milieu aquatique {ofP}'],
      "Acteur de la gestion et de la préservation des eaux et des zones humides.", ['association', 'sector:water'], ['PARTNER', 'CONTRIBUTOR'], ['Audomarois']),
    arch('RESEARCH', ORG, 3, ["Laboratoire d'hydrologie, Université du Littoral Côte d'Opale", "Équipe de géographie des zones humides, Université d'Artois", 'Observatoire des zones humides {of}'],
      'Connaissance des milieux humides et de la ressource en eau.', ['university', 'sector:water'], ['EXPERT']),
    arch('POLITICAL', ORG, 1, ['Agence de bassin — délégation {of}'], "Financement d'actions de préservation de la ressource en eau.", ['funder', 'sector:water'], ['FUNDER'], ['Audomarois']),
    citizens(3, ["Collectif d'habitants du marais {ofP}", 'Association de riverains {ofP}', 'Conseil de quartier {ofP}'], 'Habitants riverains du marais.', [], ['Audomarois']),
  ],
  ENERGY_STRATEGY: [
    arch('ECONOMIC', ORG, 8,
      ["Coopérative citoyenne d'énergie renouvelable {of}", "Bureau d'études en efficacité énergétique {ofP}", 'Installateur photovoltaïque {ofP}', 'Parc éolien {ofP}', 'Unité de méthanisation {ofP}', 'Réseau de chaleur {ofP}', 'Société d\'économie mixte pour l\'énergie {of}', 'Fabricant de pompes à chaleur {ofP}'],
      "Entreprise de la transition énergétique {of}.", ['sector:energy'], ['PARTNER', 'CONTRIBUTOR', 'BENEFICIARY']),
    arch('ECONOMIC', PERSON, 1, [], "{f:Consultant|Consultante} en transition énergétique {atP}.", ['sector:energy'], ['EXPERT']),
    arch('CIVIL_SOCIETY', ORG, 4, ['Espace info-énergie {ofP}', 'Association pour la sobriété énergétique {of}', 'Réseau des acteurs de la transition {of}', 'Association de lutte contre la précarité énergétique {ofP}'],
      "Association qui accompagne habitants et acteurs dans la transition énergétique.", ['association', 'sector:energy'], ['PARTNER', 'CONTRIBUTOR']),
    arch('RESEARCH', ORG, 3, ['Laboratoire de génie électrique, Université de Lille', 'Équipe prospective énergétique, Université de Valenciennes', "Laboratoire de thermique des bâtiments, Université d'Artois"],
      'Recherche sur les systèmes énergétiques et leur prospective.', ['university', 'sector:energy'], ['EXPERT']),
    communes(2, 'Commune engagée dans un plan climat énergie.'),
    arch('POLITICAL', ORG, 3, ["Communauté d'agglomération {of}", "Syndicat intercommunal d'énergie {of}", 'Conseil de développement {of}'],
      'Collectivité qui porte un plan climat énergie territorial.', ['intercommunality', 'sector:energy'], ['PARTNER', 'CONTRIBUTOR', 'FUNDER']),
    arch('ECONOMIC', ORG, 1, ['Banque coopérative {of}'], 'Financement de projets d\'énergie renouvelable et de sobriété.', ['funder'], ['FUNDER']),
    arch('CIVIL_SOCIETY', ORG, 1, ['Fondation pour le climat {of}'], 'Fondation qui finance des initiatives locales pour le climat.', ['funder', 'foundation'], ['FUNDER']),
    citizens(2, ["Collectif citoyen pour l'énergie {ofP}", "Collectif d'habitants {ofP}"], "Habitants mobilisés pour les économies d'énergie et les énergies renouvelables."),
  ],
  DIABETES: [
    arch('CIVIL_SOCIETY', ORG, 5, ['Association des diabétiques {of}', 'Maison de santé pluriprofessionnelle {ofP}', 'Réseau de santé diabète {of}', 'Centre social {ofP}', 'Club de sport santé {ofP}'],
      'Acteur de la prévention et de l\'accompagnement des personnes diabétiques.', ['association', 'sector:health'], ['PARTNER', 'CONTRIBUTOR', 'BENEFICIARY']),
    arch('ECONOMIC', ORG, 3, ['Mutuelle de santé {of}', 'Pharmacie {ofP}', 'Cabinet de diététique {ofP}'],
      'Acteur économique de la santé {of}.', ['sector:health'], ['PARTNER', 'FUNDER', 'CONTRIBUTOR']),
    arch('ECONOMIC', PERSON, 3, [], 'Professionnel{f:|le} de santé {f:libéral|libérale} {atP}, {f:engagé|engagée} dans la prévention du diabète.', ['sector:health'], ['EXPERT', 'CONTRIBUTOR']),
    arch('RESEARCH', ORG, 3, ["Équipe d'épidémiologie, Université de Lille", 'Unité de recherche en nutrition, Université de Lille', "Laboratoire de sciences du sport et de la santé, Université d'Artois"],
      'Recherche en santé publique, nutrition et activité physique.', ['university', 'sector:health'], ['EXPERT']),
    arch('POLITICAL', ORG, 2, ["Centre communal d'action sociale {ofP}", 'Commune {ofP}'], "Acteur public local de l'action sociale et de la santé.", ['commune'], ['PARTNER', 'BENEFICIARY']),
    arch('POLITICAL', ORG, 2, ['Agence de santé — délégation territoriale {of}', "Caisse d'assurance maladie {of}"], 'Institution publique de santé et de protection sociale.', ['funder', 'sector:health'], ['FUNDER', 'PARTNER']),
    citizens(3, ["Groupe d'entraide de patients {ofP}", "Collectif d'habitants {ofP}", 'Atelier cuisine du quartier {ofP}'], 'Habitants et patients qui partagent leurs savoirs sur la santé.'),
  ],
  HOUSING_RETROFIT: [
    arch('ECONOMIC', ORG, 9,
      ['Bailleur social {of}', 'Entreprise de rénovation énergétique {ofP}', 'Groupement d\'artisans du bâtiment {of}', "Fabricant d'isolants biosourcés {ofP}", 'Menuiseries {ofP}', "Bureau d'études thermiques {ofP}", 'Société coopérative de construction {of}', "Cabinet d'architectes {ofP}", 'Fédération du bâtiment {of}'],
      'Acteur du bâtiment et de la rénovation énergétique {of}.', ['sector:building'], ['PARTNER', 'CONTRIBUTOR', 'BENEFICIARY']),
    arch('ECONOMIC', PERSON, 2, [], "{f:Architecte|Architecte} {f:spécialisé|spécialisée} dans la rénovation du bâti minier, {f:installé|installée} {atP}.", ['sector:building'], ['EXPERT']),
    arch('CIVIL_SOCIETY', ORG, 4, ["Association d'amélioration de l'habitat {of}", "Agence locale de l'énergie et du climat {of}", 'Compagnons bâtisseurs {of}', "Association d'insertion par le bâtiment {ofP}"],
      'Association qui accompagne les ménages dans la rénovation de leur logement.', ['association', 'sector:building'], ['PARTNER', 'CONTRIBUTOR']),
    arch('RESEARCH', ORG, 2, ["Laboratoire de génie civil, Université d'Artois", "Centre d'études sur l'habitat minier, Université de Lille"],
      'Recherche sur la performance énergétique et l\'habitat.', ['university', 'sector:building'], ['EXPERT']),
    communes(3, 'Commune engagée dans la rénovation de son parc de logements.'),
    arch('POLITICAL', ORG, 2, ["Communauté d'agglomération {of}", "Office public de l'habitat {of}"], "Acteur public de l'habitat.", ['intercommunality', 'sector:building'], ['PARTNER', 'FUNDER']),
    arch('ECONOMIC', ORG, 1, ['Fonds de garantie pour la rénovation {of}'], 'Garantie des prêts des ménages modestes pour la rénovation thermique.', ['funder'], ['FUNDER']),
    citizens(3, ['Association de locataires de la cité {ofP}', "Collectif d'habitants de la cité minière {ofP}", 'Conseil citoyen {ofP}'], 'Habitants et locataires concernés par la rénovation de leurs logements.', [], ['Bassin minier', 'Douaisis', 'Valenciennois']),
  ],
  EURALENS_LOUVRE: [
    arch('CIVIL_SOCIETY', ORG, 6, ['Compagnie de théâtre {ofP}', 'Scène culturelle {of}', 'Association de mémoire minière {ofP}', 'Association des guides du patrimoine {of}', 'École de musique {ofP}', 'Centre culturel {ofP}'],
      'Acteur culturel du Bassin minier.', ['association', 'sector:culture'], ['PARTNER', 'CONTRIBUTOR', 'BENEFICIARY']),
    arch('ECONOMIC', ORG, 5, ['Office de tourisme {of}', 'Hôtel-restaurant {ofP}', 'Agence de design {ofP}', "Entreprise d'insertion {ofP}", 'Union commerciale {ofP}'],
      'Acteur économique qui accompagne l\'arrivée du Louvre-Lens.', ['sector:tourism'], ['PARTNER', 'BENEFICIARY', 'CONTRIBUTOR']),
    arch('CIVIL_SOCIETY', PERSON, 2, [], "{f:Artiste plasticien|Artiste plasticienne} {f:installé|installée} {atP}.", ['sector:culture', 'artist'], ['CONTRIBUTOR', 'PARTNER']),
    arch('RESEARCH', ORG, 3, ["Laboratoire d'histoire et de patrimoine, Université d'Artois", "Équipe d'urbanisme et d'aménagement, Université de Lille", "École d'architecture de Lille — atelier Bassin minier"],
      'Recherche sur la reconversion du Bassin minier.', ['university', 'sector:culture'], ['EXPERT']),
    communes(3, 'Commune du Bassin minier.', ['Bassin minier']),
    arch('POLITICAL', ORG, 2, ["Communauté d'agglomération {of}", "Mission d'aménagement {of}"], 'Acteur public de l\'aménagement du Bassin minier.', ['intercommunality'], ['PARTNER', 'FUNDER', 'CONTRIBUTOR'], ['Bassin minier']),
    citizens(3, ["Collectif d'habitants {ofP}", 'Association de quartier {ofP}', 'Conseil de quartier {ofP}'], 'Habitants qui s\'approprient le musée et son parc.'),
  ],
  HIGH_SCHOOL_3M: [
    arch('CIVIL_SOCIETY', ORG, 5, ['Lycée polyvalent {ofP}', 'Lycée professionnel {ofP}', 'Lycée agricole {ofP}', 'Lycée général et technologique {ofP}', 'Lycée des métiers du bâtiment {ofP}'],
      'Lycée public engagé dans la démarche du lycée du 3e millénaire.', ['school', 'sector:education'], ['BENEFICIARY', 'PARTNER']),
    arch('ECONOMIC', ORG, 4, ["Cabinet d'architectes {ofP}", 'Entreprise générale du bâtiment {of}', 'Restauration collective {of}', 'Fabricant de mobilier scolaire {ofP}'],
      'Entreprise qui conçoit, construit ou fait vivre les lycées.', ['sector:education'], ['PARTNER', 'CONTRIBUTOR']),
    arch('CIVIL_SOCIETY', ORG, 3, ["Fédération de parents d'élèves {of}", "Association d'éducation populaire {of}", "Association d'éducation à l'environnement {ofP}"],
      'Association éducative partenaire des lycées.', ['association', 'sector:education'], ['PARTNER', 'CONTRIBUTOR']),
    arch('CIVIL_SOCIETY', PERSON, 2, [], "{f:Professeur|Professeure} de lycée {atP}, {f:référent|référente} développement durable.", ['sector:education', 'teacher'], ['CONTRIBUTOR', 'EXPERT']),
    arch('RESEARCH', ORG, 3, ["Laboratoire de sciences de l'éducation, Université de Lille", "École supérieure du professorat, Université d'Artois", "Équipe ambiances architecturales, École d'architecture de Lille"],
      'Recherche sur les espaces et les pratiques éducatives.', ['university', 'sector:education'], ['EXPERT']),
    communes(2, 'Commune qui accueille un lycée engagé.'),
    citizens(3, ['Conseil de la vie lycéenne {ofP}', "Collectif d'éco-délégués {ofP}", 'Collectif de parents {ofP}'], 'Lycéens et parents qui participent à la vie de leur lycée.'),
  ],
  NUCLEAR_DISMANTLING: [
    arch('ECONOMIC', ORG, 8,
      ['Entreprise de découpe et de démolition industrielle {of}', "Société d'ingénierie nucléaire {ofP}", 'Chaudronnerie {ofP}', 'Entreprise de radioprotection {ofP}', 'Maintenance industrielle {ofP}', 'Traitement des déchets industriels {ofP}', 'Robotique industrielle {ofP}', 'Organisme de formation aux métiers du nucléaire {ofP}'],
      'Entreprise de la filière du démantèlement {of}.', ['sector:nuclear'], ['PARTNER', 'CONTRIBUTOR', 'BENEFICIARY']),
    arch('ECONOMIC', PERSON, 1, [], "{f:Ingénieur|Ingénieure} en radioprotection {atP}.", ['sector:nuclear'], ['EXPERT']),
    arch('CIVIL_SOCIETY', ORG, 2, ["Commission locale d'information {ofP}", 'Association de surveillance de la radioactivité {of}'],
      'Information et vigilance sur les installations nucléaires.', ['association', 'sector:nuclear'], ['PARTNER', 'CONTRIBUTOR'], ['Littoral']),
    arch('RESEARCH', ORG, 3, ['Laboratoire de mécanique des structures, Université de Lille', "École d'ingénieurs de Douai — équipe matériaux", 'Laboratoire de physique des rayonnements, Université du Littoral Côte d\'Opale'],
      'Recherche sur les matériaux, la découpe et la mesure des rayonnements.', ['university', 'sector:nuclear'], ['EXPERT']),
    communes(1, 'Commune proche d\'une installation nucléaire.', ['Littoral']),
    arch('POLITICAL', ORG, 1, ['Communauté urbaine {of}'], 'Intercommunalité qui soutient la filière industrielle.', ['intercommunality'], ['PARTNER', 'FUNDER'], ['Littoral']),
    arch('ECONOMIC', ORG, 2, ["Chambre de commerce et d'industrie {of}", "Fonds d'investissement industriel {of}"], 'Soutien aux entreprises de la filière.', ['funder'], ['FUNDER', 'PARTNER']),
    citizens(2, ['Collectif de riverains {ofP}', 'Collectif citoyen de vigilance nucléaire {ofP}'], 'Riverains attentifs au devenir des installations nucléaires.'),
  ],
};

/** Cross-cutting stakeholders that bridge operations (the brokers). */
export const BROKERS: BrokerArchetype[] = [
  { ...arch('CIVIL_SOCIETY', ORG, 1, ["Réseau régional de l'économie sociale et solidaire"], "Réseau des acteurs de l'économie sociale et solidaire de la région.", ['network', 'ess', 'broker'], ['PARTNER', 'CONTRIBUTOR'], ['Métropole lilloise']), operations: ['FOOD_GOVERNANCE', 'HOUSING_RETROFIT', 'FOREST_WOOD', 'EURALENS_LOUVRE'] },
  { ...arch('CIVIL_SOCIETY', ORG, 1, ['Centre de ressources régional du développement durable'], 'Centre de ressources qui met en réseau les acteurs du développement durable.', ['network', 'broker'], ['PARTNER', 'EXPERT'], ['Métropole lilloise']), operations: ['ENERGY_STRATEGY', 'FOOD_GOVERNANCE', 'WATER_AUDOMAROIS', 'HIGH_SCHOOL_3M'] },
  { ...arch('RESEARCH', ORG, 1, ['Institut de recherche sur la transition écologique, Université de Lille'], 'Recherche interdisciplinaire sur la transition écologique et sociale.', ['university', 'broker'], ['EXPERT'], ['Métropole lilloise']), operations: ['FOOD_GOVERNANCE', 'ENERGY_STRATEGY', 'DIABETES', 'HOUSING_RETROFIT'] },
  { ...arch('ECONOMIC', ORG, 1, ['Cabinet de conseil en concertation publique'], 'Conseil en concertation et en animation de démarches participatives.', ['consulting', 'broker'], ['EXPERT', 'CONTRIBUTOR'], ['Métropole lilloise']), operations: ['WATER_AUDOMAROIS', 'EURALENS_LOUVRE', 'NUCLEAR_DISMANTLING', 'DIABETES'] },
  { ...arch('CIVIL_SOCIETY', ORG, 1, ["Fondation régionale pour l'innovation sociale"], "Fondation qui finance l'innovation sociale dans la région.", ['funder', 'foundation', 'broker'], ['FUNDER'], ['Métropole lilloise']), operations: ['DIABETES', 'FOOD_GOVERNANCE', 'HOUSING_RETROFIT', 'HIGH_SCHOOL_3M'] },
  { ...arch('POLITICAL', ORG, 1, ["Agence d'urbanisme {of}"], "Agence d'urbanisme qui éclaire les choix d'aménagement des collectivités.", ['planning', 'broker'], ['EXPERT', 'PARTNER'], ['Artois']), operations: ['HOUSING_RETROFIT', 'EURALENS_LOUVRE', 'ENERGY_STRATEGY'] },
  { ...arch('ECONOMIC', ORG, 1, ["Pôle régional de l'écoconstruction"], "Pôle d'entreprises de la construction durable et des matériaux biosourcés.", ['network', 'sector:building', 'broker'], ['PARTNER', 'CONTRIBUTOR'], ['Bassin minier']), operations: ['HOUSING_RETROFIT', 'FOREST_WOOD', 'HIGH_SCHOOL_3M'] },
  { ...arch('ECONOMIC', ORG, 1, ['Banque coopérative régionale'], "Banque coopérative qui finance la transition des entreprises et des collectivités.", ['funder', 'broker'], ['FUNDER'], ['Métropole lilloise']), operations: ['FOREST_WOOD', 'ENERGY_STRATEGY', 'FOOD_GOVERNANCE', 'NUCLEAR_DISMANTLING'] },
];

/** Fictional first names and (common regional) surnames for generated persons. */
export const FIRST_NAMES = {
  feminine: ['Isabelle', 'Céline', 'Aurélie', 'Marion', 'Sandrine', 'Camille', 'Julie', 'Karima', 'Agnès', 'Pauline', 'Virginie', 'Élodie', 'Hélène', 'Fatima', 'Laetitia', 'Mélanie', 'Catherine', 'Justine'],
  masculine: ['Olivier', 'Franck', 'Benoît', 'Sébastien', 'Damien', 'Karim', 'Jérôme', 'Christophe', 'Guillaume', 'Antoine', 'Rémi', 'Vincent', 'Hervé', 'Grégory', 'Ludovic', 'Arnaud', 'Xavier', 'Yannick'],
};
export const SURNAMES = [
  'Lefebvre', 'Duhamel', 'Deprez', 'Lemaire', 'Dewitte', 'Vandenbussche', 'Lecomte', 'Carpentier', 'Mortier', 'Dufour', 'Gossart',
  'Leclercq', 'Desmet', 'Vanhove', 'Delplace', 'Poulain', 'Cuvelier', 'Debruyne', 'Wattel', 'Delcroix', 'Hochart', 'Bracq', 'Crépin',
  'Dhalluin', 'Lemaître', 'Plouvier', 'Desrousseaux', 'Nowak', 'Wisniewski', 'Haddad', 'Da Silva', 'Boulanger', 'Lenoir', 'Fontaine',
];
