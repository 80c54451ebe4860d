import * as z from 'zod/mini';
import { toJSONSchema } from 'zod/mini';
import * as schema from '../schema/index.js';
import { integerBounds } from '../schema/formats.js';
import { access } from './access.js';
import { COMMON_ERRORS, ERROR_STATUS, IDEMPOTENCY_HEADER, REQUEST_ID_HEADER, endpoints, type Endpoint, type EndpointId } from './endpoints.js';
import * as contractSchemas from './endpoints.js';
import { summaries } from './summaries.js';

type Json = Record<string, unknown>;

const DESCRIPTIONS: Record<string, string> = {
  Fen: 'Money: CNY in integer fen (分). 20 yuan is 2000. Never a decimal.',
  Instant: 'An instant, ISO 8601 with an offset, e.g. 2026-11-23T09:00:00+08:00. Shown in the compound time zone.',
  LocalDate: 'A calendar date in the compound time zone (Asia/Shanghai).',
  LocalTime: 'A wall-clock time HH:mm in the compound time zone.',
  LocalizedText: 'Text in zh-CN (required) and English (optional).',
  MobilePhone: 'A mainland China mobile number (11 digits). Personal data: never shown on public screens.',
  ErrorBody: 'The one body of every error response.',
};

/** A JSON object of strings, as `z.record` would describe it. */
const stringMap = (maxKey?: number, maxValue?: number): Json => ({
  type: 'object',
  propertyNames: { type: 'string', ...(maxKey === undefined ? {} : { maxLength: maxKey }) },
  additionalProperties: { type: 'string', ...(maxValue === undefined ? {} : { maxLength: maxValue }) },
});

/**
 * JSON Schemas of the schemas that check with a function, which `toJSONSchema` cannot read: the
 * booking `metadata` maps (schema/booking.ts `stringMap`; the limits are those of `BookingInput`,
 * and test/contract checks that the two agree). Each is what zod writes for the construct the
 * schema stands for.
 */
function customSchemas(): Map<unknown, Json> {
  const inner = (s: z.ZodMiniType) => (s._zod.def as { innerType?: unknown }).innerType;
  return new Map<unknown, Json>([
    [inner(schema.BookingInput.shape.metadata), stringMap(40, 200)],
    [inner(schema.Booking.shape.metadata), stringMap()],
  ]);
}

function isSchema(value: unknown): value is z.ZodMiniType {
  return typeof value === 'object' && value !== null && '_zod' in value;
}

function ref(id: string): Json {
  return { $ref: `#/components/schemas/${id}` };
}

/** Group endpoints by their first path segment, for tags. */
function tagOf(id: string): string {
  return id.split('.')[0] ?? id;
}

function title(id: string, part: string): string {
  const [group = '', op = ''] = id.split('.');
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return `${cap(group)}${cap(op)}${part}`;
}

/**
 * The OpenAPI 3.1 document of the HTTP contract, built from the endpoint table and the zod schemas.
 * JSON Schema 2020-12 from `toJSONSchema` is what OpenAPI 3.1 takes, so nothing else is needed.
 */
export function buildOpenApi(options: { version?: string; serverUrl?: string } = {}): Json {
  const registry = z.registry<{ id: string; description?: string }>();
  const ids = new Map<unknown, string>();
  const register = (s: z.ZodMiniType, id: string) => {
    if (ids.has(s)) return ids.get(s)!;
    ids.set(s, id);
    registry.add(s, DESCRIPTIONS[id] ? { id, description: DESCRIPTIONS[id] } : { id });
    return id;
  };
  for (const [name, value] of [...Object.entries(schema), ...Object.entries(contractSchemas)].sort(([a], [b]) => a.localeCompare(b))) {
    if (/^[A-Z][A-Za-z]+$/.test(name) && isSchema(value)) register(value, name);
  }
  const bodyRef = (s: z.ZodMiniType, id: string) => ref(register(s, ids.get(s) ?? id));
  const custom = customSchemas();
  const override = ({ zodSchema, jsonSchema }: { zodSchema: z.core.$ZodType; jsonSchema: Json }) => {
    const replacement = custom.get(zodSchema);
    if (replacement) Object.assign(jsonSchema, structuredClone(replacement));
    // schema/formats.ts `int(min, max)`: an integer in the safe range unless its bounds narrow it,
    // as `z.int().check(z.minimum(min), z.maximum(max))` says.
    const int = zodSchema._zod.def.checks?.map((c) => integerBounds(c._zod.check)).find(Boolean);
    if (int) {
      const [minimum = Number.MIN_SAFE_INTEGER, maximum = Number.MAX_SAFE_INTEGER] = int;
      Object.assign(jsonSchema, { type: 'integer', minimum, maximum });
    }
  };

  const paths: Record<string, Record<string, Json>> = {};
  for (const [id, ep] of Object.entries(endpoints) as [string, Endpoint][]) {
    const parameters: Json[] = [];
    const inline = (s: z.ZodMiniType) => stripMeta(toJSONSchema(s, { io: 'input', unrepresentable: 'any', override }) as Json);
    for (const [where, obj] of [['path', ep.params], ['query', ep.query]] as const) {
      if (!obj) continue;
      const shape = obj._zod.def.shape as Record<string, z.ZodMiniType>;
      for (const [key, prop] of Object.entries(shape)) {
        const optional = prop._zod.optin === 'optional';
        parameters.push({ name: key, in: where, required: where === 'path' || !optional, schema: inline(prop) });
      }
    }
    if (ep.idempotent) {
      parameters.push({
        name: IDEMPOTENCY_HEADER,
        in: 'header',
        required: false,
        description:
          'Makes a retry safe. Same key and same body: the stored response is replayed. Same key, other body: 422 idempotency_mismatch. Same key while the first request is still in flight: 409 idempotency_in_flight (retry later with the same key).',
        schema: { type: 'string', minLength: 8, maxLength: 128 },
      });
    }
    const { roles, errors } = access[id as EndpointId];
    const codes = [...COMMON_ERRORS, ...errors];
    const byStatus = new Map<number, string[]>();
    for (const code of codes) {
      const status = ERROR_STATUS[code];
      byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
    }
    const requestIdHeader = { [REQUEST_ID_HEADER]: { $ref: '#/components/headers/RequestId' } };
    const responses: Record<string, Json> = {
      [String(ep.status)]: {
        description: ep.status === 201 ? 'Created' : 'OK',
        headers: requestIdHeader,
        content: { 'application/json': { schema: bodyRef(ep.response, title(id, 'Response')) } },
      },
    };
    for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
      responses[String(status)] = {
        description: `Error; \`code\` is one of: ${list.join(', ')}`,
        headers: status === 429 || status === 503
          ? { ...requestIdHeader, 'Retry-After': { $ref: '#/components/headers/RetryAfter' } }
          : requestIdHeader,
        content: { 'application/json': { schema: ref('ErrorBody') } },
      };
    }
    const operation: Json = {
      operationId: id,
      summary: summaries[id as keyof typeof summaries],
      tags: [tagOf(id)],
      'x-roles': roles,
      security: (roles as readonly string[]).includes('public') ? [{}, { bearer: [] }] : [{ bearer: [] }],
      ...(parameters.length ? { parameters } : {}),
      ...(ep.body ? { requestBody: { required: true, content: { 'application/json': { schema: bodyRef(ep.body, title(id, 'Body')) } } } } : {}),
      responses,
    };
    const path = (paths[ep.path] ??= {});
    path[ep.method.toLowerCase()] = operation;
  }

  const generated = toJSONSchema(registry, { io: 'input', unrepresentable: 'any', override, uri: (key) => `#/components/schemas/${key}` }) as {
    schemas: Record<string, Json>;
  };
  const schemas: Record<string, Json> = {};
  for (const key of Object.keys(generated.schemas).sort()) schemas[key] = stripMeta(generated.schemas[key]!);

  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Bianmin convenience services API',
      version: options.version ?? '0.1.0',
      description: [
        'The contract between Bianmin widgets and a property company backend, generated from the zod schemas of @bianmin/sdk.',
        '',
        '- Money is CNY in integer fen. Instants are ISO 8601 with an offset; the compound clock is Asia/Shanghai.',
        '- Roles (x-roles): `public` needs no token (signage); `resident` is bound to one household and never sees another household\'s data; `staff` is the front desk. 401 without a valid token, 403 for another household\'s record or a role not allowed.',
        '- Every error answers with the ErrorBody shape: code, message, requestId, and issues for validation errors.',
        `- POST operations marked with an ${IDEMPOTENCY_HEADER} parameter are idempotent: same key and body replay the stored response; another body under the same key is 422 idempotency_mismatch; a key still in flight is 409 idempotency_in_flight. Domain conflicts (slot_taken, out_of_stock, ...) are 409 with their own code and must not be retried.`,
        '- Lists are paginated with opaque cursors: pass nextCursor back as cursor until it is null.',
      ].join('\n'),
      license: { name: 'MIT' },
    },
    servers: [{ url: options.serverUrl ?? '/api' }],
    tags: [...new Set(Object.keys(endpoints).map(tagOf))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      headers: {
        RequestId: { description: 'Identifies the request; quote it when reporting a problem.', schema: { type: 'string' } },
        RetryAfter: { description: 'Seconds to wait before retrying.', schema: { type: 'integer', minimum: 0 } },
      },
      schemas,
    },
  };
}

function stripMeta(json: Json): Json {
  const { $schema: _s, $id: _i, ...rest } = json;
  return rest;
}
