import type { ErrorSchema, RJSFSchema, UiSchema } from '@rjsf/utils';
import { tokens } from './packs';

/*
 * The pack editor's form is generated from the policy-pack JSON Schema the tenants service validates with (fetched at
 * run time: one source). These pure functions turn that schema into what react-jsonschema-form renders — labels in
 * the reader's language, widgets, the server's violations at their fields — without changing what it allows.
 */

type Node = Record<string, unknown>;
export type Violation = { field: string; message: string };

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keywords whose value is a map of subschemas, one subschema, or a list of them (draft 2020-12). */
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs'];
const SCHEMA_ONE = ['items', 'additionalProperties', 'propertyNames', 'contains', 'not', 'if', 'then', 'else'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
/** The schema's prose is English only: the form shows none of it, and labels come from the catalogues. */
const PROSE = ['title', 'description', '$comment', 'examples'];

/** The long texts (a rule's reason, a legal basis) get a text area rather than one line. */
const LONG_TEXT = 1000;

/** Enumerations whose values the console already labels (src/app/enums.tsx), by the property that holds them. */
export const ENUM_KINDS: Record<string, 'ground' | 'outcome' | 'illTreatment'> = {
  ethnicityGround: 'ground',
  positive: 'outcome',
  conditionsOfService: 'illTreatment',
};

/** Every property name the schema declares anywhere ($defs included): each has a label `packs.field.<name>`. */
export function propertyNames(schema: unknown): string[] {
  const names = new Set<string>();
  const walk = (node: unknown) => {
    if (!isNode(node)) return;
    if (isNode(node.properties)) Object.keys(node.properties).forEach((name) => names.add(name));
    subschemas(node).forEach(walk);
  };
  walk(schema);
  return [...names].sort();
}

/** The names of the properties that are maps (an entry per key, as `coi` per country): each has `packs.key.<name>`. */
export function mapNames(schema: unknown): string[] {
  const root = schema as Node;
  const names = new Set<string>();
  const walk = (node: unknown) => {
    if (!isNode(node)) return;
    if (isNode(node.properties)) {
      for (const [name, sub] of Object.entries(node.properties)) if (!isFreeForm(root, sub) && isMap(resolve(root, sub))) names.add(name);
    }
    subschemas(node).forEach(walk);
  };
  walk(schema);
  return [...names].sort();
}

function subschemas(node: Node): unknown[] {
  return [
    ...SCHEMA_MAPS.flatMap((k) => (isNode(node[k]) ? Object.values(node[k]) : [])),
    ...SCHEMA_ONE.map((k) => node[k]),
    ...SCHEMA_LISTS.flatMap((k) => (Array.isArray(node[k]) ? node[k] : [])),
  ];
}

/**
 * The schema as the form reads it: its English prose left out, each property titled with `label(name)`. What it
 * allows is unchanged; `$schema` goes too, so the form's validator (which never validates: the server does) is not
 * asked for a meta-schema it does not carry.
 */
export function localised(schema: RJSFSchema, label: (name: string) => string): RJSFSchema {
  const copy = (node: unknown): unknown => {
    if (!isNode(node)) return node;
    const out: Node = {};
    for (const [key, value] of Object.entries(node)) {
      if (PROSE.includes(key) || key === '$schema') continue;
      if (SCHEMA_MAPS.includes(key) && isNode(value)) {
        out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => {
          const local = copy(sub);
          return [name, key === 'properties' && isNode(local) ? { ...local, title: label(name) } : local];
        }));
      } else if (SCHEMA_ONE.includes(key)) out[key] = copy(value);
      else if (SCHEMA_LISTS.includes(key) && Array.isArray(value)) out[key] = value.map(copy);
      else out[key] = value;
    }
    return out;
  };
  return copy(schema) as RJSFSchema;
}

/** The definition a local `$ref` ('#/$defs/x') names, merged with the keywords beside it. */
function resolve(root: Node, node: unknown): Node {
  if (!isNode(node)) return {};
  if (typeof node.$ref !== 'string' || !node.$ref.startsWith('#/')) return node;
  const target = tokens(node.$ref.slice(1)).reduce<unknown>((at, token) => (isNode(at) ? at[token] : undefined), root);
  const { $ref: _ref, ...beside } = node;
  return { ...resolve(root, target), ...beside };
}

/** Free-form content (x- fields, a sample case's facts): a `$ref` to a definition that declares no type or shape. */
function isFreeForm(root: Node, node: unknown): boolean {
  if (!isNode(node) || typeof node.$ref !== 'string') return false;
  const target = resolve(root, { $ref: node.$ref });
  return !('type' in target) && !('enum' in target) && !('const' in target) && !('properties' in target);
}

/** An object whose members are keys chosen by the tenant (rule ids, country codes), each with the same schema. */
function isMap(node: Node): boolean {
  return node.type === 'object' && !isNode(node.properties) && isNode(node.additionalProperties);
}

/**
 * How each part of the schema is rendered (rjsf uiSchema): maps as one entry at a time (`MapField`), free-form content
 * as JSON text (`JsonField`), a set of enum values as checkboxes, a const read-only, long texts as text areas, and
 * enum values with the labels `enumNames(propertyName, values)` gives.
 */
export function uiSchemaFor(schema: RJSFSchema, enumNames: (name: string, values: unknown[]) => Record<string, string>): UiSchema {
  const root = schema as Node;
  const ui = (raw: unknown, name: string, seen: string[]): UiSchema => {
    if (isFreeForm(root, raw)) return { 'ui:field': 'JsonField' };
    const ref = isNode(raw) && typeof raw.$ref === 'string' ? raw.$ref : undefined;
    if (ref && seen.includes(ref)) return {};
    const node = resolve(root, raw);
    const within = ref ? [...seen, ref] : seen;
    const out: UiSchema = {};
    if ('const' in node) out['ui:readonly'] = true;
    if (Array.isArray(node.enum)) out['ui:enumNames'] = enumNames(name, node.enum);
    if (node.type === 'string' && Number(node.maxLength) >= LONG_TEXT) out['ui:widget'] = 'textarea';
    if (isNode(node.properties)) {
      for (const [property, sub] of Object.entries(node.properties)) out[property] = ui(sub, property, within);
    }
    if (isMap(node)) {
      out['ui:field'] = 'MapField';
      out.additionalProperties = ui(node.additionalProperties, name, within);
    }
    if (isNode(node.patternProperties)) {
      // pattern members (x- fields) are shown and removed, not added: their key must match the pattern
      out['ui:expandable'] = false;
      const [pattern] = Object.values(node.patternProperties);
      out.additionalProperties = ui(pattern, name, within);
    }
    if (node.type === 'array' && isNode(node.items)) {
      const items = resolve(root, node.items);
      if (Array.isArray(items.enum) && node.uniqueItems === true) {
        out['ui:widget'] = 'checkboxes';
        out.items = { 'ui:enumNames': enumNames(name, items.enum) };
      } else {
        out.items = ui(node.items, name, within);
      }
    }
    return out;
  };
  return ui(schema, '', []);
}

/**
 * The server's violations (JSON pointers into the document) as rjsf's ErrorSchema, to show each at its field; and the
 * pointers placed so. A violation of the whole document ("") or with a field that is no pointer is left to the alert.
 */
export function errorSchemaOf(violations: Violation[]): { errorSchema: ErrorSchema; placed: string[] } {
  const errorSchema: ErrorSchema = {};
  const placed: string[] = [];
  for (const { field, message } of violations) {
    if (!field.startsWith('/')) continue;
    let node: ErrorSchema = errorSchema;
    for (const token of tokens(field)) {
      const at = node as Record<string, ErrorSchema>;
      at[token] ??= {};
      node = at[token];
    }
    node.__errors = [...(node.__errors ?? []), message];
    placed.push(field);
  }
  return { errorSchema, placed };
}

/** Every message in an ErrorSchema with where it is below it (a pointer), for a field that shows its part as a whole. */
export function errorsIn(errorSchema: ErrorSchema | undefined, at = ''): Violation[] {
  if (!errorSchema) return [];
  const own = (errorSchema.__errors ?? []).map((message) => ({ field: at, message }));
  const below = Object.entries(errorSchema)
    .filter(([key]) => key !== '__errors')
    .flatMap(([key, sub]) => errorsIn(sub as ErrorSchema, `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`));
  return [...own, ...below];
}

/**
 * A new entry of a map (a country's COI, a rule) as the form starts it: each required yes/no as no, each required
 * list empty, each required object so started; texts, numbers, dates and choices are left for the user to give.
 */
export function skeleton(root: RJSFSchema, schema: unknown): Record<string, unknown> {
  const node = resolve(root as Node, schema);
  const required = Array.isArray(node.required) ? (node.required as string[]) : [];
  const properties = isNode(node.properties) ? node.properties : {};
  const out: Record<string, unknown> = {};
  for (const name of required) {
    const member = resolve(root as Node, properties[name]);
    if (member.type === 'boolean') out[name] = false;
    else if (member.type === 'array') out[name] = [];
    else if (member.type === 'object' && !isFreeForm(root as Node, properties[name])) out[name] = skeleton(root, member);
  }
  return out;
}
