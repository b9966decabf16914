import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { typeOfId } from '../common/ids';
import { Node } from './node.type';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any entity by its id (Relay); null when there is none.' })
  async node(@Arg('id', () => ID, { description: 'Any id the API returned, of any type.' }) id: string, @Ctx() ctx: Context) {
    const l = ctx.loaders;
    switch (typeOfId(id)) {
      case 'Actor': return l.actor.load(id);
      case 'Bond': return l.bond.load(id);
      case 'Participation': return l.participation.load(id);
      case 'Operation': return l.operation.load(id);
      case 'Common': return l.common.load(id);
      case 'Indicator': return l.indicator.load(id);
      case 'Event': return l.event.load(id);
      case 'Funding': return l.funding.load(id);
      case 'IndicatorValue': return l.indicatorValue.load(id);
      default: return null;
    }
  }
}
