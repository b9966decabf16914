import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'What a delete removed.' })
export class DeletePayload {
  @Field(() => ID, { description: "Id of the deleted record (Relay's `@deleteRecord` reads it)." })
  deletedId!: string;
  @Field(() => ID, { description: 'Same as `deletedId`.', deprecationReason: 'Use `deletedId`: a non-Node type carrying `id` is merged by Relay-style caches with the record of that id.' })
  id!: string;
  @Field({ description: 'Always true: a delete that cannot happen is an error instead.' })
  deleted!: boolean;
  @Field(() => Int, { description: 'Bonds removed with it (deleting an actor removes its bonds).' })
  removedBonds!: number;
  @Field(() => Int, { description: 'Participations removed with it.' })
  removedParticipations!: number;
}
