import { BadInputError } from '../errors';
import { NotConvergedError, WeightError } from './metrics';

const METRIC_NAMES = { eigenvector: 'EIGENVECTOR', pagerank: 'PAGERANK' } as const;

/**
 * Runs a metric and turns what the metric refuses about the scope's graph into BAD_USER_INPUT with
 * what to change (instead of an INTERNAL_SERVER_ERROR): a weight a length metric cannot read, or a
 * weighted power iteration that does not converge. Anything else is rethrown as it is.
 */
export async function runMetric<T>(compute: () => T | Promise<T>): Promise<T> {
  try {
    return await compute();
  } catch (err) {
    throw userErrorOf(err);
  }
}

/** The BadInputError a metric failure means for the caller, or the error itself. */
export function userErrorOf(err: unknown): unknown {
  if (err instanceof WeightError) {
    return new BadInputError(
      `${err.message}. CLOSENESS and BETWEENNESS (also computed by arrangement and the exports) read a bond's weight as a length: give the bond a weight > 0, leave its weight out (1), or analyse with weighted: false`,
      [{ field: 'scope.weighted', message: 'a bond weight of 0 is no length' }],
    );
  }
  if (err instanceof NotConvergedError) {
    return new BadInputError(
      `${METRIC_NAMES[err.metric]} did not converge in ${err.iterations} power iterations on this weighted network (its two largest eigenvalues are almost equal, as with separate components of nearly equal weight): narrow the scope to one connected part, analyse with weighted: false, or rank by another metric`,
      [{ field: 'scope.weighted', message: `${METRIC_NAMES[err.metric]} does not converge on these weights` }],
    );
  }
  return err;
}
