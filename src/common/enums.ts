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
registerEnumType(BondKind, {
  name: 'BondKind',
  description: 'The type of tie a bond records, read `from` → `to`.',
  valuesConfig: {
    COLLABORATES_WITH: { description: 'The two actors work together on equal terms (symmetric: undirected by default).' },
    FUNDS: { description: '`from` finances `to` or one of its projects (a grant, a subsidy, an investment).' },
    SUPPLIES: { description: '`from` provides goods or services to `to`, e.g. a producer to a processor in a value chain.' },
    ADVISES: { description: '`from` gives expertise or counsel to `to`, e.g. the scientific committee to the council.' },
    MEMBER_OF: { description: '`from` belongs to `to`: a person to a department or body, an organization to a network.' },
    REPRESENTS: { description: '`from` speaks or acts on behalf of `to`, e.g. an elected member for a commission.' },
    CO_MANAGES: { description: 'The two actors manage something together, typically a common (symmetric: undirected by default).' },
    CONTRACTS_WITH: { description: '`from` has a contract with `to` (a public contract, an agreement, a convention).' },
    INFORMS: { description: '`from` passes information to `to` (reports, data, consultation), without a formal tie.' },
  },
});
registerEnumType(ParticipationRole, {
  name: 'ParticipationRole',
  description: "An actor's role in a development operation (a participation).",
  valuesConfig: {
    LEAD_DEPARTMENT: { description: 'The council department (direction) leading the operation.' },
    PROJECT_LEAD: { description: "The operation's project lead (chef de projet), a person working in project mode across departments." },
    PARTNER: { description: "A stakeholder taking part in the operation's collaboration space." },
    FUNDER: { description: 'An actor financing the operation.' },
    CONTRIBUTOR: { description: 'An actor contributing work or means to the operation, e.g. another council department.' },
    BENEFICIARY: { description: 'An actor the operation is meant to serve.' },
    EXPERT: { description: 'An actor bringing expertise, e.g. a researcher or a member of the scientific committee.' },
    CITIZEN: { description: "Inhabitants or their groups taking part as citizens." },
  },
});
registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'Sort direction.',
  valuesConfig: {
    ASC: { description: 'Ascending: A to Z, oldest first.' },
    DESC: { description: 'Descending: Z to A, newest first.' },
  },
});
registerEnumType(BondDirection, {
  name: 'BondDirection',
  description: "Which of an actor's bonds to follow, relative to the actor.",
  valuesConfig: {
    OUTGOING: { description: 'Bonds whose `from` is the actor.' },
    INCOMING: { description: 'Bonds whose `to` is the actor.' },
    BOTH: { description: 'Every bond of the actor, either end.' },
  },
});
