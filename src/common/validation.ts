import { getMetadataStorage, validate, type ValidationError } from 'class-validator';
import { BadInputError, type InvalidField } from '../errors';

function flatten(errors: ValidationError[], prefix: string, out: InvalidField[]): InvalidField[] {
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    for (const msg of Object.values(e.constraints ?? {})) out.push({ field: path, message: msg });
    if (e.children?.length) flatten(e.children, path, out);
  }
  return out;
}

/**
 * Whether class-validator has any rule for instances of `ctor` (nested objects are only walked
 * through a rule of their parent: @ValidateNested). Most inputs declare none: their fields come
 * from an entity's table and its gate checks them (src/model/entity.ts), so walking them is waste
 * (5,000 awaited walks for one sync batch).
 */
const ruled = new Map<Function, boolean>();
function hasRules(ctor: Function): boolean {
  let has = ruled.get(ctor);
  if (has === undefined) {
    has = getMetadataStorage().getTargetValidationMetadatas(ctor, '', true, false).length > 0;
    ruled.set(ctor, has);
  }
  return has;
}

/**
 * type-graphql's validation hook: runs class-validator on every input object and argument class,
 * and reports all problems at once as BAD_USER_INPUT with each field's path.
 */
export async function validateArgs(arg: unknown, argType: unknown, resolverData: { info: { fieldName: string } }): Promise<void> {
  if (arg == null || typeof arg !== 'object') return;
  const items = Array.isArray(arg) ? arg : [arg];
  const invalid: InvalidField[] = [];
  for (const [i, item] of items.entries()) {
    if (item == null || typeof item !== 'object' || item.constructor === Object || !hasRules(item.constructor)) continue;
    const errs = await validate(item as object, { forbidUnknownValues: false, skipMissingProperties: true });
    const argName = Array.isArray(arg) ? String(i) : '';
    flatten(errs, argName, invalid);
  }
  if (invalid.length) {
    const list = invalid.slice(0, 20).map((f) => `${f.field}: ${f.message}`).join('; ');
    throw new BadInputError(`Invalid arguments to ${resolverData.info.fieldName}: ${list}`, invalid);
  }
}
