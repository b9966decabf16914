import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Actor } from '../actors/actor.type';
import { Operation } from '../operations/operation.type';
import { Indicator } from '../operations/indicator.type';
import { BrokerRoles } from '../analytics/analytics.type';
import { Sector } from '../common/enums';
import { DateScalar } from '../common/scalars';

/** The figures of an operation the evaluation correlates with attainment. */
export enum EvaluationFigure {
  FUNDING_TOTAL = 'FUNDING_TOTAL',
  ACTOR_COUNT = 'ACTOR_COUNT',
  DENSITY = 'DENSITY',
  BLAU = 'BLAU',
  EI_INDEX = 'EI_INDEX',
  CITIZEN_SHARE = 'CITIZEN_SHARE',
  DEPARTMENT_COUNT = 'DEPARTMENT_COUNT',
}
registerEnumType(EvaluationFigure, {
  name: 'EvaluationFigure',
  description: 'A figure of an operation set beside its attainment (the money, and the arrangement figures).',
  valuesConfig: {
    FUNDING_TOTAL: { description: 'Sums invested (euros, the fundings the caller may read).' },
    ACTOR_COUNT: { description: 'Actors taking part.' },
    DENSITY: { description: 'Density of the bonds among them.' },
    BLAU: { description: 'Blau heterogeneity of their sectors.' },
    EI_INDEX: { description: 'E-I index of their bonds across sectors.' },
    CITIZEN_SHARE: { description: "Share of citizens' groups among them." },
    DEPARTMENT_COUNT: { description: 'Council departments involved.' },
  },
});

@ObjectType({ description: 'An amount invested by funders of one sector.' })
export class AmountBySector {
  @Field(() => Sector, { description: "The funders' sector." }) sector!: Sector;
  @Field(() => Float, { description: 'Euros.' }) amount!: number;
  @Field(() => Float, { description: 'amount / total (0 when the total is 0).' }) share!: number;
}

@ObjectType({ description: 'An amount invested in one year.' })
export class AmountByYear {
  @Field(() => Int, { description: 'The budget year.' }) year!: number;
  @Field(() => Float, { description: 'Euros.' }) amount!: number;
}

@ObjectType({ description: 'Sums invested: total, by funder sector, by year.' })
export class FundingSummary {
  @Field(() => Float, { description: 'Total in euros of the fundings counted.' }) total!: number;
  @Field(() => Int, { description: 'Funding records counted.' }) count!: number;
  @Field(() => [AmountBySector], { description: 'By funder sector, largest first.' }) bySector!: AmountBySector[];
  @Field(() => [AmountByYear], { description: 'By year, oldest first.' }) byYear!: AmountByYear[];
  @Field(() => Int, { description: 'Confidential fundings left out because this caller may not read them (0 for ANALYST, EDITOR, ADMIN).' }) confidentialExcluded!: number;
}

@ObjectType({ description: "An indicator's attainment on the evaluation's date." })
export class IndicatorAttainment {
  @Field(() => Indicator, { description: 'The indicator.' }) indicator!: Indicator;
  @Field({ description: 'Its name.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'Its unit.' }) unit!: string | null;
  @Field(() => Float, { nullable: true, description: 'The latest value on or before the date; null when none.' }) value!: number | null;
  @Field(() => Float, { nullable: true, description: 'The target in force then.' }) target!: number | null;
  @Field(() => DateScalar, { nullable: true, description: 'Date of that value.' }) date!: string | null;
  @Field(() => Float, { nullable: true, description: 'value / target; null without a value or a non-zero target.' }) attainment!: number | null;
}

@ObjectType({ description: "One operation's evaluation: its money, its results and its arrangement, side by side." })
export class OperationEvaluation {
  @Field(() => Operation, { description: 'The operation.' }) operation!: Operation;
  @Field({ description: 'Its code.' }) code!: string;
  @Field({ description: 'Its name.' }) name!: string;
  @Field(() => FundingSummary, { description: 'Sums invested up to the date.' }) funding!: FundingSummary;
  @Field(() => Float, { nullable: true, description: 'Mean attainment of its indicators that have one; null when none has.' }) attainment!: number | null;
  @Field(() => [IndicatorAttainment], { description: 'Each indicator, by name.' }) indicators!: IndicatorAttainment[];
  @Field(() => Int, { description: 'Actors taking part (Arrangement.actorCount of the operation scope).' }) actorCount!: number;
  @Field(() => Int, { description: 'Edges among them.' }) bondCount!: number;
  @Field(() => Float, { description: 'Arrangement.density.' }) density!: number;
  @Field(() => Float, { description: 'Arrangement.blau across sectors.' }) blau!: number;
  @Field(() => Float, { description: 'Arrangement.eiIndex across sectors.' }) eiIndex!: number;
  @Field(() => Float, { description: 'Arrangement.citizenShare.' }) citizenShare!: number;
  @Field(() => Int, { description: 'Council departments involved (an actor is or belongs to one).' }) departmentCount!: number;
  @Field(() => [Actor], { description: 'Those departments, most involved first.' }) departments!: Actor[];
  @Field(() => [BrokerRoles], { description: 'Top 3 brokers across sectors (Arrangement.topBrokers).' }) topBrokers!: BrokerRoles[];
}

@ObjectType({ description: 'A result of the program as the sum of its operations, per unit.' })
export class ResultTotal {
  @Field({ description: 'The unit (e.g. emplois, logements); rates (%, …/an) are not summed.' }) unit!: string;
  @Field(() => Float, { description: "Sum of the latest values of the operations' indicators in this unit." }) value!: number;
  @Field(() => Int, { description: 'Indicators summed.' }) indicators!: number;
}

@ObjectType({ description: 'The program as the sum of its operations.' })
export class ProgramEvaluation {
  @Field(() => FundingSummary, { description: "Sums invested: the operations' sums added up." }) funding!: FundingSummary;
  @Field(() => [ResultTotal], { description: 'Quantitative results, summed per unit.' }) results!: ResultTotal[];
  @Field(() => Float, { nullable: true, description: "Mean of the operations' attainments (those that have one)." }) attainment!: number | null;
  @Field(() => Int, { description: 'Operations evaluated.' }) operationCount!: number;
}

@ObjectType({ description: "Spearman's rank correlation across the operations of attainment with one figure. With 9 operations it describes these 9, no more: read pValue, not just rho." })
export class RankCorrelation {
  @Field(() => EvaluationFigure, { description: 'The figure set beside attainment.' }) figure!: EvaluationFigure;
  @Field(() => Float, { nullable: true, description: "Spearman's ρ (average ranks for ties); null when fewer than 3 operations have both values or either is constant." }) rho!: number | null;
  @Field(() => Int, { description: 'Operations with both values (pairs correlated).' }) n!: number;
  @Field(() => Float, { nullable: true, description: 'Exact two-sided permutation p-value over all n! orderings (n ≤ 9); null otherwise.' }) pValue!: number | null;
}

@ObjectType({ description: "The program's evaluation on a date: per operation the sums invested, the indicators' attainment and the arrangement figures; the program's totals; and how attainment ranks with money and arrangement." })
export class Evaluation {
  @Field(() => DateScalar, { nullable: true, description: 'The date evaluated (null: everything, latest values).' }) asOf!: string | null;
  @Field(() => Float, { description: 'Graph version the figures were computed on.' }) graphVersion!: number;
  @Field(() => [OperationEvaluation], { description: 'The operations, by code.' }) operations!: OperationEvaluation[];
  @Field(() => ProgramEvaluation, { description: 'The program as the sum of its operations.' }) program!: ProgramEvaluation;
  @Field(() => [RankCorrelation], { description: 'Attainment against each figure, across the operations.' }) correlations!: RankCorrelation[];
  @Field({ description: 'How far the correlations go (in French and English).' }) caveat!: string;
}
