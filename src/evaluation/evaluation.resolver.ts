import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { DateScalar } from '../common/scalars';
import { Evaluation } from './evaluation.type';
import { evaluation } from './evaluation.service';

@Resolver()
export class EvaluationResolver {
  @Query(() => Evaluation, { nullable: true, description: "The program's evaluation (« l'agencement des acteurs est aussi stratégique que les sommes investies »): per operation the sums invested, the indicators' attainment and the arrangement figures side by side; the program as the sum of its operations; Spearman's ρ of attainment with money and with each arrangement figure (n = 9). Same access as the analytics; null with the error when refused." })
  evaluation(
    @Ctx() ctx: Context,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'The date: fundings of years up to its year, the latest indicator values on or before it, bonds and participations holding on it (default: everything, latest values).' }) asOf?: Date | null,
  ) {
    return evaluation(ctx, asOf ?? null);
  }
}
