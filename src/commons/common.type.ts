import { Field, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type';

export interface CommonRecord {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  description: string | null;
}

@ObjectType({ simpleResolvers: true, implements: Node, description: 'A common good (bien commun) the program preserves or produces collectively: water, air, food, gender equality...' })
export class Common extends Node {
  @Field({ description: 'Stable code, e.g. `WATER`.' })
  code!: string;
  @Field({ description: 'French name, e.g. "Eau".' })
  name!: string;
  @Field(() => String, { nullable: true, description: 'English name.' })
  nameEn!: string | null;
  @Field(() => String, { nullable: true, description: 'What the common is and why the program cares for it.' })
  description!: string | null;
}
