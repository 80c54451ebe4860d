import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { access } from '../../packages/sdk/src/contract/access.js';
import { endpoints, type Endpoint, type EndpointId } from '../../packages/sdk/src/contract/endpoints.js';
import { buildOpenApi } from '../../packages/sdk/src/contract/openapi.js';

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { operationId: string; 'x-roles': string[]; parameters?: { name: string; in: string }[]; responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>; requestBody?: unknown }>>;
  components: { schemas: Record<string, unknown> };
};

const doc = buildOpenApi({ version: JSON.parse(readFileSync('packages/sdk/package.json', 'utf8')).version }) as unknown as Doc;

describe('the OpenAPI 3.1 contract', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc) as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
  });

  it('is committed up to date in packages/sdk/openapi.json (run `npm run contract` after changing a schema)', () => {
    const committed = readFileSync('packages/sdk/openapi.json', 'utf8');
    expect(committed).toBe(`${JSON.stringify(doc, null, 2)}\n`);
  });

  it('describes every operation of the endpoint table with its roles, idempotency and error body', () => {
    for (const [id, ep] of Object.entries(endpoints) as [string, Endpoint][]) {
      const op = doc.paths[ep.path]?.[ep.method.toLowerCase()];
      expect(op, id).toBeDefined();
      expect(op!.operationId).toBe(id);
      expect(op!['x-roles']).toEqual([...access[id as EndpointId].roles]);
      const hasKey = (op!.parameters ?? []).some((p) => p.name === 'Idempotency-Key' && p.in === 'header');
      expect(hasKey, `${id} idempotency header`).toBe(Boolean(ep.idempotent));
      expect(Object.keys(op!.responses)).toContain(String(ep.status));
      for (const [status, response] of Object.entries(op!.responses)) {
        if (Number(status) >= 400) expect(response.content?.['application/json']?.schema.$ref, `${id} ${status}`).toBe('#/components/schemas/ErrorBody');
      }
      expect(Boolean(op!.requestBody), `${id} request body`).toBe('body' in ep);
      for (const name of ep.path.match(/\{(\w+)\}/g) ?? []) {
        expect((op!.parameters ?? []).some((p) => p.in === 'path' && `{${p.name}}` === name), `${id} ${name}`).toBe(true);
      }
    }
  });

  it('declares 409 for every domain conflict and 422 for an idempotency mismatch', () => {
    const create = doc.paths['/bookings']!.post!;
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '409', '422', '429', '503']));
    expect(JSON.stringify(create.responses['409'])).toContain('slot_taken');
    expect(JSON.stringify(create.responses['409'])).toContain('idempotency_in_flight');
    expect(JSON.stringify(create.responses['422'])).toContain('idempotency_mismatch');
  });

  it('keeps money as integers and instants with an offset in the JSON Schemas', () => {
    const schemas = doc.components.schemas as Record<string, { type?: string; format?: string; pattern?: string; minimum?: number }>;
    expect(schemas.Fen?.type).toBe('integer');
    expect(schemas.Fen?.minimum).toBe(0);
    expect(schemas.Instant?.format).toBe('date-time');
    // the pattern demands an offset or Z
    expect(new RegExp(schemas.Instant!.pattern!).test('2026-11-23T09:00:00+08:00')).toBe(true);
    expect(new RegExp(schemas.Instant!.pattern!).test('2026-11-23T09:00:00')).toBe(false);
  });

  it('describes the schemas that check with a function as the zod schemas they stand for', () => {
    const schemas = doc.components.schemas as Record<string, { properties: Record<string, unknown> }>;
    // booking metadata: z.record(key ≤ 40, value ≤ 200) on input (test/sdk/schema holds the schema to it)
    expect(schemas.BookingInput!.properties.metadata).toEqual({
      type: 'object',
      propertyNames: { type: 'string', maxLength: 40 },
      additionalProperties: { type: 'string', maxLength: 200 },
    });
    expect(schemas.Booking!.properties.metadata).toEqual({ type: 'object', propertyNames: { type: 'string' }, additionalProperties: { type: 'string' } });
    // schema/formats.ts int(): what z.int() describes, the safe range unless narrowed
    expect(schemas.Category!.properties.order).toEqual({ type: 'integer', minimum: Number.MIN_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER });
    expect(schemas.SlotPolicy!.properties.capacity).toEqual({ type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
    expect(schemas.QuoteInput!.properties.hours).toEqual({ type: 'integer', minimum: 1, maximum: 24 });
  });
});
