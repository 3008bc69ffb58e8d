// @vitest-environment node
// What the stand-in answers, checked against Close's own OpenAPI description
// (../shared/close-api/openapi.yml, OpenAPI 3.1, so JSON Schema 2020-12): the response schema of
// each endpoint the extension uses, by the operation's own $ref, so a renamed or retyped schema in
// a new snapshot shows here. Where the spec is silent (untyped error bodies, an empty /me/ schema,
// CallActivity without the note fields) FACTS.md's examples are the schema, written out below.
// Extra fields pass wherever the spec allows them: the stand-in may learn more of Close.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import { parse } from 'yaml';
import { DEMO, createCloseStandIn, startStandInServer } from './index.mjs';

const SPEC = 'close';
const spec = parse(readFileSync(new URL('../../../shared/close-api/openapi.yml', import.meta.url), 'utf8'));

// strict: false because the document is an OpenAPI file, not a bare schema (paths, tags, examples).
const ajv = new Ajv2020({ strict: false, allErrors: true, logger: false });
ajv.addFormat('date-time', { validate: (s: string) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d\d-\d\dT/.test(s) });
ajv.addFormat('email', /^[^\s@]+@[^\s@]+$/);
ajv.addFormat('double', { type: 'number', validate: () => true });
ajv.addSchema(spec, SPEC);

/** The JSON schema the spec gives for one operation's response, by its $ref or inline. */
function responseSchema(path: string, method: string, status: string): object {
  const schema = spec.paths[path]?.[method]?.responses?.[status]?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`openapi.yml has no ${status} JSON answer for ${method.toUpperCase()} ${path}.`);
  return schema.$ref ? { $ref: `${SPEC}${schema.$ref}` } : schema;
}

const nullable = (type: string) => ({ type: [type, 'null'] });
/** FACTS.md: "its CallActivity schema omits fields that Close's examples show: trust the examples". */
const CALL_AS_EXAMPLES_SHOW = {
  type: 'object',
  properties: {
    note: nullable('string'),
    note_html: nullable('string'),
    direction: { enum: ['inbound', 'outbound'] },
    duration: { type: 'integer', minimum: 0 },
    phone: nullable('string'),
  },
  required: ['note', 'note_html', 'direction', 'duration'],
};
/** FACTS.md, "Who am I": the spec's schema for /me/ is an empty object. */
const ME_AS_EXAMPLES_SHOW = {
  type: 'object',
  properties: {
    id: { type: 'string', pattern: '^user_' },
    email: { type: 'string', format: 'email' },
    first_name: { type: 'string' },
    last_name: { type: 'string' },
    organizations: {
      type: 'array',
      minItems: 1,
      items: { type: 'object', properties: { id: { type: 'string', pattern: '^orga_' }, name: { type: 'string' } }, required: ['id', 'name'] },
    },
  },
  required: ['id', 'email', 'first_name', 'last_name', 'organizations'],
};
/** FACTS.md, "Errors": the spec types error bodies as "Any type". */
const ERROR_AS_EXAMPLES_SHOW = {
  oneOf: [
    {
      type: 'object',
      properties: { error: { oneOf: [{ type: 'string', minLength: 1 }, { type: 'object', properties: { message: { type: 'string' } }, required: ['message'] }] } },
      required: ['error'],
    },
    {
      type: 'object',
      properties: {
        errors: { type: 'array', items: { type: 'string' } },
        'field-errors': { type: 'object', additionalProperties: { type: 'string' } },
      },
      required: ['errors', 'field-errors'],
    },
  ],
};

const validators = new Map<string, ValidateFunction>();
function validatorFor(name: string, schema: object) {
  if (!validators.has(name)) validators.set(name, ajv.compile(schema));
  return validators.get(name)!;
}
const CALL = () => validatorFor('call', { allOf: [responseSchema('/activity/call/{id}/', 'get', '200'), CALL_AS_EXAMPLES_SHOW] });
const CALL_AFTER_PUT = () => validatorFor('put', { allOf: [responseSchema('/activity/call/{id}/', 'put', '200'), CALL_AS_EXAMPLES_SHOW] });
const CALL_LIST = () =>
  validatorFor('calls', {
    allOf: [responseSchema('/activity/call/', 'get', '200'), { properties: { data: { items: CALL_AS_EXAMPLES_SHOW } } }],
  });
const OUTCOME_LIST = () => validatorFor('outcomes', responseSchema('/outcome/', 'get', '200'));
const ME = () => validatorFor('me', { allOf: [responseSchema('/me/', 'get', '200'), ME_AS_EXAMPLES_SHOW] });
const ERROR = () => validatorFor('error', ERROR_AS_EXAMPLES_SHOW);

/** Ajv's errors, readable in a failed expectation. */
const problems = (validate: ValidateFunction, json: unknown) =>
  validate(json) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);

const standIn = createCloseStandIn();
let server: Awaited<ReturnType<typeof startStandInServer>>;
beforeAll(async () => {
  server = await startStandInServer({ standIn, tls: false });
});
afterAll(() => server.close());
beforeEach(() => standIn.reset());

async function api(path: string, { method = 'GET', key = DEMO.apiKey as string | null, body = undefined as unknown } = {}) {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: {
      'x-stand-in-host': 'api.close.com',
      ...(key ? { authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as unknown };
}

const callIds = Object.values(DEMO.calls).map((call) => (call as { id: string }).id);

describe('the stand-in answers as openapi.yml describes', () => {
  it('a call (GET /activity/call/{id}/): CallActivity, and the note fields Close’s examples show', async () => {
    expect(callIds.length).toBeGreaterThan(3);
    for (const id of callIds) {
      const { status, json } = await api(`/activity/call/${id}/`);
      expect(status).toBe(200);
      expect(problems(CALL(), json), id).toEqual([]);
    }
  });

  it('a saved call (PUT /activity/call/{id}/) answers with the whole CallActivity', async () => {
    const id = DEMO.calls.globexPlainNote.id;
    const saved = await api(`/activity/call/${id}/`, { method: 'PUT', body: { note: 'Saved.', outcome_id: DEMO.outcomes.interested.id } });
    expect(saved.status).toBe(200);
    expect(problems(CALL_AFTER_PUT(), saved.json)).toEqual([]);
    const cleared = await api(`/activity/call/${id}/`, { method: 'PUT', body: { note_html: '<body><p>Rich</p></body>', outcome_id: null } });
    expect(problems(CALL_AFTER_PUT(), cleared.json)).toEqual([]);
  });

  it('a lead’s calls (GET /activity/call/?lead_id=…): the list shape, every item a CallActivity', async () => {
    for (const lead of Object.values(DEMO.leads) as { id: string }[]) {
      const { status, json } = await api(`/activity/call/?lead_id=${lead.id}`);
      expect(status).toBe(200);
      expect(problems(CALL_LIST(), json), lead.id).toEqual([]);
    }
    const paged = await api(`/activity/call/?lead_id=${DEMO.leads.acme.id}&_limit=1`);
    expect((paged.json as { has_more: boolean }).has_more).toBe(true);
    expect(problems(CALL_LIST(), paged.json)).toEqual([]);
  });

  it('the outcomes (GET /outcome/): the list shape, every item an Outcome', async () => {
    const { status, json } = await api('/outcome/');
    expect(status).toBe(200);
    expect((json as { data: unknown[] }).data.length).toBeGreaterThan(1);
    expect(problems(OUTCOME_LIST(), json)).toEqual([]);
  });

  it('who am I (GET /me/)', async () => {
    const { status, json } = await api('/me/');
    expect(status).toBe(200);
    expect(problems(ME(), json)).toEqual([]);
  });

  it('errors: 401, 404, 400 with field errors, 405, 415 in the shapes Close’s examples show', async () => {
    const answers = [
      await api('/me/', { key: 'api_not_a_real_key.0000000000' }),
      await api('/activity/call/acti_doesnotexist/'),
      await api(`/activity/call/${DEMO.calls.globexPlainNote.id}/`, { method: 'PUT', body: { outcome_id: 'outcome_gone' } }),
      await api('/me/', { method: 'DELETE' }),
    ];
    expect(answers.map((a) => a.status)).toEqual([401, 404, 400, 405]);
    for (const { status, json } of answers) expect(problems(ERROR(), json), String(status)).toEqual([]);
    expect(Object.keys((answers[2]!.json as { 'field-errors': object })['field-errors'])).toEqual(['outcome_id']);
  });

  it('the check can fail: a call without its required fields, an outcome of the wrong type, a bare error string', () => {
    const { id, ...noId } = standIn.state.calls.get(DEMO.calls.globexPlainNote.id)!;
    expect(id).toBeTruthy();
    expect(problems(CALL(), noId)).toContainEqual(expect.stringContaining("must have required property 'id'"));
    expect(problems(OUTCOME_LIST(), { data: [{ ...standIn.state.outcomes.values().next().value, type: 'other' }], has_more: false })).not.toEqual([]);
    expect(problems(ERROR(), 'Not found')).not.toEqual([]);
  });
});
