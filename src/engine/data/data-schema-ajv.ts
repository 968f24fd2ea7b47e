/**
 * How ajv reads the data schema. Used only to generate the validator the engine ships
 * (scripts/generate-schema-validator.ts): compiling the schema takes longer than
 * reading a whole data file, and every export would pay it on its first data file.
 */
import { Ajv } from 'ajv';
import type { Options } from 'ajv';

export function dataSchemaAjv(extra: Options = {}): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    ...extra,
  });
  // VS Code's own message keywords; annotations only, so ajv just has to accept them.
  ajv.addKeyword({ keyword: 'errorMessage', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
  return ajv;
}
