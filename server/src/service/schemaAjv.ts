// The one place that turns the schema into a validator at run time: ajv (draft-07, strict, all errors,
// verbose) with the annotation vocabulary declared. The language service does not call it: it uses the same
// validator generated at build time (scripts/generate-validator.mjs -> server/src/generated/), which spares
// start-up the compile. Tests call it to prove the generated validator equal to a fresh compile.
import Ajv, { type Options, type ValidateFunction } from 'ajv';
import { ANNOTATION_KEYWORDS, CONTAINER_GROUP_SCHEMA } from './schemaVocabulary';

/** The ajv options of the document validator; scripts/generate-validator.mjs uses the same (a test checks). */
export const SCHEMA_AJV_OPTIONS: Options = { strict: true, allErrors: true, verbose: true };

export interface SchemaAjv {
  ajv: Ajv;
  /** The compiled document schema. */
  validate: ValidateFunction;
}

/**
 * An ajv instance (draft-07, strict mode, all errors) that knows the annotation vocabulary, with
 * the document schema compiled. Each call returns a fresh instance.
 */
export function createSchemaAjv(): SchemaAjv {
  const ajv = new Ajv(SCHEMA_AJV_OPTIONS);
  ajv.addVocabulary([...ANNOTATION_KEYWORDS]);
  const validate = ajv.compile(CONTAINER_GROUP_SCHEMA);
  return { ajv, validate };
}
