import { registerEnumType } from 'type-graphql';

export enum ActorKind {
  ORGANIZATION = 'ORGANIZATION',
  PERSON = 'PERSON',
  DEPARTMENT = 'DEPARTMENT',
  GOVERNANCE_BODY = 'GOVERNANCE_BODY',
  COLLECTIVE = 'COLLECTIVE',
}
export enum Sector {
  ECONOMIC = 'ECONOMIC',
  POLITICAL = 'POLITICAL',
  CIVIL_SOCIETY = 'CIVIL_SOCIETY',
  RESEARCH = 'RESEARCH',
  PUBLIC_ADMINISTRATION = 'PUBLIC_ADMINISTRATION',
  CITIZENS = 'CITIZENS',
}
export enum BondKind {
  COLLABORATES_WITH = 'COLLABORATES_WITH',
  FUNDS = 'FUNDS',
  SUPPLIES = 'SUPPLIES',
  ADVISES = 'ADVISES',
  MEMBER_OF = 'MEMBER_OF',
  REPRESENTS = 'REPRESENTS',
  CO_MANAGES = 'CO_MANAGES',
  CONTRACTS_WITH = 'CONTRACTS_WITH',
  INFORMS = 'INFORMS',
}
export enum ParticipationRole {
  LEAD_DEPARTMENT = 'LEAD_DEPARTMENT',
  PROJECT_LEAD = 'PROJECT_LEAD',
  PARTNER = 'PARTNER',
  FUNDER = 'FUNDER',
  CONTRIBUTOR = 'CONTRIBUTOR',
  BENEFICIARY = 'BENEFICIARY',
  EXPERT = 'EXPERT',
  CITIZEN = 'CITIZEN',
}
export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
export enum BondDirection {
  OUTGOING = 'OUTGOING',
  INCOMING = 'INCOMING',
  BOTH = 'BOTH',
}

registerEnumType(ActorKind, {
  name: 'ActorKind',
  description: 'What an actor is.',
  valuesConfig: {
    ORGANIZATION: { description: 'A firm, association, public body, university or lab.' },
    PERSON: { description: 'A named person (may carry personal contact data).' },
    DEPARTMENT: { description: "A department (direction) of the regional council: a unit of the council." },
    GOVERNANCE_BODY: { description: 'A commission, committee or team governing the program.' },
    COLLECTIVE: { description: "An informal group, e.g. an inhabitants' collective." },
  },
});
registerEnumType(Sector, {
  name: 'Sector',
  description: "The stakeholder family (the seed's four milieux, plus the council's own units and citizens).",
  valuesConfig: {
    ECONOMIC: { description: 'Milieux économiques: firms, cooperatives, chambers.' },
    POLITICAL: { description: 'Milieux politiques: elected bodies, local authorities.' },
    CIVIL_SOCIETY: { description: 'Société civile: associations, unions, NGOs.' },
    RESEARCH: { description: 'Université et recherche.' },
    PUBLIC_ADMINISTRATION: { description: "The council's own administration and other public agencies." },
    CITIZENS: { description: "Inhabitants' groups." },
  },
});
registerEnumType(BondKind, { name: 'BondKind', description: 'The type of tie a bond records.' });
registerEnumType(ParticipationRole, { name: 'ParticipationRole', description: "An actor's role in a development operation." });
registerEnumType(OrderDirection, { name: 'OrderDirection', description: 'Sort direction.' });
registerEnumType(BondDirection, {
  name: 'BondDirection',
  description: "Which of an actor's bonds to follow, relative to the actor.",
});
