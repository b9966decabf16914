import { Field, ID, InterfaceType } from 'type-graphql';
import { typeOfId } from '../common/ids';

/** Relay's `Node`: every entity has an opaque, stable id that `Query.node` resolves. */
@InterfaceType({
  description: 'An object with an opaque, stable id that `Query.node(id)` can fetch again.',
  resolveType: (value: { id: string }) => typeOfId(value.id) ?? undefined,
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque, stable identifier.' })
  id!: string;
}
