// The document schema's validator as the service uses it: generated at build time from
// schemas/eci-container-group.schema.json by scripts/generate-validator.mjs (ajv standalone code, the options
// and vocabulary of schemaAjv.ts), so that start-up compiles nothing. test/unit/schema-validator.test.ts proves
// it equal to a fresh ajv compile on the fixture and fuzz corpora.
import type { ErrorObject } from 'ajv';
import { validate as generated } from '../generated/documentValidator';

interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** The schema findings for a document's JSON value: none when it is valid. */
export function validateDocument(root: unknown): ErrorObject[] {
  const validate = generated as GeneratedValidator;
  return validate(root) ? [] : [...(validate.errors ?? [])];
}
