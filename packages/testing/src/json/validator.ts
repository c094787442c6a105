/**
 * The one ajv set-up used for our JSON files and settings, and the translation of ajv's errors into
 * sentences a person can act on. The schemas are the same files VS Code's `jsonValidation` uses, so
 * the editor's squiggles and our load-time messages agree; VS Code's own schema extensions
 * (`errorMessage`, `patternErrorMessage`) are honoured here too.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { tooDeepMessage, tooDeepPath } from './depth';
import { describeValue } from './problem';

/** Keywords that only annotate (VS Code reads them); ajv's strict mode would reject them otherwise. */
const ANNOTATIONS = [
  'errorMessage',
  'patternErrorMessage',
  'markdownDescription',
  'enumDescriptions',
  'markdownEnumDescriptions',
  'defaultSnippets',
  'deprecationMessage',
  'doNotSuggest',
  'allowComments',
  'allowTrailingCommas',
];

function createAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, verbose: true, discriminator: true, allowUnionTypes: true, strictTypes: false });
  ajv.addVocabulary(ANNOTATIONS);
  return ajv;
}

let shared: Ajv | undefined;

/** The process-wide instance (schemas compile once). */
function sharedAjv(): Ajv {
  shared ??= createAjv();
  return shared;
}

/** A validator for a schema object, compiled once per key. */
export function validatorFor(key: string, schema: object, fragment = ''): ValidateFunction {
  const ajv = sharedAjv();
  if (!ajv.getSchema(key)) ajv.addSchema(schema, key);
  const validate = ajv.getSchema(`${key}${fragment}`);
  if (!validate) throw new Error(`schema ${key}${fragment} not found`);
  return validate;
}

/** One schema violation, independent of whether the value came from a file or a setting. */
export interface SchemaIssue {
  /** Path of the offending value (array indices as numbers). */
  readonly segments: (string | number)[];
  /** Set when the problem is a property (unknown or missing) of the object at `segments`. */
  readonly key?: string;
  readonly message: string;
}

/** Validates and returns one readable issue per offending place (the first ajv reports there). */
export function schemaIssues(validate: ValidateFunction, value: unknown): SchemaIssue[] {
  // The validator and its messages recurse into the value: a value nested too deeply is one issue, found by a loop.
  const deep = tooDeepPath(value);
  if (deep) return [{ segments: deep, message: `is ${tooDeepMessage()}.` }];
  if (validate(value)) return [];
  const issues: SchemaIssue[] = [];
  for (const error of validate.errors ?? []) {
    const issue = toIssue(error, value);
    // One message per place: a value that is wrong usually breaks several keywords at once.
    if (issue && !issues.some(reported => covers(reported, issue))) issues.push(issue);
  }
  return issues;
}

/** True when `inner` is the place `outer` reported, or lies inside the value it reported. */
function covers(outer: SchemaIssue, inner: SchemaIssue): boolean {
  const same = outer.segments.length === inner.segments.length && outer.segments.every((s, i) => s === inner.segments[i]);
  if (same) return outer.key === inner.key;
  // A property (key) report covers nothing below it; a value report covers everything inside the value.
  return outer.key === undefined && outer.segments.length < inner.segments.length && outer.segments.every((s, i) => s === inner.segments[i]);
}

function toIssue(error: ErrorObject, root: unknown): SchemaIssue | undefined {
  const segments = typedPath(root, error.instancePath);
  const parent = (error.parentSchema ?? {}) as Record<string, unknown>;
  const custom = typeof parent.errorMessage === 'string' ? parent.errorMessage : undefined;
  const got = ` (got ${describeValue(error.data)}).`;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const key = String(params.missingProperty);
      const schema = (parent.properties as Record<string, { description?: string }> | undefined)?.[key];
      const hint = schema?.description ? `: ${lowerFirst(firstSentence(schema.description))}` : '.';
      return { segments, key, message: `is missing${hint}` };
    }
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = Object.keys((parent.properties as object | undefined) ?? {}).filter(k => k !== '$schema');
      const near = known.find(k => k.toLowerCase() === key.toLowerCase());
      const fix = near ? `did you mean "${near}"?` : `remove it (allowed: ${known.join(', ')}).`;
      return { segments, key, message: `is not a known property: ${fix}` };
    }
    case 'pattern': {
      const message = typeof parent.patternErrorMessage === 'string' ? parent.patternErrorMessage : custom ?? 'does not have the expected form';
      return { segments, message: message + got };
    }
    case 'discriminator': {
      const tag = String(params.tag);
      const options = discriminatorValues(parent);
      const tagValue = (error.data as Record<string, unknown> | null)?.[tag];
      const message = `must be one of ${options.map(o => JSON.stringify(o)).join(', ')}${tagValue === undefined ? '.' : ` (got ${describeValue(tagValue)}).`}`;
      return tagValue === undefined
        ? { segments, key: tag, message: `is missing: set it to one of ${options.map(o => JSON.stringify(o)).join(', ')}.` }
        : { segments: [...segments, tag], message };
    }
    case 'oneOf':
    case 'anyOf':
    case 'allOf':
    case 'if':
      // The branch's own errors say more; these only summarise them.
      return undefined;
    default:
      break;
  }
  // A custom message that is already a full sentence says all; otherwise show the offending value.
  if (custom) return { segments, message: custom.endsWith('.') ? custom : custom + got };
  return { segments, message: defaultMessage(error, params) + got };
}

function defaultMessage(error: ErrorObject, params: Record<string, unknown>): string {
  switch (error.keyword) {
    case 'type': {
      const types = String(params.type).split(',').map(t => (t === 'integer' ? 'an integer' : t === 'array' || t === 'object' ? `an ${t}` : t === 'null' ? 'null' : `a ${t}`));
      return `must be ${types.join(' or ')}`;
    }
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).map(v => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`;
    case 'minLength':
      return params.limit === 1 ? 'must not be empty' : `must be at least ${String(params.limit)} characters long`;
    case 'maxLength':
      return `must be at most ${String(params.limit)} characters long`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${String(params.comparison)} ${String(params.limit)}`;
    case 'uniqueItems':
      return 'must not repeat a value';
    case 'not':
      return 'is not allowed here';
    default:
      return error.message ?? 'is not valid';
  }
}

function discriminatorValues(schema: Record<string, unknown>): string[] {
  const branches = (schema.oneOf as { properties?: Record<string, { const?: unknown; enum?: unknown[] }> }[] | undefined) ?? [];
  const tag = (schema.discriminator as { propertyName?: string } | undefined)?.propertyName ?? 'type';
  return branches.flatMap(b => {
    const p = b.properties?.[tag];
    return p?.const !== undefined ? [String(p.const)] : (p?.enum ?? []).map(String);
  });
}

/** Turns a JSON pointer into segments, with indices as numbers where the value is an array. */
function typedPath(root: unknown, pointer: string): (string | number)[] {
  if (pointer === '') return [];
  const out: (string | number)[] = [];
  let value: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(value)) {
      out.push(Number(segment));
      value = value[Number(segment)];
    } else {
      out.push(segment);
      value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined;
    }
  }
  return out;
}

function firstSentence(text: string): string {
  const end = text.search(/\.(\s|$)/);
  return end < 0 ? `${text}.` : text.slice(0, end + 1);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
