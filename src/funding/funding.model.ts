import { defineEntity, type ValuesOf } from '../model/entity';
import { boolean, endField, idField, instantField, integer, key, number, source, tags, text, versionField } from '../model/field';

/** The largest amount one funding record may carry, in euros (as a bond's weight bound: sums stay exact enough). */
export const MAX_AMOUNT = 1e12;

/**
 * A funding's shape, declared once (see ACTOR): an actor (the funder) puts an amount in euros
 * into an operation for one year. Stored as a `FUNDING` relationship from the actor to the
 * operation, so that it is first-class like a bond (own id, source, version) and never part of
 * the analysed actor network (see the README, "Evaluation").
 */
export const FUNDING = defineEntity(
  'Funding',
  {
    id: idField(),
    funderId: endField('Id of the funding actor.', 'startNode'),
    operationId: endField('Id of the funded operation.', 'endNode'),
    amount: number({ description: `Amount in euros (0 to ${MAX_AMOUNT}); null when confidential and the caller may not read it.`, required: true, min: 0, max: MAX_AMOUNT, aliases: ['montant', 'somme'], headerFr: 'montant' }),
    year: integer({ description: 'Year the amount is for (budget year).', required: true, min: 1900, max: 2100, aliases: ['année', 'exercice'], headerFr: 'année' }),
    confidential: boolean({
      description: 'True when the amount is not public: only ANALYST, EDITOR, ADMIN keys and PARTNER keys of its source read it (and the sums that include it). Default false: amounts are public data.',
      required: true,
      absent: () => false,
      aliases: ['confidentiel'],
      headerFr: 'confidentiel',
    }),
    description: text({ description: 'What the money is for, or the decision it comes from.', max: 5000, multiline: true, aliases: ['description', 'objet'], headerFr: 'objet' }),
    tags: tags({ description: 'Free labels, e.g. `fictional` on the demo data.', aliases: ['étiquettes', 'mots-clés'], headerFr: 'étiquettes' }),
    source: source({ description: 'System of record the funding comes from.', required: true, writable: false, synced: false, exported: true, aliases: ['source', 'origine'], headerFr: 'source' }),
    externalId: key({ description: 'Key of the funding in its system of record; unique within `source`.', synced: false, exported: true, aliases: ['identifiant', 'référence'], headerFr: 'identifiant' }),
    version: versionField(),
    createdAt: instantField('When the funding was created.'),
    updatedAt: instantField('When the funding last changed.'),
  },
  [],
  {},
  // Money the program's own actors (the council, its departments) put in is the program's structure.
  (f, program) => (program.has(f.funderSource as string) ? `a funding by one of the program's own actors (source ${String(f.funderSource)})` : null),
);

export type FundingValues = ValuesOf<typeof FUNDING.fields>;
