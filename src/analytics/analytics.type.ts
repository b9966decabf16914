import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Actor } from '../actors/actor.type';
import { Bond } from '../bonds/bond.type';
import { Operation } from '../operations/operation.type';
import { GroupBy } from './scope.input';
import { DateScalar } from '../common/scalars';

@ObjectType({ description: "An actor's score on a metric, with its rank in the scope (1 = first listed)." })
export class ActorScore {
  @Field(() => Actor) actor!: Actor;
  @Field(() => Float) score!: number;
  @Field(() => Int) rank!: number;
}

@ObjectType({ description: 'Gould–Fernandez brokerage role counts of an actor (R sna::brokerage raw counts).' })
export class BrokerRoles {
  @Field(() => Actor) actor!: Actor;
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
  @Field(() => Int) count!: number;
  @Field(() => Float, { description: 'count / actors in scope.' }) share!: number;
}

@ObjectType({ description: 'The arrangement (agencement) of the actors of a scope: composition, cohesion, mixing across groups, brokers.' })
export class Arrangement {
  @Field(() => GroupBy) groupBy!: GroupBy;
  @Field(() => Float, { description: 'Graph version the figures were computed on.' }) graphVersion!: number;
  @Field(() => Int) actorCount!: number;
  @Field(() => Int, { description: 'Edges of the analysed graph (parallel bonds merged).' }) bondCount!: number;
  @Field(() => Float, { description: 'nx.density of the analysed graph.' }) density!: number;
  @Field(() => Float, { description: 'Blau heterogeneity 1 − Σ pₖ² of the groups.' }) blau!: number;
  @Field(() => Float, { description: 'Krackhardt–Stern E-I index (E − I)/(E + I) across groups; 0 when there is no edge.' }) eiIndex!: number;
  @Field(() => Int, { description: 'Edges between groups (E).' }) externalTies!: number;
  @Field(() => Int, { description: 'Edges within groups (I).' }) internalTies!: number;
  @Field(() => Float, { description: 'Modularity Q of the grouping (nx.community.modularity).' }) modularity!: number;
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
  @Field(() => [BrokerRoles], { description: 'Top brokers across the grouping, by total brokerage.' }) topBrokers!: BrokerRoles[];
  @Field(() => [ActorScore], { description: "Top structural-hole spanners: lowest Burt constraint (actors with at least 2 ties)." }) topSpanners!: ActorScore[];
  @Field(() => [ActorScore], { description: 'Top actors by betweenness.' }) topBetweenness!: ActorScore[];
}

@ObjectType({ description: 'A community found by Louvain.' })
export class ActorCommunity {
  @Field(() => Int, { description: 'Community number, largest first (0-based).' }) index!: number;
  @Field(() => Int) size!: number;
  @Field(() => [Actor]) actors!: Actor[];
  @Field(() => [GroupCount], { description: 'Sector mix of the community.' }) sectorMix!: GroupCount[];
}

@ObjectType({ description: 'Louvain communities of a scope.' })
export class CommunityReport {
  @Field(() => Float, { description: 'Modularity of the partition found.' }) modularity!: number;
  @Field(() => Int) count!: number;
  @Field(() => [ActorCommunity]) communities!: ActorCommunity[];
}

@ObjectType({ description: 'Nodes and edges of a network, for drawing.' })
export class Subgraph {
  @Field(() => [Actor]) nodes!: Actor[];
  @Field(() => [Bond]) edges!: Bond[];
  @Field({ description: 'True when the size cap cut the network.' }) truncated!: boolean;
}

@ObjectType({ description: 'The council departments involved in an operation.' })
export class OperationDepartments {
  @Field(() => Operation) operation!: Operation;
  @Field(() => [Actor]) departments!: Actor[];
  @Field(() => Int) departmentCount!: number;
}

@ObjectType({ description: 'A cell of the department × department matrix (only pairs with something shared).' })
export class DepartmentPair {
  @Field(() => Actor) a!: Actor;
  @Field(() => Actor) b!: Actor;
  @Field(() => Int, { description: 'Operations both departments are involved in.' }) sharedOperations!: number;
  @Field(() => Int, { description: 'Bonds between the two departments and their members.' }) bonds!: number;
}

@ObjectType({ description: 'Transversality figures on one date.' })
export class TransversalityPoint {
  @Field(() => Int) year!: number;
  @Field(() => DateScalar) date!: string;
  @Field(() => Float, { description: 'E-I index of the department partition of the council network (+1: all ties cross departments).' }) eiIndex!: number;
  @Field(() => Float, { description: 'Modularity of the department partition (high = silos).' }) modularity!: number;
  @Field(() => Int) crossDepartmentBonds!: number;
  @Field(() => Int) withinDepartmentBonds!: number;
  @Field(() => Float, { description: 'Mean number of departments involved per operation.' }) meanDepartmentsPerOperation!: number;
  @Field(() => Int, { description: 'Operations with two or more departments involved.' }) transversalOperations!: number;
}

@ObjectType({ description: "How much the council's departments work across their silos, on a date and year by year." })
export class Transversality {
  @Field(() => DateScalar, { nullable: true }) asOf!: string | null;
  @Field(() => Float) graphVersion!: number;
  @Field(() => [Actor]) departments!: Actor[];
  @Field(() => [OperationDepartments]) operations!: OperationDepartments[];
  @Field(() => [DepartmentPair]) matrix!: DepartmentPair[];
  @Field(() => TransversalityPoint, { description: 'The figures on `asOf` (today when absent).' }) current!: TransversalityPoint;
  @Field(() => [TransversalityPoint], { description: "One point per year of the program's dated data, on 31 December." }) series!: TransversalityPoint[];
}
