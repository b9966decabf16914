import 'reflect-metadata';
import { MaxLength } from 'class-validator';
import { validateArgs } from '../../../src/common/validation';
import { ActorSyncInput } from '../../../src/sync/sync.type';

class Ruled {
  @MaxLength(3) name!: string;
}

const info = { info: { fieldName: 'someMutation' } };
const make = <T extends object>(C: new () => T, v: Partial<T>): T => Object.assign(new C(), v);

describe('validateArgs', () => {
  it('still applies class-validator rules, item by item, with each path', async () => {
    await expect(validateArgs([make(Ruled, { name: 'abc' }), make(Ruled, { name: 'abcd' })], Ruled, info)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', invalid: [{ field: '1.name', message: expect.stringMatching(/shorter than or equal to 3/) }] },
    });
    await expect(validateArgs(make(Ruled, { name: 'ab' }), Ruled, info)).resolves.toBeUndefined();
  });

  it('passes inputs whose class declares no rule (the entity gate checks them), whatever they hold', async () => {
    const items = Array.from({ length: 3 }, (_, i) => make(ActorSyncInput, { externalId: `x${i}`, name: 'x'.repeat(10_000) }));
    await expect(validateArgs(items, ActorSyncInput, info)).resolves.toBeUndefined();
  });
});
