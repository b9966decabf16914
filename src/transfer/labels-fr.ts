import { ActorKind, BondKind, ParticipationRole, Sector } from '../common/enums';

/**
 * French labels of the enums, as partners write them in their spreadsheets. The first label of
 * each value is the one the excel-fr exports write; the others are accepted on import (through
 * `labelKey`, so accents, case, spaces, hyphens and underscores do not matter).
 */
export const LABELS_FR: {
  ActorKind: Record<string, string[]>;
  Sector: Record<string, string[]>;
  BondKind: Record<string, string[]>;
  ParticipationRole: Record<string, string[]>;
} = {
  ActorKind: {
    [ActorKind.ORGANIZATION]: ['Organisation', 'Structure', 'Organisme', 'Entreprise', 'Association', 'Établissement'],
    [ActorKind.PERSON]: ['Personne', 'Individu', 'Personne physique'],
    [ActorKind.DEPARTMENT]: ['Direction', 'Service', 'Direction du conseil régional'],
    [ActorKind.GOVERNANCE_BODY]: ['Instance de gouvernance', 'Instance', 'Comité', 'Commission', 'Gouvernance'],
    [ActorKind.COLLECTIVE]: ['Collectif', 'Groupe informel'],
  },
  Sector: {
    [Sector.ECONOMIC]: ['Économique', 'Milieux économiques', 'Milieu économique', 'Économie', 'Entreprises'],
    [Sector.POLITICAL]: ['Politique', 'Milieux politiques', 'Milieu politique', 'Élus', 'Collectivités'],
    [Sector.CIVIL_SOCIETY]: ['Société civile', 'Associations', 'Milieu associatif', 'ESS'],
    [Sector.RESEARCH]: ['Recherche', 'Université et recherche', 'Université', 'Enseignement supérieur et recherche'],
    [Sector.PUBLIC_ADMINISTRATION]: ['Administration publique', 'Administration', 'Services publics', 'Agence publique'],
    [Sector.CITIZENS]: ['Citoyens', 'Habitants', 'Groupes d’habitants'],
  },
  BondKind: {
    [BondKind.COLLABORATES_WITH]: ['Collabore avec', 'Collaboration', 'Partenariat'],
    [BondKind.FUNDS]: ['Finance', 'Financement', 'Financeur de'],
    [BondKind.SUPPLIES]: ['Fournit', 'Fourniture', 'Fournisseur de'],
    [BondKind.ADVISES]: ['Conseille', 'Conseil', 'Accompagne', 'Accompagnement'],
    [BondKind.MEMBER_OF]: ['Membre de', 'Adhérent de', 'Adhésion', 'Appartenance'],
    [BondKind.REPRESENTS]: ['Représente', 'Représentation'],
    [BondKind.CO_MANAGES]: ['Cogère', 'Cogestion', 'Co-pilote', 'Copilotage'],
    [BondKind.CONTRACTS_WITH]: ['Contractualise avec', 'Contrat', 'Conventionnement', 'Convention'],
    [BondKind.INFORMS]: ['Informe', 'Information'],
  },
  ParticipationRole: {
    [ParticipationRole.LEAD_DEPARTMENT]: ['Direction pilote', 'Direction cheffe de file', 'Direction référente'],
    [ParticipationRole.PROJECT_LEAD]: ['Chef de projet', 'Porteur de projet', 'Cheffe de projet', 'Pilote'],
    [ParticipationRole.PARTNER]: ['Partenaire'],
    [ParticipationRole.FUNDER]: ['Financeur', 'Cofinanceur'],
    [ParticipationRole.CONTRIBUTOR]: ['Contributeur', 'Contributrice', 'Contribution'],
    [ParticipationRole.BENEFICIARY]: ['Bénéficiaire'],
    [ParticipationRole.EXPERT]: ['Expert', 'Experte', 'Expertise'],
    [ParticipationRole.CITIZEN]: ['Citoyen', 'Citoyenne', 'Habitant', 'Habitante'],
  },
};

/** The label an excel-fr export writes for each value of an enum (its first French label). */
export function exportLabelsFr(labels: Readonly<Record<string, readonly string[]>>): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).map(([code, l]) => [code, l[0] ?? code]));
}

/** The French labels of these enum codes, from whichever table holds them (an entity field knows its codes, not its enum's name). */
export function labelsOfCodes(codes: readonly string[]): Record<string, readonly string[]> {
  const out: Record<string, readonly string[]> = {};
  for (const table of Object.values(LABELS_FR)) for (const [code, labels] of Object.entries(table)) if (codes.includes(code)) out[code] = labels;
  return out;
}
