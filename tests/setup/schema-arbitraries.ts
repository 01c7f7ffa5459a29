import fc from 'fast-check';
import { z } from 'zod';
import { strToU8, zipSync } from 'fflate';
import { archiveCatalog } from '@/db/queries/project-archive/catalog';
import { ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION, tableFile } from '@/lib/project-archive/format';
import { NEW_PASSWORD, TEST_PASSWORD, type Fixture, type PoolKind, type Recipe } from './security-fixture';

/**
 * fast-check arbitraries derived from an action's (or a route's) zod input, through its JSON Schema: plausible
 * values (existing ids of the fixture, the test password, enum members, texts within the bounds) and, for the
 * fuzz suites, hostile ones. Values are recipes over a fixture, so the same draw can be replayed on another fixture.
 */

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  /** Examples the schema itself gives (`.meta({ examples })`): inputs a person could send, e.g. a spreadsheet's rows. */
  examples?: unknown[];
}

export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const out = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema & { $ref?: string; $defs?: Record<string, JsonSchema> };
  // A schema registered under an id (`.meta({ id })`, the OpenAPI components) comes back as a `$ref` to its definition.
  const id = out.$ref?.startsWith('#/$defs/') ? out.$ref.slice('#/$defs/'.length) : undefined;
  return id && out.$defs?.[id] ? out.$defs[id] : out;
}

/** The keys an object schema names at its top level. */
export function namedKeys(schema: z.ZodType): string[] {
  return Object.keys(jsonSchemaOf(schema).properties ?? {});
}

const constant = (value: unknown): Recipe => () => value;

/**
 * Which pool of existing ids a uuid parameter draws from, by its name (`userId`, `parentId`, `linkId`…; a bare `id`
 * by the action's name: `updateSpecification` → a specification). First match wins.
 */
const ID_POOLS: readonly [RegExp, readonly PoolKind[]][] = [
  // Sign-off: `baselineId`, `requestId` (an approval request), `reservationId`, `signatureId`.
  [/baseline/i, ['baseline']],
  // markNotificationRead's `notificationId`: one notice of each member of the project (each marks only their own).
  [/notification/i, ['notification']],
  [/reservation/i, ['reservation']],
  [/request/i, ['approvalRequest']],
  [/signature/i, ['signature']],
  [/test.?case/i, ['testCase']],
  // revokeApiToken's `tokenId`: a project API token.
  [/token/i, ['apiToken']],
  // updateChecklistItem's `id` and the release's ids: before `item`, which the checklist's names also contain.
  [/checklist/i, ['checklistItem']],
  // downloadCampaignReportPv's path `id`: a campaign report's approval request (before `campaign`).
  [/campaign.?report/i, ['campaignReport']],
  // downloadGoNoGoPv's path `id`: before `release`.
  [/go.?no.?go/i, ['goNoGoRecord']],
  // downloadFinalAcceptancePv's path `id`: a signed recette définitive.
  [/final.?acceptance/i, ['finalAcceptance']],
  [/release/i, ['release']],
  // campaignItemId, itemIds: before `campaign`, which the item's names also contain.
  [/item/i, ['campaignItem']],
  [/campaign/i, ['campaign']],
  [/execution/i, ['execution']],
  [/anomal/i, ['anomaly']],
  [/attachment/i, ['attachment']],
  [/upload/i, ['reqifUpload']],
  [/user|member|actor|signer|owner|assignee|participant/i, ['user']],
  [/requirement|parent/i, ['requirement']],
  [/specification|spec/i, ['specification']],
  [/link/i, ['link']],
  // linkTestCase's `targetId`: a specification or a requirement, as `targetType` says.
  [/^target/i, ['requirement', 'specification']],
  [/project/i, ['project']],
];

/**
 * The pools a uuid parameter draws from. A parameter no pool serves fails loudly, naming it: drawing from every
 * pool instead would hide it from the foreign-id suite, which needs the other project's object of the right kind.
 */
export function idPool(key: string, hint = ''): readonly PoolKind[] {
  const name = key === 'id' ? hint : key;
  const found = ID_POOLS.find(([pattern]) => pattern.test(name));
  if (!found) {
    throw new Error(
      `no id pool for the uuid parameter "${key}"${hint ? ` of ${hint}` : ''}: create its objects (one in each project) in ` +
        'tests/setup/security-fixture.ts (pools and foreign) and name the parameter in ID_POOLS of tests/setup/schema-arbitraries.ts',
    );
  }
  return found[1];
}

function poolValue(kinds: readonly (keyof Fixture['pools'])[]): fc.Arbitrary<Recipe> {
  return fc.constantFrom(...kinds).chain((kind) =>
    fc.nat({ max: 9 }).map((i): Recipe => (f) => f.pools[kind][i % f.pools[kind].length]),
  );
}

const TEXTS = ['Texte de test', 'Un texte un peu plus long, avec des accents : é, à, ç.', 'x'];

function stringValue(key: string, node: JsonSchema, hint: string): fc.Arbitrary<Recipe> {
  // A bare `id` names the action's own object: `updateSpecification` → a specification.
  if (node.format === 'uuid') return poolValue(idPool(key, hint));
  if (/^(projectKey|key)$/.test(key)) {
    return fc.oneof(
      { weight: 4, arbitrary: fc.constant<Recipe>((f) => f.project.key) },
      fc.constant<Recipe>((f) => f.otherProject.key),
      fc.constant<Recipe>((f) => f.fresh('K')),
    );
  }
  if (/email/i.test(key)) {
    return fc.oneof(poolValue(['email']), fc.constant<Recipe>((f) => `${f.fresh('new')}@example.test`));
  }
  // The hash a signature carries back: one of those the fixture's review pages show (the go / no-go record's for
  // signGoNoGo, the VSR's for the recette définitive, the request's or reservation's for the other signing actions).
  if (/^shownHash$/.test(key)) return poolValue([/go.?no.?go/i.test(hint) ? 'hash' : /final.?acceptance/i.test(hint) ? 'vsrHash' : 'contentHash']);
  if (/password|confirmation/i.test(key)) return fc.constantFrom(TEST_PASSWORD, NEW_PASSWORD).map(constant);
  if (/token/i.test(key)) return fc.constant<Recipe>((f) => f.token);
  if (/hash/i.test(key)) return poolValue(['hash']);
  // recordGoLive's `deployedAt`: a Paris date-time as a datetime-local field sends it (the last one does not exist).
  if (/^deployedAt$/.test(key)) return fc.constantFrom('2026-03-14T21:30', '2026-03-02T08:00', '2026-02-30T10:00').map(constant);
  if (node.format === 'date') return fc.constantFrom('2026-03-02', '2026-03-13', '2026-02-30').map(constant);
  if (/url/i.test(key)) return fc.constantFrom('/projects', '/profile').map(constant);
  if (node.pattern) return fc.stringMatching(new RegExp(node.pattern), { maxLength: node.maxLength ?? 20 }).map(constant);
  const min = node.minLength ?? 0;
  const max = node.maxLength ?? Number.MAX_SAFE_INTEGER;
  const fitting = TEXTS.filter((t) => t.length >= min && t.length <= max);
  return fc.constantFrom(...(fitting.length > 0 ? fitting : ['x'.repeat(min)])).map(constant);
}

/**
 * Uploaded files (`files`, `file`): zod's `instanceof(File)` has no JSON Schema, so the key says it. A small JUnit
 * report, the kind of file every results import accepts.
 */
const UPLOAD_KEY = /^files?$/;
const uploadedFile: fc.Arbitrary<Recipe> = fc.constantFrom('passes', 'fails').map(
  (name): Recipe =>
    () =>
      new File([`<testsuite name="fuzz"><testcase classname="fuzz.Case" name="${name}">${name === 'fails' ? '<failure/>' : ''}</testcase></testsuite>`], 'fuzz.xml', {
        type: 'application/xml',
      }),
);

/**
 * A project archive (`archive`): a well-formed one of an empty project, in this version's format, so an import
 * is accepted; the refusals of damaged archives are tests/integration/project-archive.test.ts's.
 */
const emptyProjectArchive: fc.Arbitrary<Recipe> = fc.constant(() => {
  const tables = archiveCatalog().map((t) => ({ name: t.name, file: tableFile(t.name), rows: 0, columns: t.columns }));
  const manifest = {
    format: ARCHIVE_FORMAT,
    formatVersion: ARCHIVE_FORMAT_VERSION,
    exportedAt: '2026-12-01T09:00:00.000Z',
    project: { id: '6f1c1c1e-0000-4000-8000-000000000001', key: 'SRC', name: 'Projet source', client: 'Client', description: '' },
    people: [],
    tables,
    attachments: [],
  };
  const files: Record<string, Uint8Array> = { 'manifest.json': strToU8(JSON.stringify(manifest)) };
  for (const t of tables) files[t.file] = new Uint8Array(0);
  return new File([zipSync(files) as BlobPart], 'projet.zip', { type: 'application/zip' });
});

/** A plausible value for one schema node: what a person filling the form in could send. */
export function plausible(node: JsonSchema, key = '', hint = ''): fc.Arbitrary<Recipe> {
  if (key === 'archive' && !node.type) return emptyProjectArchive;
  if (UPLOAD_KEY.test(key) && node.type !== 'array' && !node.anyOf && !node.oneOf) return uploadedFile;
  if (node.examples?.length) return fc.constantFrom(...node.examples).map(constant);
  const alternatives = node.anyOf ?? node.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((alt) => plausible(alt, key, hint)));
  if (node.const !== undefined) return fc.constant(constant(node.const));
  if (node.enum) return fc.constantFrom(...node.enum).map(constant);
  const type = Array.isArray(node.type) ? node.type[0] : node.type;
  switch (type) {
    case 'string':
      return stringValue(key, node, hint);
    case 'integer':
    case 'number':
      // The version of what a signature is shown: that of the fixture's.
      if (/^shownVersion$/.test(key)) return poolValue(['contentVersion']);
      return fc.constantFrom(1, 2, 3).map(constant);
    case 'boolean':
      return fc.boolean().map(constant);
    case 'null':
      return fc.constant(constant(null));
    case 'array':
      return fc
        .array(plausible(node.items ?? {}, key, hint), { maxLength: 3 })
        .map((recipes): Recipe => (f) => recipes.map((r) => r(f)));
    case 'object':
      return objectOf(node, (child, childKey) => plausible(child, childKey, hint));
    default:
      return fc.constantFrom('x', 1, true).map(constant);
  }
}

function objectOf(node: JsonSchema, arb: (child: JsonSchema, key: string) => fc.Arbitrary<Recipe>): fc.Arbitrary<Recipe> {
  const properties = node.properties ?? {};
  const required = new Set(node.required ?? []);
  const keys = Object.keys(properties);
  if (keys.length === 0) return fc.constant(constant({}));
  const entries = keys.map((key) =>
    required.has(key)
      ? arb(properties[key]!, key).map((r) => [key, r] as const)
      : fc.option(arb(properties[key]!, key), { freq: 3 }).map((r) => (r ? ([key, r] as const) : null)),
  );
  return fc.tuple(...entries).map((pairs): Recipe => (f) => {
    const out: Record<string, unknown> = {};
    for (const pair of pairs) if (pair) out[pair[0]] = pair[1](f);
    return out;
  });
}

/** The draw of plausible inputs for a whole schema; `hint` (the action's name) says what a bare `id` names. */
export function plausibleInput(schema: z.ZodType, hint = ''): fc.Arbitrary<Recipe> {
  return plausible(jsonSchemaOf(schema), '', hint);
}

const HUGE = 'é'.repeat(200_000);

/**
 * Text PostgreSQL cannot store: NUL bytes (in text) and lone UTF-16 surrogates (in jsonb). The action and route
 * wrappers refuse them as invalid (lib/text/storable-text.ts); the flag lets the general fuzz draw them. Set it to
 * false only to find other defects while a regression of that refusal is being fixed.
 */
export const UNSTORABLE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const UNSTORABLE_TEXT_REFUSED = true;

/** Strings that have broken parsers, databases and renderers before. */
const anyHostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ maxLength: 20 }).map((s) => `${s}\u0000${s}`),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\uD800',
    '\uFEFF',
    '\u202E',
    HUGE,
    '🙂'.repeat(5_000),
    '__proto__',
    'constructor',
    'prototype',
    '$ACTION_ID_0',
    '$$',
    '$@1',
    "'; drop table users; --",
    '<script>alert(1)</script>',
    '%ZZ',
    '%00',
    '../../etc/passwd',
    'NaN',
    'Infinity',
    '-1',
    '0',
    '1e309',
    '9007199254740993',
    '0x10',
    ' 1 ',
    'true',
    'on',
    'null',
    'undefined',
    '{"a":1}',
    '[]',
    'javascript:alert(1)',
    '00000000-0000-0000-0000-000000000000',
  ),
);

export const hostileString: fc.Arbitrary<string> = UNSTORABLE_TEXT_REFUSED
  ? anyHostileString
  : anyHostileString.map((s) => s.replace(new RegExp(UNSTORABLE_TEXT, 'g'), '\uFFFD'));

/** Objects whose own keys are the ones prototype pollution goes through. */
const pollutingObject: fc.Arbitrary<unknown> = fc.constantFrom(
  () => JSON.parse('{"__proto__":{"isAdmin":true,"polluted":true}}') as unknown,
  () => ({ constructor: { prototype: { isAdmin: true, polluted: true } } }),
  () => JSON.parse('{"__proto__":[1,2],"toString":"x","valueOf":1}') as unknown,
).map((make) => make());

/** Any JSON-ish value, nested, with the hostile strings at the leaves. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.bigInt().map((n) => n.toString()),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    pollutingObject,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 3 }),
  ),
})).value;

function hostile(node: JsonSchema, key: string, hint: string): fc.Arbitrary<Recipe> {
  return fc.oneof(
    { weight: 3, arbitrary: plausible(node, key, hint) },
    { weight: 2, arbitrary: hostileValue.map(constant) },
  );
}

/**
 * Hostile inputs for a schema: a plausible input with one field made hostile (so the rest passes validation and
 * the hostile value travels as far as it can), each field plausible or hostile with extra keys (prototype
 * pollution ones included), or something that is not an object at all.
 */
export function hostileInput(schema: z.ZodType, hint = ''): fc.Arbitrary<Recipe> {
  const node = jsonSchemaOf(schema);
  const keys = Object.keys(node.properties ?? {});
  const withExtras = (base: fc.Arbitrary<Recipe>) =>
    fc
      .tuple(
        base,
        fc.dictionary(fc.oneof(hostileString, fc.constantFrom('__proto__', 'constructor', 'prototype', 'projectId', 'isAdmin')), hostileValue, {
          maxKeys: 3,
        }),
      )
      .map(([recipe, extra]): Recipe => (f) => {
        const out = recipe(f) as Record<string, unknown>;
        for (const [k, v] of Object.entries(extra)) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
        return out;
      });
  const oneFieldTwisted =
    keys.length === 0
      ? withExtras(plausible(node, '', hint))
      : fc
          .tuple(plausible(node, '', hint), fc.constantFrom(...keys), fc.oneof({ weight: 3, arbitrary: hostileString }, hostileValue))
          .map(([recipe, key, value]): Recipe => (f) => ({ ...(recipe(f) as object), [key]: value }));
  return fc.oneof(
    { weight: 4, arbitrary: oneFieldTwisted },
    { weight: 3, arbitrary: withExtras(objectOf(node, (child, key) => hostile(child, key, hint))) },
    { weight: 1, arbitrary: hostileValue.map(constant) },
  );
}

export { TEST_PASSWORD };
