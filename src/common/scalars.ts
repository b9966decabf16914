import { GraphQLDate, GraphQLDateTime } from 'graphql-scalars';

/** `DateTime`: an ISO-8601 instant (graphql-scalars), e.g. `2026-11-26T11:46:38.000Z`. */
export const DateTime = GraphQLDateTime;
/** `Date`: a calendar date `YYYY-MM-DD` (graphql-scalars). */
export const DateScalar = GraphQLDate;
