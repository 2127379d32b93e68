/**
 * The intake v1 OpenAPI document as Ajv (JSON Schema 2020-12) validators: `responseValidator(path, method, status)`
 * checks a real response body against the schema the spec promises. Used by the conformance tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

export const SPEC_FILE = join(__dirname, '..', '..', 'openapi', 'actionplane-v1.yaml');
const DEFS_ID = 'urn:actionplane:intake-v1';

type Json = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, Json> }>>;
  components: { schemas: Record<string, Json>; responses: Record<string, Json> };
}

export function loadSpec(): OpenApiDocument {
  return parse(readFileSync(SPEC_FILE, 'utf8')) as OpenApiDocument;
}

/** `#/components/schemas/X` → a reference into the one schema document Ajv holds for all components. */
function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (typeof node !== 'object' || node === null) return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) {
    out[k] =
      k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')
        ? `${DEFS_ID}#/$defs/${v.slice('#/components/schemas/'.length)}`
        : rewriteRefs(v);
  }
  return out;
}

export class SpecValidators {
  private readonly ajv: Ajv2020;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(readonly spec: OpenApiDocument = loadSpec()) {
    this.ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
    addFormats(this.ajv);
    // OpenAPI's own annotation keyword.
    this.ajv.addKeyword('example');
    this.ajv.addSchema({ $id: DEFS_ID, $defs: rewriteRefs(spec.components.schemas) as Json });
  }

  /** The validator for one documented response; throws when the spec documents no such response. */
  responseValidator(path: string, method: string, status: number): ValidateFunction {
    const key = `${method} ${path} ${status}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const operation = this.spec.paths[path]?.[method.toLowerCase()];
    if (!operation) throw new Error(`The spec has no ${method} ${path}`);
    let response = operation.responses[String(status)];
    if (!response) throw new Error(`The spec documents no ${status} for ${method} ${path}`);
    const ref = response.$ref;
    if (typeof ref === 'string') response = this.spec.components.responses[ref.split('/').pop() ?? ''];
    if (!response) throw new Error(`${method} ${path} ${status} refers to a missing response ${String(ref)}`);
    const schema = (response.content as Record<string, { schema: Json }> | undefined)?.['application/json']?.schema;
    if (!schema) throw new Error(`${method} ${path} ${status} has no application/json schema`);
    const validate = this.ajv.compile(rewriteRefs(schema) as Json);
    this.cache.set(key, validate);
    return validate;
  }

  /** Problems of `value` against one component schema (`#/components/schemas/<name>`); empty when it conforms. */
  schemaProblems(name: string, value: unknown): string[] {
    if (!this.spec.components.schemas[name]) throw new Error(`The spec has no schema ${name}`);
    const key = `schema ${name}`;
    let validate = this.cache.get(key);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${DEFS_ID}#/$defs/${name}` });
      this.cache.set(key, validate);
    }
    return validate(value)
      ? []
      : (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? ''}`);
  }

  /** Problems of `body` against the documented response, as readable lines; empty when it conforms. */
  problems(path: string, method: string, status: number, body: unknown): string[] {
    const validate = this.responseValidator(path, method, status);
    return validate(body)
      ? []
      : (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? ''}`);
  }
}
