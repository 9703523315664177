import { describe, expect, it } from 'vitest';
import type { RJSFSchema } from '@rjsf/utils';
// the schema the tenants service validates with: the one source, read where the service keeps it
import schemaFile from '../../../../services/tenants/src/main/resources/schemas/policy-pack.schema.json';
import en from '../../i18n/en.json';
import { errorSchemaOf, errorsIn, localised, mapNames, propertyNames, skeleton, uiSchemaFor } from './schemaForm';
import { RJSF_MESSAGE_IDS } from './PackEditor';

const schema = schemaFile as RJSFSchema;
const messages: Record<string, string> = en;

describe('the pack editor’s labels', () => {
  it('has a label for every property the schema declares, $defs included', () => {
    const names = propertyNames(schema);
    expect(names).toEqual(expect.arrayContaining(['smallCellThreshold', 'firstInstanceDecisionDays', 'asOf', 'occupiedBy', 'level', 'facts']));
    expect(names.filter((name) => !(`packs.field.${name}` in messages))).toEqual([]);
  });

  it('names the key and a new key of every map', () => {
    expect(mapNames(schema)).toEqual(['coi', 'notices', 'rules']);
    expect(mapNames(schema).flatMap((name) => [`packs.key.${name}`, `packs.key.${name}.new`]).filter((id) => !(id in messages))).toEqual([]);
  });

  it('has every rjsf string it translates in the catalogue', () => {
    expect(RJSF_MESSAGE_IDS.filter((id) => !(id in messages))).toEqual([]);
  });
});

describe('the schema as the form reads it', () => {
  const local = localised(schema, (name) => `«${name}»`) as Record<string, never>;

  it('titles each property with its label and keeps every constraint', () => {
    const threshold = local.properties['reporting']['properties']['smallCellThreshold'];
    expect(threshold).toEqual({ type: 'integer', minimum: 5, maximum: 100, title: '«smallCellThreshold»' });
    expect(local['$defs']['coiEntry']['properties']['asOf']).toEqual({ $ref: '#/$defs/date', title: '«asOf»' });
    expect(local.required).toEqual(schema.required);
  });

  it('shows none of the schema’s English prose', () => {
    const text = JSON.stringify(local);
    expect(text).not.toContain('"description"');
    expect(text).not.toContain('Sanctuary national policy pack');
    expect(text).not.toContain('$schema');
  });
});

describe('how each part is rendered', () => {
  const label = (name: string): Record<string, string> => (name === 'conditionsOfService' ? { HAZING: 'hazing' } : {});
  const ui = uiSchemaFor(localised(schema, (n) => n), label);

  it('renders the maps one entry at a time and free-form content as JSON', () => {
    expect(ui.coi['ui:field']).toBe('MapField');
    expect(ui.rules['ui:field']).toBe('MapField');
    expect(ui.rules.additionalProperties.reason['ui:widget']).toBe('textarea');
    expect(ui.sampleCases.items.facts).toEqual({ 'ui:field': 'JsonField' });
    expect(ui.notices['ui:field']).toBe('MapField'); // a language at a time, its messages as JSON
    expect(ui.notices.additionalProperties).toEqual({ 'ui:field': 'JsonField' });
    expect(ui.additionalProperties).toEqual({ 'ui:field': 'JsonField' }); // the x- fields
    expect(ui['ui:expandable']).toBe(false);
  });

  it('offers a set of enum values as checkboxes with their labels, and keeps a const read-only', () => {
    const entry = ui.coi.additionalProperties;
    expect(entry.conditionsOfService).toEqual({ 'ui:widget': 'checkboxes', items: { 'ui:enumNames': { HAZING: 'hazing' } } });
    expect(entry.asOf).toEqual({});
    expect(ui.schemaVersion['ui:readonly']).toBe(true);
    expect(ui.legalFramework['ui:enumNames']).toEqual({});
  });
});

describe('the server’s violations at their fields', () => {
  it('nests each pointer, array indexes and escaped keys included', () => {
    const { errorSchema, placed } = errorSchemaOf([
      { field: '/reporting/smallCellThreshold', message: 'must have a minimum value of 5' },
      { field: '/coi/RU/asOf', message: 'does not match the date pattern' },
      { field: '/coi/RU/asOf', message: 'is required' },
      { field: '/languages/2', message: 'does not match the pattern' },
      { field: '/x-a~1b', message: 'too long' },
    ]);
    expect(errorSchema).toEqual({
      reporting: { smallCellThreshold: { __errors: ['must have a minimum value of 5'] } },
      coi: { RU: { asOf: { __errors: ['does not match the date pattern', 'is required'] } } },
      languages: { 2: { __errors: ['does not match the pattern'] } },
      'x-a/b': { __errors: ['too long'] },
    });
    expect(placed).toHaveLength(5);
  });

  it('leaves a violation of the whole document, or of no pointer, to the alert', () => {
    expect(errorSchemaOf([{ field: '', message: 'unknown property' }, { field: 'effectiveFrom', message: 'x' }])).toEqual({ errorSchema: {}, placed: [] });
  });

  it('lists every message below a field with where it is', () => {
    const { errorSchema } = errorSchemaOf([{ field: '/facts/a/0', message: 'too deep' }, { field: '/facts', message: 'too many' }]);
    expect(errorsIn(errorSchema)).toEqual([{ field: '/facts', message: 'too many' }, { field: '/facts/a/0', message: 'too deep' }]);
    expect(errorsIn(undefined)).toEqual([]);
  });
});

describe('a new entry of a map', () => {
  it('starts a country’s COI with each yes/no as no and each list empty, the rest left to the user', () => {
    const coiEntry = (schema.$defs as Record<string, RJSFSchema>).coiEntry;
    expect(skeleton(schema, coiEntry)).toEqual({
      sources: [],
      armedConflict: { active: false, systematicIhlViolations: false, warCrimesProsecuted: false, internationalMandate: false },
      occupiedRegions: [],
      penalties: { disproportionate: false, discriminatory: false, extrajudicial: false },
      discriminatoryRecruitment: [],
      conditionsOfService: [],
      nonStateRecruitment: { present: false, childRecruitment: false, stateProtection: false },
    });
  });

  it('starts a rule disabled', () => {
    expect(skeleton(schema, (schema.properties!.rules as RJSFSchema).additionalProperties)).toEqual({ enabled: false });
  });
});
