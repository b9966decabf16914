import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { BondKind, Sector } from '../common/enums';
import { DateScalar } from '../common/scalars';

export enum CentralityMetric {
  DEGREE = 'DEGREE',
  CLOSENESS = 'CLOSENESS',
  BETWEENNESS = 'BETWEENNESS',
  EIGENVECTOR = 'EIGENVECTOR',
  PAGERANK = 'PAGERANK',
  CONSTRAINT = 'CONSTRAINT',
  EFFECTIVE_SIZE = 'EFFECTIVE_SIZE',
}
registerEnumType(CentralityMetric, {
  name: 'CentralityMetric',
  description: 'Actor scores, with NetworkX conventions (see the README, "Analytics").',
  valuesConfig: {
    DEGREE: { description: 'Degree / (n − 1).' },
    CLOSENESS: { description: 'Closeness, Wasserman–Faust scaled for disconnected graphs.' },
    BETWEENNESS: { description: 'Brandes betweenness, normalized by (n−1)(n−2)/2 (undirected).' },
    EIGENVECTOR: { description: 'Eigenvector centrality (unit Euclidean norm).' },
    PAGERANK: { description: 'PageRank, α = 0.85.' },
    CONSTRAINT: { description: "Burt's constraint: LOW values are structural-hole spanners; listed lowest first. Isolates (undefined) are left out." },
    EFFECTIVE_SIZE: { description: "Burt's effective size of the actor's ego network." },
  },
});

export enum GroupBy {
  SECTOR = 'SECTOR',
  KIND = 'KIND',
  DEPARTMENT = 'DEPARTMENT',
  OPERATION = 'OPERATION',
}
registerEnumType(GroupBy, {
  name: 'GroupBy',
  description: 'How actors are grouped for E-I, Blau, modularity and brokerage.',
  valuesConfig: {
    DEPARTMENT: { description: 'The council department an actor is (DEPARTMENT) or belongs to (MEMBER_OF); others form the group "external".' },
    OPERATION: { description: "The actor's operation (the first by code when several)." },
  },
});

@InputType({ description: 'Which network to analyse: the actors matching every given condition and the bonds among them, as of a date. Empty: the whole program.' })
export class NetworkScope {
  @Field(() => ID, { nullable: true, description: "An operation's participants (operation id or code)." })
  operation?: string | null;
  @Field(() => String, { nullable: true, description: "The participants of the operations serving this common (code)." })
  common?: string | null;
  @Field(() => String, { nullable: true, description: 'Actors of this system of record.' })
  source?: string | null;
  @Field(() => [String], { nullable: true, description: 'Actors carrying all these tags.' })
  tags?: string[] | null;
  @Field(() => [Sector], { nullable: true, description: 'Actors of these sectors.' })
  sectors?: Sector[] | null;
  @Field(() => DateScalar, { nullable: true, description: 'Only bonds and participations holding on this date.' })
  asOf?: Date | null;
  @Field(() => [BondKind], { nullable: true, description: 'Only bonds of these kinds.' })
  bondKinds?: BondKind[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Analyse the directed graph (default: undirected simple graph).' })
  directed?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Use bond weights (merged parallel bonds add up; missing weight = 1).' })
  weighted?: boolean | null;
}
