import { Arg, Ctx, Float, ID, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { Actor } from '../actors/actor.type';
import { DateScalar } from '../common/scalars';
import { ActorScore, Arrangement, CommunityReport, Subgraph, Transversality } from './analytics.type';
import { CentralityMetric, GroupBy, NetworkScope } from './scope.input';
import { arrangement, centrality, communities, egoNetwork, network, shortestPath } from './analytics.service';
import { transversality } from './transversality.service';

// Every analytics root is nullable (CONTRACT.md): a refused or failed analysis nulls itself with
// its error and leaves the other fields of the response intact.
const SCOPE = 'Which network to analyse (default: the whole program).';

@Resolver()
export class AnalyticsResolver {
  @Query(() => [ActorScore], { nullable: true, description: 'Actors ranked by a centrality or structural-hole metric over a scope (NetworkX conventions; what a bond weight means depends on the metric, see CentralityMetric). Needs ANALYST, EDITOR or ADMIN; null with the error when refused or when the scope cannot be analysed.' })
  centrality(
    @Arg('metric', () => CentralityMetric, { description: 'The score to rank by.' }) metric: CentralityMetric,
    @Ctx() ctx: Context,
    @Arg('scope', () => NetworkScope, { nullable: true, description: SCOPE }) scope?: NetworkScope | null,
    @Arg('top', () => Int, { nullable: true, description: 'How many to return (default 20, max 1,000).' }) top?: number | null,
    @Arg('sample', () => Int, { nullable: true, description: 'BETWEENNESS only: estimate from this many random pivots (NetworkX `k`). Default: exact up to 20,000 actors.' }) sample?: number | null,
  ) {
    return centrality(ctx, metric, scope, top, sample);
  }

  @Query(() => Arrangement, { nullable: true, description: 'The arrangement of the actors of a scope (an operation, a common, ...): composition, cohesion, mixing across groups, brokers. Null with the error when refused or when the scope cannot be analysed.' })
  arrangement(
    @Arg('scope', () => NetworkScope, { description: 'Which network to analyse.' }) scope: NetworkScope,
    @Ctx() ctx: Context,
    @Arg('groupBy', () => GroupBy, { nullable: true, description: 'How actors are grouped for E-I, Blau, modularity and brokerage (default SECTOR).' }) groupBy?: GroupBy | null,
  ) {
    return arrangement(ctx, scope, groupBy ?? GroupBy.SECTOR);
  }

  @Query(() => Transversality, { nullable: true, description: "How much the council's departments work across silos, on a date and as a yearly series. Counts only the program's own data: the DEPARTMENT actors of the PROGRAM_SOURCE setting and their staff (see the README, \"Analytics\"). Null with the error when refused." })
  transversality(
    @Ctx() ctx: Context,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'The date of `current`, and the last year of `series` (default: today, every bond counted whatever its dates). A bond or participation holds on it when since ≤ asOf ≤ until, both inclusive, a missing end being open.' }) asOf?: Date | null,
  ) {
    return transversality(ctx, asOf);
  }

  @Query(() => CommunityReport, { nullable: true, description: 'Louvain communities of a scope (seeded: the same graph gives the same communities; weights, when `weighted`, are strengths). Null with the error when refused or when the scope cannot be analysed.' })
  communities(
    @Ctx() ctx: Context,
    @Arg('scope', () => NetworkScope, { nullable: true, description: SCOPE }) scope?: NetworkScope | null,
    @Arg('resolution', () => Float, { nullable: true, description: 'Louvain resolution (default 1; > 0 and ≤ 100; higher gives smaller communities).' }) resolution?: number | null,
  ) {
    return communities(ctx, scope, resolution);
  }

  @Query(() => [Actor], { nullable: true, description: 'A shortest chain of bonds from one actor to another (either direction; within the scope when given; weights ignored); null when none within 10 hops, or with the error when refused.' })
  shortestPath(
    @Arg('from', () => ID, { description: 'Id of the first actor of the chain.' }) from: string,
    @Arg('to', () => ID, { description: 'Id of the last actor of the chain.' }) to: string,
    @Ctx() ctx: Context,
    @Arg('scope', () => NetworkScope, { nullable: true, description: 'Only through the actors and bonds of this scope (default: the whole graph).' }) scope?: NetworkScope | null,
  ) {
    return shortestPath(ctx, from, to, scope);
  }

  @Query(() => Subgraph, { nullable: true, description: 'The actors within `depth` (1-3) bonds of an actor and the bonds among them (at most 2,000 actors). Null with the error when refused.' })
  egoNetwork(
    @Arg('actor', () => ID, { description: 'Id of the actor at the centre.' }) actor: string,
    @Ctx() ctx: Context,
    @Arg('depth', () => Int, { nullable: true, description: 'How many bonds away (1 to 3, default 1).' }) depth?: number | null,
    @Arg('scope', () => NetworkScope, { nullable: true, description: 'Only actors and bonds of this scope (default: the whole graph).' }) scope?: NetworkScope | null,
  ) {
    return egoNetwork(ctx, actor, depth ?? 1, scope);
  }

  @Query(() => Subgraph, { nullable: true, description: "A scope's actors and the bonds among them, for drawing (at most 2,000 actors, the most connected first). Null with the error when refused." })
  network(
    @Ctx() ctx: Context,
    @Arg('scope', () => NetworkScope, { nullable: true, description: SCOPE }) scope?: NetworkScope | null,
    @Arg('hideIsolates', () => Boolean, { nullable: true, description: 'Leave out the actors with no bond in the scope (counted in `isolates`); default false.' }) hideIsolates?: boolean | null,
  ) {
    return network(ctx, scope, !!hideIsolates);
  }
}
