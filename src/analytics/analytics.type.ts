import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Actor } from '../actors/actor.type';
import { Bond } from '../bonds/bond.type';
import { Operation } from '../operations/operation.type';
import { GroupBy } from './scope.input';
import { DateScalar } from '../common/scalars';

@ObjectType({ description: "An actor's score on a metric, with its rank in the scope (1 = first listed)." })
export class ActorScore {
  @Field(() => Actor, { description: 'The actor scored.' }) actor!: Actor;
  @Field(() => Float, { description: 'Its value on the metric.' }) score!: number;
  @Field(() => Int, { description: 'Its place in the list, from 1.' }) rank!: number;
}

@ObjectType({ description: 'Gould–Fernandez brokerage role counts of an actor (R sna::brokerage raw counts).' })
export class BrokerRoles {
  @Field(() => Actor, { description: 'The broker v of the two-paths a → v → b.' }) actor!: Actor;
  @Field(() => Int, { description: 'a, v, b in one group.' }) coordinator!: number;
  @Field(() => Int, { description: 'a and b in one group, the broker in another ("consultant").' }) itinerant!: number;
  @Field(() => Int, { description: "The broker in b's group: lets outsiders in." }) gatekeeper!: number;
  @Field(() => Int, { description: "The broker in a's group: speaks for it outward." }) representative!: number;
  @Field(() => Int, { description: 'a, v, b in three different groups.' }) liaison!: number;
  @Field(() => Int, { description: 'All brokered two-paths.' }) total!: number;
}

@ObjectType({ description: 'How many actors of a scope fall in a group.' })
export class GroupCount {
  @Field({ description: 'Group key: a sector, kind, operation code, or department id ("external" for none).' }) group!: string;
  @Field({ description: 'Readable name of the group.' }) label!: string;
  @Field(() => Int, { description: 'Actors in the group.' }) count!: number;
  @Field(() => Float, { description: 'count / actors in scope.' }) share!: number;
}

@ObjectType({ description: 'The arrangement (agencement) of the actors of a scope: composition, cohesion, mixing across groups, brokers.' })
export class Arrangement {
  @Field(() => GroupBy, { description: 'The grouping the group figures use.' }) groupBy!: GroupBy;
  @Field(() => Float, { description: 'Graph version the figures were computed on.' }) graphVersion!: number;
  @Field(() => Int, { description: 'Actors in the scope.' }) actorCount!: number;
  @Field(() => Int, { description: 'Edges of the analysed graph (parallel bonds merged).' }) bondCount!: number;
  @Field(() => Float, { description: 'nx.density of the analysed graph (weights ignored).' }) density!: number;
  @Field(() => Float, { description: 'Blau heterogeneity 1 − Σ pₖ² of the groups.' }) blau!: number;
  @Field(() => Float, { description: 'Krackhardt–Stern E-I index (E − I)/(E + I) across groups; 0 when there is no edge; weights ignored.' }) eiIndex!: number;
  @Field(() => Int, { description: 'Edges between groups (E).' }) externalTies!: number;
  @Field(() => Int, { description: 'Edges within groups (I).' }) internalTies!: number;
  @Field(() => Float, { description: 'Modularity Q of the grouping (nx.community.modularity); with `weighted`, weights are strengths.' }) modularity!: number;
  @Field(() => Int, { description: 'Connected components.' }) components!: number;
  @Field(() => Int, { description: 'Actors in the largest component.' }) largestComponent!: number;
  @Field(() => Int, { description: 'Actors without any bond in scope.' }) isolates!: number;
  @Field(() => Float, { description: 'Freeman degree centralization (0: all equal, 1: a star).' }) centralization!: number;
  @Field(() => [GroupCount], { description: 'Counts by the chosen grouping, largest first.' }) groups!: GroupCount[];
  @Field(() => [GroupCount], { description: 'Counts by sector, largest first.' }) sectorMix!: GroupCount[];
  @Field(() => Float, { description: 'Blau index of the sector mix.' }) sectorBlau!: number;
  @Field(() => Float, { description: "Share of citizens' groups (sector CITIZENS)." }) citizenShare!: number;
  @Field(() => Int, { description: 'Council-internal actors: departments and their members.' }) internalActors!: number;
  @Field(() => Int, { description: 'Actors outside the council.' }) externalActors!: number;
  @Field(() => [BrokerRoles], { description: 'Top brokers across the grouping, by total brokerage (weights ignored).' }) topBrokers!: BrokerRoles[];
  @Field(() => [ActorScore], { description: "Top structural-hole spanners: lowest Burt constraint among actors with at least 2 ties, counted in either direction on a directed analysis." }) topSpanners!: ActorScore[];
  @Field(() => [ActorScore], { description: 'Top actors by betweenness.' }) topBetweenness!: ActorScore[];
}

@ObjectType({ description: 'A community found by Louvain.' })
export class ActorCommunity {
  @Field(() => Int, { description: 'Community number, largest first (0-based).' }) index!: number;
  @Field(() => Int, { description: 'Actors in the community.' }) size!: number;
  @Field(() => [Actor], { description: 'Its actors.' }) actors!: Actor[];
  @Field(() => [GroupCount], { description: 'Sector mix of the community.' }) sectorMix!: GroupCount[];
}

@ObjectType({ description: 'Louvain communities of a scope.' })
export class CommunityReport {
  @Field(() => Float, { description: 'Modularity of the partition found.' }) modularity!: number;
  @Field(() => Int, { description: 'Communities found.' }) count!: number;
  @Field(() => [ActorCommunity], { description: 'The communities, largest first.' }) communities!: ActorCommunity[];
}

@ObjectType({ description: 'Nodes and edges of a network, for drawing.' })
export class Subgraph {
  @Field(() => [Actor], { description: 'The actors.' }) nodes!: Actor[];
  @Field(() => [Bond], { description: 'The bonds among them.' }) edges!: Bond[];
  @Field({ description: 'True when the size cap cut the network.' }) truncated!: boolean;
  @Field(() => Int, { description: 'Actors of the network before the size cap and `hideIsolates` (for egoNetwork: those returned).' }) actorCount!: number;
  @Field(() => Int, { description: 'Actors of the network with no bond in it (left out of `nodes` when `hideIsolates`).' }) isolates!: number;
}

@ObjectType({ description: 'The council departments involved in an operation.' })
export class OperationDepartments {
  @Field(() => Operation, { description: 'The operation.' }) operation!: Operation;
  @Field(() => [Actor], { description: "The program's departments taking part, or whose staff take part, on the date." }) departments!: Actor[];
  @Field(() => Int, { description: 'How many departments.' }) departmentCount!: number;
}

@ObjectType({ description: 'A cell of the department × department matrix (only pairs with something shared).' })
export class DepartmentPair {
  @Field(() => Actor, { description: 'One department (the smaller id).' }) a!: Actor;
  @Field(() => Actor, { description: 'The other department.' }) b!: Actor;
  @Field(() => Int, { description: 'Operations both departments are involved in.' }) sharedOperations!: number;
  @Field(() => Int, { description: 'Bonds between the two departments and their members.' }) bonds!: number;
}

@ObjectType({ description: 'Transversality figures on one date.' })
export class TransversalityPoint {
  @Field(() => Int, { description: 'Year of the point.' }) year!: number;
  @Field(() => DateScalar, { description: 'The date the figures hold on (31 December of `year` in a series).' }) date!: string;
  @Field(() => Float, { description: 'E-I index of the department partition of the council network (+1: all ties cross departments).' }) eiIndex!: number;
  @Field(() => Float, { description: 'Modularity of the department partition (high = silos).' }) modularity!: number;
  @Field(() => Int, { description: 'Ties between actors of two different departments (E).' }) crossDepartmentBonds!: number;
  @Field(() => Int, { description: 'Ties within one department (I).' }) withinDepartmentBonds!: number;
  @Field(() => Float, { description: 'Mean number of departments involved per operation.' }) meanDepartmentsPerOperation!: number;
  @Field(() => Int, { description: 'Operations with two or more departments involved.' }) transversalOperations!: number;
}

@ObjectType({ description: "How much the council's departments work across their silos, on a date and year by year." })
export class Transversality {
  @Field(() => DateScalar, { nullable: true, description: 'The date asked for (null: today).' }) asOf!: string | null;
  @Field(() => Float, { description: 'Graph version the figures were computed on.' }) graphVersion!: number;
  @Field(() => [Actor], { description: "The program's departments (DEPARTMENT actors of the PROGRAM_SOURCE setting)." }) departments!: Actor[];
  @Field(() => [OperationDepartments], { description: 'Per operation, the departments involved on the date.' }) operations!: OperationDepartments[];
  @Field(() => [DepartmentPair], { description: 'The department × department matrix on the date.' }) matrix!: DepartmentPair[];
  @Field(() => TransversalityPoint, { description: 'The figures on `asOf` (today when absent).' }) current!: TransversalityPoint;
  @Field(() => [TransversalityPoint], { description: "One point per year on 31 December, from the first to the last year of the program's own dated bonds and participations, ending no later than `asOf`'s year (or this year), at most the latest 50 years." }) series!: TransversalityPoint[];
}
