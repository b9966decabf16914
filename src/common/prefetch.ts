/**
 * Marks a load whose result sits in a field the query may not select: the load starts now (batched
 * with the others), and if it fails the error surfaces only where the field is resolved — never as
 * an unhandled rejection that would take the process down.
 */
export function prefetch<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}
