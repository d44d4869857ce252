import type { App } from '../../src/app.ts';

/** A JSON Schema as the OpenAPI document holds it (3.0 or 3.1). */
export type JsonSchema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  multipleOf?: number;
  items?: JsonSchema | JsonSchema[];
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  minProperties?: number;
  default?: unknown;
};

export type Parameter = { name: string; required: boolean; schema: JsonSchema };

/** One operation of the API, as its OpenAPI document describes it. */
export type Route = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The OpenAPI path, `{id}` for parameters. */
  path: string;
  params: Parameter[];
  query: Parameter[];
  /** The JSON body's schema; undefined when the route takes no JSON body. */
  body?: JsonSchema;
  bodyRequired: boolean;
  /** The request media types other than JSON (text/csv, multipart/form-data). */
  otherMediaTypes: string[];
};

type Operation = {
  parameters?: Array<{ in: string; name: string; required?: boolean; schema: JsonSchema }>;
  requestBody?: { required?: boolean; content?: Record<string, { schema: JsonSchema }> };
};

/**
 * Every route of the API, from its OpenAPI document: the document is built from each route's own
 * schemas (plugins/openapi.ts), and a route that is not in it is not documented either.
 */
export function routeTable(app: App): Route[] {
  const document = (app as unknown as { swagger(): { paths: Record<string, Record<string, Operation>> } }).swagger();
  const routes: Route[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const parameters = operation.parameters ?? [];
      const parametersIn = (place: string) =>
        parameters
          .filter((parameter) => parameter.in === place)
          .map(({ name, required, schema }) => ({ name, required: required ?? false, schema }));
      const content = operation.requestBody?.content ?? {};
      routes.push({
        method: method.toUpperCase() as Route['method'],
        path,
        params: parametersIn('path'),
        query: parametersIn('query'),
        body: content['application/json']?.schema,
        bodyRequired: operation.requestBody?.required ?? false,
        otherMediaTypes: Object.keys(content).filter((type) => type !== 'application/json'),
      });
    }
  }
  return routes;
}

export const routeName = (route: Pick<Route, 'method' | 'path'>) => `${route.method} ${route.path}`;
