import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'supertest';
import VIEW_SCHEMAS from '../../apps/ledger-api/src/openapi/view-schemas.json';

type Media = { schema?: object };
type Operation = { responses: Record<string, { content?: Record<string, Media> }> };
type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, object> } };

/**
 * Checks answers against the committed OpenAPI document (apps/ledger-api/openapi.json), as an
 * integrator's client would: the status is documented for the route, and the body matches the
 * schema documented for that status and content type. Stricter than the document on one point: an
 * answer made from a view type (view-schemas.json) carries no field its type does not declare, so a
 * type that fell behind its route is caught here (the document itself lets an answer grow fields).
 */
export class OpenApiReplay {
  private readonly document: Document;
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly validators = new Map<object, ValidateFunction>();
  private readonly routes: { method: string; template: string; pattern: RegExp; literal: number }[] = [];

  constructor(file = join(__dirname, '../../apps/ledger-api/openapi.json')) {
    this.document = JSON.parse(readFileSync(file, 'utf8')) as Document;
    addFormats(this.ajv);
    const schemas = { ...this.document.components.schemas };
    for (const name of Object.keys(VIEW_SCHEMAS)) schemas[name] = closed(schemas[name]);
    this.ajv.addSchema({ components: { ...this.document.components, schemas } }, 'openapi');
    for (const [template, item] of Object.entries(this.document.paths)) {
      const pattern = new RegExp(`^${template.replace(/\./g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`);
      const literal = template.replace(/\{[^}]+\}/g, '').length;
      for (const method of Object.keys(item)) this.routes.push({ method, template, pattern, literal });
    }
    // A literal segment wins over a parameter (`/v1/imports/templates/{file}` before `/v1/imports/{id}`).
    this.routes.sort((a, b) => b.literal - a.literal);
  }

  /** Fails the test when the answer is not one the document allows for `method url`. */
  check(method: string, url: string, response: Response): Response {
    const path = url.split('?')[0];
    const route = this.routes.find((r) => r.method === method.toLowerCase() && r.pattern.test(path));
    if (!route) throw new Error(`${method} ${path}: no such operation in openapi.json`);
    const operation = this.document.paths[route.template][route.method];
    const documented = operation.responses[String(response.status)];
    if (!documented) {
      throw new Error(
        `${method} ${route.template}: status ${response.status} is not documented (documented: ${Object.keys(operation.responses).join(', ')})`,
      );
    }
    const type = (response.type || '').toLowerCase();
    const media = documented.content?.[type];
    if (!media) {
      throw new Error(
        `${method} ${route.template} ${response.status}: content type ${type} is not documented (documented: ${Object.keys(documented.content ?? {}).join(', ')})`,
      );
    }
    if (type.endsWith('json') && media.schema) {
      const validate = this.validatorOf(media.schema);
      if (!validate(response.body)) {
        throw new Error(
          `${method} ${route.template} ${response.status}: body does not match the documented schema: ${describe(validate.errors)}\n${JSON.stringify(response.body).slice(0, 500)}`,
        );
      }
    }
    return response;
  }

  private validatorOf(schema: object): ValidateFunction {
    let validate = this.validators.get(schema);
    if (!validate) {
      // `#/components/…` references resolve against the document registered as `openapi`.
      const rebased = JSON.parse(
        JSON.stringify(schema).replace(/"#\/components\//g, '"openapi#/components/'),
      ) as object;
      validate = this.ajv.compile(rebased);
      this.validators.set(schema, validate);
    }
    return validate;
  }
}

/** `schema` with every object that lists its properties closed to others (`additionalProperties: false`). */
function closed(schema: unknown): object {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== 'object') return schema as object;
  const out = Object.fromEntries(
    Object.entries(schema).map(([key, value]) =>
      // Property names are not schemas: close the schemas they map to, not the map.
      key === 'properties'
        ? [key, Object.fromEntries(Object.entries(value as object).map(([p, s]) => [p, closed(s)]))]
        : [key, closed(value)],
    ),
  );
  return 'properties' in out && !('additionalProperties' in out) ? { ...out, additionalProperties: false } : out;
}

/** Ajv's errors, each with where and what (the name of a field the schema does not declare, say). */
function describe(errors: ValidateFunction['errors']): string {
  return (errors ?? [])
    .map((e) => `${e.instancePath || '(body)'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`)
    .join('; ');
}

/** The servers whose every answer is replayed, and the one document they are replayed against. */
const replayed = new WeakSet<object>();
let shared: OpenApiReplay | undefined;

type Assert = (this: SupertestTest, error: unknown, res: Response | undefined, fn?: Callback) => void;
type Callback = (this: SupertestTest, error: unknown, res: Response | undefined) => void;
type SupertestTest = { app: object; method: string; url: string };

/**
 * Replays every answer `server` gives a supertest request against the committed document, whoever
 * makes the request (a TestApp helper, `t.http` or `request(t.app.getHttpServer())`), so an e2e
 * file checks the contract of every route it drives without saying so. The check runs after the
 * request's own `.expect(...)`s (a wrong status reads as the test's own failure first) and fails the
 * request as they do. Only the API's routes (`/v1/…`, `/health`) are replayed: the console's pages
 * and files are not part of the document.
 */
export function replayEveryAnswer(server: object): void {
  replayed.add(server);
  if (shared) return;
  shared = new OpenApiReplay();
  const document = shared;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- supertest's Test class at run time; its typings hide `assert`
  const { Test } = require('supertest') as { Test: { prototype: { assert: Assert } } };
  const assert = Test.prototype.assert;
  Test.prototype.assert = function (this: SupertestTest, error, res, fn) {
    if (!fn || !replayed.has(this.app)) return assert.call(this, error, res, fn);
    return assert.call(this, error, res, function (this: SupertestTest, failure, answer) {
      const { pathname, search } = new URL(this.url);
      if (!failure && answer && (pathname.startsWith('/v1/') || pathname === '/health')) {
        try {
          document.check(this.method, pathname + search, answer);
        } catch (mismatch) {
          return fn.call(this, mismatch, answer);
        }
      }
      return fn.call(this, failure, answer);
    });
  };
}
