// The schema's annotation vocabulary: the keywords, units and shapes of the schema's own annotations.
// schemas/eci-container-group.schema.json is the truth (see docs/schema-format.md); this module
// only declares its non-standard keywords to ajv so that ajv's strict mode accepts them.
import containerGroupSchema from '../../../schemas/eci-container-group.schema.json';
import rulesFile from '../../../schemas/eci-rules.json';

/**
 * Annotation keywords of the schema. ajv ignores their values when validating; the language
 * service reads them for hover, completion, warnings and masking.
 */
export const ANNOTATION_KEYWORDS = [
  /** Path in the reference's notation, e.g. `Container[].ReadinessProbe.HttpGet.Port`. */
  'x-wirePath',
  /** The description in Japanese (`description` holds the English one). */
  'x-description-ja',
  /** English meaning of each `enum` value, same order (yaml-language-server / VS Code convention). */
  'enumDescriptions',
  /** Japanese meaning of each `enum` value, same order. */
  'x-enumDescriptions-ja',
  /** Unit of a numeric or size value: `cores`, `GiB`, `seconds`, `Bps`, `Mbps`, `hours`, ... */
  'x-unit',
  /** Line of the parameter's row in the API reference's text (rows and lines: test/unit/reference/seed-params.json). */
  'x-referenceLine',
  /** `missing` (documented, absent from the SDK model) or `undocumented` (SDK only). */
  'x-sdk',
  /** The value is a secret: mask it in every output. */
  'x-secret',
  /** `{code, message, x-message-ja}`: a warning shown whenever the key is present. */
  'x-warning',
  /** Plain-language statement (English) of what `pattern` requires, for diagnostics. */
  'x-patternDescription',
  /** Plain-language statement (Japanese) of what `pattern` requires. */
  'x-patternDescription-ja',
  /** `{reason, source}` on an `enum` that mirrors an open vocabulary: other values are warnings, not errors. */
  'x-openEnum',
  /** `{reason, source}` on a limit the reference does not state: 0 / "" / false there means "not set", a hint. */
  'x-unsetValue',
  /** `[{name, source}]`: names older official clients used for this key; an error with its own message and quick fix. */
  'x-formerNames',
  /** Where an `x-sdk: undocumented` parameter absent from the SDK model was found (another official client). */
  'x-foundIn',
  /** A file mode: an integer written with octal digits; `'0644'` quoted is accepted, and the digits travel as written. */
  'x-octalMode',
] as const;

/** The units `x-unit` may name. */
export const UNITS = [
  'cores',
  'GiB',
  'MiB',
  'KB',
  'bytes',
  'seconds',
  'minutes',
  'milliseconds',
  'hours',
  'Bps',
  'Mbps',
  'IOPS',
] as const;

export type Severity = 'error' | 'warning' | 'hint';

/** One cross-field rule of schemas/eci-rules.json (a rule JSON Schema cannot express). */
export interface EciRule {
  id: string;
  severity: Severity;
  paths: string[];
  referenceLines: number[];
  description: string;
  'x-description-ja': string;
  /** The service's error code for the same defect, when the reference names one. */
  errorCode?: string;
  /** The evidence that decided the rule's severity, when it is not the reference alone. */
  'x-source'?: string;
}

/** Why a schema annotation departs from the reference's text, and the evidence. */
export interface AnnotationSource {
  reason: string;
  source: string;
}

export interface FormerName {
  name: string;
  source: string;
}

export interface SchemaWarning {
  code: string;
  message: string;
  'x-message-ja': string;
}

/** A node of the document schema: the subset of JSON Schema draft-07 the service reads, with the vocabulary above. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  required?: string[];
  /** One schema for every item (the document schema uses no tuple form). */
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  examples?: unknown[];
  description?: string;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  definitions?: Record<string, JsonSchema>;
  $defs?: Record<string, JsonSchema>;
  'x-wirePath'?: string;
  'x-description-ja'?: string;
  enumDescriptions?: string[];
  'x-enumDescriptions-ja'?: string[];
  'x-unit'?: string;
  'x-referenceLine'?: number;
  'x-sdk'?: 'missing' | 'undocumented';
  'x-secret'?: boolean;
  'x-warning'?: SchemaWarning;
  'x-patternDescription'?: string;
  'x-patternDescription-ja'?: string;
  'x-openEnum'?: AnnotationSource;
  'x-unsetValue'?: AnnotationSource;
  'x-formerNames'?: FormerName[];
  'x-foundIn'?: string;
  'x-octalMode'?: boolean;
  [key: string]: unknown;
}

/** The document schema (root node). */
export const CONTAINER_GROUP_SCHEMA = containerGroupSchema as unknown as JsonSchema & { $id: string; $schema: string };

/** The cross-field rules. */
export const ECI_RULES: readonly EciRule[] = (rulesFile as { rules: EciRule[] }).rules;
