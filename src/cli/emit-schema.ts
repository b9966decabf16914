import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { createSchema } from '../schema';
import { SCHEMA_FILE, printSortedSchema } from '../schema-file';

/** `npm run schema`: writes schema/schema.graphql from the code. */
createSchema()
  .then((schema) => {
    writeFileSync(SCHEMA_FILE, printSortedSchema(schema));
    console.log(`wrote ${SCHEMA_FILE}`);
  })
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
