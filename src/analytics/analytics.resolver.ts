import { Arg, Ctx, Float, ID, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { Actor } from '../actors/actor.type';
import { DateScalar } from '../common/scalars';
import { ActorScore, Arrangement, CommunityReport, Subgraph, Transversality } from './analytics.type';
import { CentralityMetric, GroupBy, NetworkScope } from './scope.input';
import { arrangement, centrality, communities, egoNetwork, network, shortestPath } from './analytics.service';
import { transversality } from './transversality.service';

@Resolver()
export class AnalyticsResolver {
  @Query(() => [ActorScore], { description: 'Actors ranked by a centrality or structural-hole metric over a scope (NetworkX conventions). Needs ANALYST, EDITOR or ADMIN.' })
  centrality(
    @Arg('metric', () => CentralityMetric) metric: CentralityMetric,
    @Ctx() ctx: Context,
    @Arg('scope', () => NetworkScope, { nullable: true }) scope?: NetworkScope | null,
    @Arg('top', () => Int, { nullable: true, description: 'How many to return (default 20, max 1,000).' }) top?: number | null,
    @Arg('sample', () => Int, { nullable: true, description: 'BETWEENNESS only: estimate from this many random pivots (NetworkX `k`). Default: exact up to 20,000 actors.' }) sample?: number | null,
  ) {
    return centrality(ctx, metric, scope, top, sample);
  }

  @Query(() => Arrangement, { description: 'The arrangement of the actors of a scope (an operation, a common, ...): composition, cohesion, mixing across groups, brokers.' })
  arrangement(
    @Arg('scope', () => NetworkScope) scope: NetworkScope,
    @Ctx() ctx: Context,
    @Arg('groupBy', () => GroupBy, { nullable: true, description: 'Default SECTOR.' }) groupBy?: GroupBy | null,
  ) {
    return arrangement(ctx, scope, groupBy ?? GroupBy.SECTOR);
  }

  @Query(() => Transversality, { description: "How much the council's departments work across silos, on a date and as a yearly series." })
  transversality(@Ctx() ctx: Context, @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: Date | null) {
    return transversality(ctx, asOf);
  }

  @Query(() => CommunityReport, { description: 'Louvain communities of a scope (seeded: the same graph gives the same communities).' })
  communities(
    @Ctx() ctx: Context,
    @Arg('scope', () => NetworkScope, { nullable: true }) scope?: NetworkScope | null,
    @Arg('resolution', () => Float, { nullable: true, description: 'Louvain resolution (default 1).' }) resolution?: number | null,
  ) {
    return communities(ctx, scope, resolution);
  }

  @Query(() => [Actor], { nullable: true, description: 'A shortest chain of bonds from one actor to another (either direction; within the scope when given); null when none within 10 hops.' })
  shortestPath(@Arg('from', () => ID) from: string, @Arg('to', () => ID) to: string, @Ctx() ctx: Context, @Arg('scope', () => NetworkScope, { nullable: true }) scope?: NetworkScope | null) {
    return shortestPath(ctx, from, to, scope);
  }

  @Query(() => Subgraph, { description: 'The actors within `depth` (1-3) bonds of an actor and the bonds among them (at most 2,000 actors).' })
  egoNetwork(
    @Arg('actor', () => ID) actor: string,
    @Ctx() ctx: Context,
    @Arg('depth', () => Int, { nullable: true, description: 'Default 1.' }) depth?: number | null,
    @Arg('scope', () => NetworkScope, { nullable: true }) scope?: NetworkScope | null,
  ) {
    return egoNetwork(ctx, actor, depth ?? 1, scope);
  }

  @Query(() => Subgraph, { description: "A scope's actors and the bonds among them, for drawing (at most 2,000 actors)." })
  network(@Ctx() ctx: Context, @Arg('scope', () => NetworkScope, { nullable: true }) scope?: NetworkScope | null) {
    return network(ctx, scope);
  }
}
