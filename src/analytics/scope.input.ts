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
  description: 'Actor scores, with NetworkX conventions (see the README, "Analytics"). With `weighted`, a bond weight is a LENGTH for CLOSENESS and BETWEENNESS (a heavier tie is a longer one; weight 0 is refused), a STRENGTH for EIGENVECTOR, PAGERANK, CONSTRAINT and EFFECTIVE_SIZE (weight 0 adds nothing), and ignored by DEGREE.',
  valuesConfig: {
    DEGREE: { description: 'Degree / (n − 1); weights ignored.' },
    CLOSENESS: { description: 'Closeness, Wasserman–Faust scaled for disconnected graphs; a weight is a length (> 0).' },
    BETWEENNESS: { description: 'Brandes betweenness, normalized by (n−1)(n−2)/2 (undirected); a weight is a length (> 0).' },
    EIGENVECTOR: { description: 'Eigenvector centrality (unit Euclidean norm); a weight is a strength.' },
    PAGERANK: { description: 'PageRank, α = 0.85; a weight is a strength (an actor shares its rank by tie weight).' },
    CONSTRAINT: { description: "Burt's constraint: LOW values are structural-hole spanners; listed lowest first. Isolates (undefined) are left out; a weight is a strength." },
    EFFECTIVE_SIZE: { description: "Burt's effective size of the actor's ego network; a weight is a strength." },
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
    SECTOR: { description: "The actor's sector (ECONOMIC, POLITICAL, CIVIL_SOCIETY, ...)." },
    KIND: { description: "The actor's kind (ORGANIZATION, PERSON, DEPARTMENT, ...)." },
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
  @Field(() => DateScalar, { nullable: true, description: 'Only bonds and participations holding on this date: since ≤ asOf ≤ until, both inclusive, a missing since or until being open. Absent: every bond and participation, whatever its dates.' })
  asOf?: Date | null;
  @Field(() => [BondKind], { nullable: true, description: 'Only bonds of these kinds.' })
  bondKinds?: BondKind[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Analyse the directed graph (default: undirected simple graph). A bond with `directed: false` is then a tie both ways.' })
  directed?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Use bond weights: merged parallel bonds add up, a missing weight counts 1, a weight of 0 stays 0 (weights from 0 to 1e12). A weight is a length for CLOSENESS and BETWEENNESS (which refuse 0), a strength for EIGENVECTOR, PAGERANK, CONSTRAINT, EFFECTIVE_SIZE and modularity/Louvain, and ignored by DEGREE, density, E-I and brokerage.' })
  weighted?: boolean | null;
}
