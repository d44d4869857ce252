import { compileErrors, validate } from '@readme/openapi-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();

const fetchDocument = async () => (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();

/** Every schema object in the document: components, parameters, bodies and responses. */
function schemasOf(document: OpenApiDocument): Array<[string, object]> {
  const found: Array<[string, object]> = Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => [
    `components.schemas.${name}`,
    schema,
  ]);
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const where = `${method} ${path}`;
      for (const parameter of operation.parameters ?? []) found.push([`${where} ${parameter.name}`, parameter.schema]);
      for (const [type, media] of Object.entries(operation.requestBody?.content ?? {})) {
        found.push([`${where} body ${type}`, media.schema]);
      }
      for (const [status, response] of Object.entries(operation.responses)) {
        for (const [type, media] of Object.entries(response.content ?? {})) {
          found.push([`${where} ${status} ${type}`, media.schema]);
        }
      }
    }
  }
  return found;
}

type Media = Record<string, { schema: object }>;
type OpenApiDocument = {
  openapi: string;
  components?: { schemas?: Record<string, object> };
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Array<{ name: string; schema: object }>;
        requestBody?: { content?: Media };
        responses: Record<string, { content?: Media }>;
      }
    >
  >;
};

describe('the OpenAPI document at /api/docs/json', () => {
  it('is a valid OpenAPI 3.1 document, as client generators read it', async () => {
    const document = await fetchDocument();
    expect(document.openapi).toBe('3.1.0');
    const result = await validate(document);
    expect(result.valid ? '' : compileErrors(result)).toBe('');
    expect(result.warnings).toEqual([]);
  });

  it('holds schemas that are valid JSON Schema 2020-12, the dialect of OpenAPI 3.1', async () => {
    const document: OpenApiDocument = await fetchDocument();
    const ajv = new Ajv2020({ strict: false });
    const schemas = schemasOf(document);
    expect(schemas.length).toBeGreaterThan(100);
    const invalid = schemas
      .filter(([, schema]) => !ajv.validateSchema(schema))
      .map(([where]) => `${where}: ${ajv.errorsText(ajv.errors)}`);
    expect(invalid).toEqual([]);
  });

  it('is shown by Swagger UI at /api/docs', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const initializer = await t.app.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' });
    expect(initializer.statusCode).toBe(200);
    expect(initializer.body).toContain('./json');
  });
});
