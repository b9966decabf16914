import { validate, type ValidationError } from 'class-validator';
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
 * type-graphql's validation hook: runs class-validator on every input object and argument class,
 * and reports all problems at once as BAD_USER_INPUT with each field's path.
 */
export async function validateArgs(arg: unknown, argType: unknown, resolverData: { info: { fieldName: string } }): Promise<void> {
  if (arg == null || typeof arg !== 'object') return;
  const items = Array.isArray(arg) ? arg : [arg];
  const invalid: InvalidField[] = [];
  for (const [i, item] of items.entries()) {
    if (item == null || typeof item !== 'object' || item.constructor === Object) continue;
    const errs = await validate(item as object, { forbidUnknownValues: false, skipMissingProperties: true });
    const argName = Array.isArray(arg) ? String(i) : '';
    flatten(errs, argName, invalid);
  }
  if (invalid.length) {
    const list = invalid.slice(0, 20).map((f) => `${f.field}: ${f.message}`).join('; ');
    throw new BadInputError(`Invalid arguments to ${resolverData.info.fieldName}: ${list}`, invalid);
  }
}
