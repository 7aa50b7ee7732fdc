/**
 * Test support: the operations of the server's OpenAPI document, and request values built
 * from their schemas (a plausible value per field, named values first), for the tests that
 * walk every operation (src/server/access-walk.int.test.ts).
 */

/** The JSON schema subset the document uses (OpenAPI 3.0, from zod). */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  exclusiveMinimum?: number | boolean;
  maximum?: number;
  minLength?: number;
  minItems?: number;
  pattern?: string;
  default?: unknown;
  nullable?: boolean;
  additionalProperties?: unknown;
}

/** A parameter of an operation. */
export interface OpenApiParameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required?: boolean;
  readonly schema: JsonSchema;
}

/** The parts of the document the walk reads. */
export interface OpenApiDocument {
  readonly paths: Record<
    string,
    Record<
      string,
      {
        readonly parameters?: OpenApiParameter[];
        readonly requestBody?: { content: Record<string, { schema: JsonSchema }> };
        readonly responses?: Record<string, unknown>;
        readonly 'x-access'?: string;
      }
    >
  >;
  readonly components?: { schemas?: Record<string, JsonSchema> };
}

/** One operation: a method on a path, e.g. `GET /api/orgs/{code}`. */
export interface Operation {
  /** `METHOD /path`, the key of the walk's table. */
  readonly key: string;
  readonly method: string;
  readonly path: string;
  readonly parameters: readonly OpenApiParameter[];
  readonly body: JsonSchema | null;
  /** Response statuses the document declares. */
  readonly responses: readonly string[];
  /** What the route requires of its caller (`x-access`), when the document says. */
  readonly access: string | undefined;
}

/** Every operation of `doc`, in document order (HEAD routes aside: they mirror GET). */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods)) {
      if (method === 'head') continue;
      out.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        body: op.requestBody?.content['application/json']?.schema ?? null,
        responses: Object.keys(op.responses ?? {}),
        access: op['x-access'],
      });
    }
  return out;
}

/** Values the sampler uses for fields of these names, whatever their schema. */
export type NamedValues = Readonly<Record<string, unknown>>;

/** `schema` with its `$ref` followed. */
export function resolveRef(schema: JsonSchema, doc: OpenApiDocument): JsonSchema {
  let s = schema;
  for (let i = 0; s.$ref !== undefined && i < 10; i += 1) {
    const name = s.$ref.replace(/^#\/components\/schemas\//, '');
    s = doc.components?.schemas?.[name] ?? {};
  }
  return s;
}

function typeOf(s: JsonSchema): string | undefined {
  if (Array.isArray(s.type)) return s.type.find((t) => t !== 'null');
  return s.type;
}

/**
 * A plausible value of `schema` for a field called `name`: a named value when there is one,
 * else the first enum member, the first alternative, the required fields of an object, one
 * item of an array, the minimum of a number, a short text.
 */
export function sampleOf(
  schema: JsonSchema,
  name: string,
  named: NamedValues,
  doc: OpenApiDocument,
): unknown {
  const s = resolveRef(schema, doc);
  if (Object.hasOwn(named, name)) return named[name];
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const alternatives = s.anyOf ?? s.oneOf ?? s.allOf;
  if (alternatives && alternatives.length > 0) {
    const first = alternatives.find((a) => typeOf(resolveRef(a, doc)) !== 'null') ?? alternatives[0]!;
    return sampleOf(first, name, named, doc);
  }
  switch (typeOf(s)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) out[key] = sampleOf(s.properties?.[key] ?? {}, key, named, doc);
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () =>
        sampleOf(s.items ?? {}, name, named, doc),
      );
    case 'integer':
    case 'number':
      if (typeof s.default === 'number') return s.default;
      return Math.max(s.minimum ?? 1, typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return false;
    case 'string':
      if (typeof s.default === 'string') return s.default;
      return 'walk'.padEnd(s.minLength ?? 0, 'x');
    default:
      return null;
  }
}

/**
 * `value` fitted to `schema`: fields the schema does not have are dropped (so a table entry
 * outlives a field a route no longer takes), required fields `value` lacks are sampled.
 * Alternatives (`oneOf`, `anyOf`) and free-form records are kept as given.
 */
export function fitToSchema(
  value: unknown,
  schema: JsonSchema,
  named: NamedValues,
  doc: OpenApiDocument,
): unknown {
  const s = resolveRef(schema, doc);
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) {
    if (typeOf(s) !== 'array' || !s.items) return value;
    return value.map((item) => fitToSchema(item, s.items!, named, doc));
  }
  if (typeof value !== 'object' || typeOf(s) !== 'object' || !s.properties) return value;
  const given = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(s.properties)) {
    if (Object.hasOwn(given, key)) out[key] = fitToSchema(given[key], field, named, doc);
    else if (s.required?.includes(key)) out[key] = sampleOf(field, key, named, doc);
  }
  return out;
}

/** The URL of `op` with its path parameters replaced and its query parameters appended. */
export function urlOf(op: Operation, values: Readonly<Record<string, string>>): string {
  let url = op.path;
  const query: string[] = [];
  for (const p of op.parameters) {
    const v = values[p.name];
    if (v === undefined) continue;
    if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(v));
    else if (p.in === 'query') query.push(`${p.name}=${encodeURIComponent(v)}`);
  }
  return query.length > 0 ? `${url}?${query.join('&')}` : url;
}
