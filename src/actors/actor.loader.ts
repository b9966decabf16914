import type { Reader } from '../loaders.types';
import type { Actor } from './actor.type';
import { actorFromValues } from './actor.record';

/** Batch loader body: actors by id, in the order asked (null where none). */
export async function actorsByIds(db: Reader, ids: readonly string[]): Promise<(Actor | null)[]> {
  const rows = await db.read('actors/by-ids', { ids: [...new Set(ids)] });
  const byId = new Map<string, Actor>();
  for (const r of rows) {
    const actor = actorFromValues(r.actor);
    byId.set(actor.id, actor);
  }
  return ids.map((id) => byId.get(id) ?? null);
}
