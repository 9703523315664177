import { useEffect, useMemo, useState, type FocusEvent, type ReactNode } from 'react';
import {
  Button, Checkbox, Content, Flex, FlexItem, Form as PfForm, FormFieldGroup, FormFieldGroupHeader, FormGroup, FormHelperText,
  FormSelect, FormSelectOption, HelperText, HelperTextItem, TextArea, TextInput,
} from '@patternfly/react-core';
import { MinusCircleIcon, PlusCircleIcon } from '@patternfly/react-icons';
import { useIntl } from 'react-intl';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import {
  ADDITIONAL_PROPERTY_FLAG, TranslatableString, buttonId, englishStringTranslator, enumOptionsDeselectValue,
  enumOptionsIndexForValue, enumOptionsSelectValue, enumOptionsValueForIndex, errorId, getInputProps, getTemplate,
  getUiOptions, optionId, titleId, toFieldPathId,
  type ArrayFieldItemButtonsTemplateProps, type ArrayFieldItemTemplateProps, type ArrayFieldTemplateProps,
  type BaseInputTemplateProps, type ErrorSchema, type FieldErrorProps, type FieldProps, type FieldTemplateProps,
  type ObjectFieldTemplateProps, type OptionalDataControlsTemplateProps, type RJSFSchema, type UiSchema, type WidgetProps,
  type WrapIfAdditionalTemplateProps,
} from '@rjsf/utils';
import { FieldError } from '../../app/problems';
import { useEnumLabel } from '../../app/enums';
import { ENUM_KINDS, errorsIn, localised, skeleton, uiSchemaFor } from './schemaForm';
import type { Json } from './packs';

/*
 * The pack as a form generated from its JSON Schema by react-jsonschema-form, drawn with PatternFly. The server is
 * the validator (one source): the form never validates, it shows the violations of the last save at their fields.
 */

/** rjsf's own words for lists, maps and optional parts, from the catalogues; those left out belong to widgets and
 *  schema shapes this form never uses (files, alternative date pickers, anyOf options, $ref cycles, reordering and
 *  copying items) and stay rjsf's English. */
const RJSF_STRINGS: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.AddItemButton]: 'packs.editor.add',
  [TranslatableString.AddButton]: 'packs.editor.add',
  [TranslatableString.RemoveButton]: 'packs.editor.remove',
  [TranslatableString.EmptyArray]: 'packs.editor.empty',
  [TranslatableString.ArrayItemTitle]: 'packs.editor.itemTitle',
  [TranslatableString.KeyLabel]: 'packs.editor.keyLabel',
  [TranslatableString.NewStringDefault]: 'packs.editor.newValue',
  [TranslatableString.YesLabel]: 'common.yes',
  [TranslatableString.NoLabel]: 'common.no',
  [TranslatableString.OptionalObjectAdd]: 'packs.editor.optionalAdd',
  [TranslatableString.OptionalObjectRemove]: 'packs.editor.optionalRemove',
  [TranslatableString.OptionalObjectEmptyMsg]: 'packs.editor.optionalEmpty',
};
export const RJSF_MESSAGE_IDS = Object.values(RJSF_STRINGS);

/** `aria-describedby` of an input: its errors, when it has any. */
const describedBy = (id: string, rawErrors?: string[]) => (rawErrors?.length ? errorId(id) : undefined);

/** A key chosen by the tenant (a rule id, a country code, an x- field), shown as it is. */
const Verbatim = ({ children }: { children: ReactNode }) => <span translate="no">{children}</span>;

function FieldTemplate(props: FieldTemplateProps) {
  const { id, label, children, errors, hidden, required, displayLabel, schema, uiSchema, registry } = props;
  const options = getUiOptions(uiSchema);
  const Wrap = getTemplate('WrapIfAdditionalTemplate', registry, options);
  if (hidden) return <div hidden>{children}</div>;
  const text = ADDITIONAL_PROPERTY_FLAG in schema ? <Verbatim>{label}</Verbatim> : label;
  const isGroup = options.widget === 'checkboxes';
  return (
    <Wrap {...props}>
      {displayLabel ? (
        <FormGroup label={<span id={titleId(id)}>{text}</span>} fieldId={id} isRequired={required} role={isGroup ? 'group' : undefined}>
          {children}
          {errors}
        </FormGroup>
      ) : (
        <>
          {children}
          {errors}
        </>
      )}
    </Wrap>
  );
}

function FieldErrorTemplate({ errors, fieldPathId }: FieldErrorProps) {
  const messages = (errors ?? []).filter((e): e is string => typeof e === 'string');
  return <FieldError id={errorId(fieldPathId)} message={messages.join('; ') || undefined} />;
}

/** A group with its title (an object, a list): the title labels the group and names its buttons. */
function Group({ id, title, verbatim, actions, children }: { id: string; title?: string; verbatim?: boolean; actions?: ReactNode; children: ReactNode }) {
  if (!title) return <>{children}</>; // the document itself: the section around the form names it
  const text = verbatim ? <Verbatim>{title}</Verbatim> : title;
  return (
    <FormFieldGroup header={<FormFieldGroupHeader titleText={{ id: titleId(id), text }} actions={actions} />}>
      {children}
    </FormFieldGroup>
  );
}

function ObjectFieldTemplate({ title, properties, fieldPathId, optionalDataControl, uiSchema }: ObjectFieldTemplateProps) {
  return (
    <Group id={fieldPathId.$id} title={title} verbatim={getUiOptions(uiSchema).verbatim === true} actions={optionalDataControl}>
      {properties.map((p) => p.content)}
    </Group>
  );
}

function ArrayFieldTemplate({ title, items, canAdd, onAddClick, fieldPathId, disabled, readonly, registry }: ArrayFieldTemplateProps) {
  const add = buttonId(fieldPathId, 'add');
  const editable = !disabled && !readonly;
  const actions = canAdd && editable && (
    <Button id={add} variant="secondary" size="sm" icon={<PlusCircleIcon />} aria-labelledby={`${add} ${titleId(fieldPathId)}`} onClick={onAddClick}>
      {registry.translateString(TranslatableString.AddItemButton)}
    </Button>
  );
  return (
    <Group id={fieldPathId.$id} title={title} actions={actions}>
      {items.length === 0 ? <Content component="p">{registry.translateString(TranslatableString.EmptyArray)}</Content> : items}
    </Group>
  );
}

function ArrayFieldItemTemplate({ children, buttonsProps, hasToolbar, registry, uiSchema }: ArrayFieldItemTemplateProps) {
  const Buttons = getTemplate('ArrayFieldItemButtonsTemplate', registry, getUiOptions(uiSchema));
  return (
    <Flex flexWrap={{ default: 'nowrap' }} alignItems={{ default: 'alignItemsFlexEnd' }}>
      <FlexItem grow={{ default: 'grow' }}>{children}</FlexItem>
      {hasToolbar && <FlexItem><Buttons {...buttonsProps} /></FlexItem>}
    </Flex>
  );
}

/** A remove button named with what it removes ("Remove" + the item's or member's label). */
function RemoveButton({ id, of, onClick, registry }: { id: string; of: string; onClick: () => void; registry: FieldTemplateProps['registry'] }) {
  return (
    <Button id={id} variant="plain" icon={<MinusCircleIcon />} onClick={onClick}
      aria-label={registry.translateString(TranslatableString.RemoveButton)} aria-labelledby={`${id} ${titleId(of)}`} />
  );
}

/** Items are removed, not reordered or copied (the global options turn those off). */
function ArrayFieldItemButtonsTemplate({ fieldPathId, hasRemove, onRemoveItem, disabled, readonly, registry }: ArrayFieldItemButtonsTemplateProps) {
  if (!hasRemove || disabled || readonly) return null;
  return <RemoveButton id={buttonId(fieldPathId, 'remove')} of={fieldPathId.$id} onClick={() => onRemoveItem()} registry={registry} />;
}

/** A member outside the schema's properties (an x- field) with a button that removes it; its key is its label. */
function WrapIfAdditionalTemplate({ id, schema, children, onRemoveProperty, disabled, readonly, registry }: WrapIfAdditionalTemplateProps) {
  if (!(ADDITIONAL_PROPERTY_FLAG in schema)) return <>{children}</>;
  return (
    <Flex flexWrap={{ default: 'nowrap' }} alignItems={{ default: 'alignItemsFlexStart' }}>
      <FlexItem grow={{ default: 'grow' }}>{children}</FlexItem>
      {!disabled && !readonly && <FlexItem><RemoveButton id={buttonId(id, 'remove')} of={id} onClick={onRemoveProperty} registry={registry} /></FlexItem>}
    </Flex>
  );
}

/** Adds or leaves out an optional object (a national humanitarian ground). */
function OptionalDataControlsTemplate({ id, label, onAddClick, onRemoveClick }: OptionalDataControlsTemplateProps) {
  const onClick = onAddClick ?? onRemoveClick;
  if (!onClick) return <Content component="p" id={id}>{label}</Content>;
  return <Button id={id} variant="link" isInline onClick={onClick}>{label}</Button>;
}

function BaseInputTemplate({ id, htmlName, value, required, readonly, disabled, autofocus, onBlur, onFocus, onChange, options, schema, rawErrors, type }: BaseInputTemplateProps) {
  const input = getInputProps(schema, type, options);
  return (
    <TextInput id={id} name={htmlName || id} type={input.type as 'text'} min={input.min} max={input.max} step={input.step}
      value={value ?? ''} isRequired={required} isDisabled={disabled} readOnlyVariant={readonly ? 'default' : undefined} autoFocus={autofocus}
      validated={rawErrors?.length ? 'error' : 'default'} aria-describedby={describedBy(id, rawErrors)}
      onChange={(_e, v) => onChange(v === '' ? options.emptyValue : v)}
      onBlur={(e: FocusEvent<HTMLInputElement>) => onBlur(id, e.target.value)} onFocus={(e: FocusEvent<HTMLInputElement>) => onFocus(id, e.target.value)} />
  );
}

function TextareaWidget({ id, htmlName, value, required, readonly, disabled, onBlur, onFocus, onChange, options, rawErrors }: WidgetProps) {
  return (
    <TextArea id={id} name={htmlName || id} value={value ?? ''} isRequired={required} isDisabled={disabled} readOnlyVariant={readonly ? 'default' : undefined}
      autoResize resizeOrientation="vertical" validated={rawErrors?.length ? 'error' : 'default'} aria-describedby={describedBy(id, rawErrors)}
      onChange={(_e, v) => onChange(v === '' ? options.emptyValue : v)}
      onBlur={(e) => onBlur(id, e.target.value)} onFocus={(e) => onFocus(id, e.target.value)} />
  );
}

/** One choice of an enum; an absent value shows as "Choose…" rather than as the first option. */
function SelectWidget({ id, htmlName, value, required, readonly, disabled, onBlur, onFocus, onChange, options, rawErrors }: WidgetProps) {
  const intl = useIntl();
  const choices = options.enumOptions ?? [];
  const index = enumOptionsIndexForValue(value, choices);
  const at = (v: string) => (v === '' ? options.emptyValue : enumOptionsValueForIndex(v, choices));
  if (readonly) { // the choice as text: a disabled select would grey it out
    return <TextInput id={id} value={index === undefined ? '' : choices[Number(index)].label} readOnlyVariant="default" aria-describedby={describedBy(id, rawErrors)} />;
  }
  return (
    <FormSelect id={id} name={htmlName || id} value={index === undefined ? '' : String(index)} isRequired={required} isDisabled={disabled}
      validated={rawErrors?.length ? 'error' : 'default'} aria-describedby={describedBy(id, rawErrors)}
      onChange={(_e, v) => onChange(at(v))} onBlur={(e) => onBlur(id, at(e.currentTarget.value))}
      onFocus={(e) => onFocus(id, at(e.currentTarget.value))}>
      {(index === undefined || !required) && <FormSelectOption value="" label={intl.formatMessage({ id: 'common.choose' })} />}
      {choices.map((c, i) => <FormSelectOption key={String(c.value)} value={String(i)} label={c.label} />)}
    </FormSelect>
  );
}

function CheckboxWidget({ id, htmlName, value, disabled, readonly, onChange, label, rawErrors }: WidgetProps) {
  return (
    <Checkbox id={id} name={htmlName || id} label={label} isChecked={value === true} isDisabled={disabled || readonly}
      isValid={!rawErrors?.length} aria-describedby={describedBy(id, rawErrors)} onChange={(_e, checked) => onChange(checked)} />
  );
}

/** A set of enum values (each at most once) as checkboxes, kept in the schema's order. */
function CheckboxesWidget({ id, value, disabled, readonly, onChange, options, rawErrors }: WidgetProps) {
  const choices = options.enumOptions ?? [];
  const selected = Array.isArray(value) ? value : [];
  return (
    <>
      {choices.map((c, i) => (
        <Checkbox key={String(c.value)} id={optionId(id, i)} label={c.label} isChecked={selected.includes(c.value)} isDisabled={disabled || readonly}
          aria-describedby={describedBy(id, rawErrors)}
          onChange={(_e, checked) => onChange(checked ? enumOptionsSelectValue(i, selected, choices) : enumOptionsDeselectValue(i, selected, choices))} />
      ))}
    </>
  );
}

/** An array item's label: the list's label and the item's number ("Sources, no. 2"), not rjsf's "Sources-2". */
function ArraySchemaField(props: FieldProps) {
  const intl = useIntl();
  const { SchemaField } = props.registry.fields;
  const n = Number(props.index) + 1;
  const list = typeof props.title === 'string' ? props.title.replace(new RegExp(`-${n}$`), '') : undefined;
  const title = list ? intl.formatMessage({ id: 'packs.editor.item' }, { name: list, n }) : undefined;
  return <SchemaField {...props} title={title} required={false} />; // an item is there or not: nothing to mark
}

/** Whether an ErrorSchema holds a message anywhere. */
const hasErrors = (errorSchema: ErrorSchema | undefined) => errorsIn(errorSchema).length > 0;

/**
 * A map (the COI per country, the rules per id) one entry at a time: a picker of its keys, adding and removing a key,
 * and the chosen entry's own form. When a save is refused, the first entry with a violation is shown.
 */
function MapField({ name, schema, uiSchema = {}, formData, errorSchema, fieldPathId, registry, onChange, onBlur, onFocus, disabled, readonly }: FieldProps) {
  const intl = useIntl();
  const map = (formData ?? {}) as Record<string, Json>;
  const keys = Object.keys(map);
  const faulty = keys.filter((key) => hasErrors(errorSchema?.[key] as ErrorSchema | undefined));
  const [chosen, choose] = useState<string | undefined>(keys[0]);
  const [added, setAdded] = useState('');
  const shown = chosen !== undefined && chosen in map ? chosen : keys[0];
  const faults = faulty.join(' ');
  useEffect(() => {
    if (faulty.length > 0 && !faulty.includes(shown)) choose(faulty[0]);
  }, [faults]); // when other entries turn faulty (a save answered): otherwise the user's own choice stands
  const id = fieldPathId.$id;
  const entry = schema.additionalProperties as RJSFSchema;
  const editable = !disabled && !readonly;
  const add = () => {
    const key = added.trim();
    if (!key) return;
    if (!(key in map)) onChange({ ...map, [key]: skeleton(registry.rootSchema, entry) }, fieldPathId.path);
    choose(key);
    setAdded('');
  };
  const remove = () => {
    const { [shown]: _gone, ...rest } = map;
    onChange(rest, fieldPathId.path);
    choose(undefined);
  };
  const { SchemaField } = registry.fields;
  return (
    <Group id={id} title={schema.title ?? name}>
      <Flex alignItems={{ default: 'alignItemsFlexEnd' }}>
        {keys.length > 0 && (
          <FormGroup label={intl.formatMessage({ id: `packs.key.${name}` })} fieldId={`${id}__key`}>
            <FormSelect id={`${id}__key`} value={shown} onChange={(_e, v) => choose(v)} style={{ minInlineSize: '8rem' }}>
              {keys.map((key) => faulty.includes(key)
                ? <FormSelectOption key={key} value={key} label={intl.formatMessage({ id: 'packs.editor.faulty' }, { name: key })} />
                : <FormSelectOption key={key} value={key} label={key} translate="no" />)}
            </FormSelect>
          </FormGroup>
        )}
        {keys.length > 0 && editable && (
          <Button variant="secondary" icon={<MinusCircleIcon />} onClick={remove}>
            {intl.formatMessage({ id: 'packs.editor.removeKey' }, { name: <Verbatim key="k">{shown}</Verbatim> })}
          </Button>
        )}
        {editable && (
          <>
            <FormGroup label={intl.formatMessage({ id: `packs.key.${name}.new` })} fieldId={`${id}__new`}>
              <TextInput id={`${id}__new`} value={added} onChange={(_e, v) => setAdded(v)} translate="no"
                onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); add(); } }} />
            </FormGroup>
            <Button id={buttonId(fieldPathId, 'add')} variant="secondary" icon={<PlusCircleIcon />} onClick={add} isDisabled={!added.trim()}
              aria-labelledby={`${buttonId(fieldPathId, 'add')} ${titleId(fieldPathId)}`}>
              {registry.translateString(TranslatableString.AddButton)}
            </Button>
          </>
        )}
      </Flex>
      {shown === undefined ? (
        <Content component="p">{registry.translateString(TranslatableString.EmptyArray)}</Content>
      ) : (
        <SchemaField key={shown} name={shown} schema={entry} uiSchema={{ ...uiSchema.additionalProperties, 'ui:verbatim': true }}
          formData={map[shown]} errorSchema={errorSchema?.[shown] as ErrorSchema | undefined}
          fieldPathId={toFieldPathId(shown, registry.globalFormOptions, fieldPathId)}
          onChange={onChange} onBlur={onBlur} onFocus={onFocus} registry={registry} disabled={disabled} readonly={readonly} required />
      )}
    </Group>
  );
}

const asText = (value: unknown) => (value === undefined ? '' : JSON.stringify(value, null, 2));

/**
 * Free-form content (an x- field, a sample case's facts and expectations) as JSON text: the schema gives it no shape
 * to make a form of. Text that is not JSON stays on screen with a warning; the document keeps the last JSON it was.
 */
function JsonField({ name, schema, uiSchema, formData, errorSchema, rawErrors, fieldPathId, onChange, disabled, readonly, required }: FieldProps) {
  const intl = useIntl();
  const [text, setText] = useState(() => asText(formData));
  const [broken, setBroken] = useState(false);
  useEffect(() => {
    setText((shown) => (parses(shown) && asText(JSON.parse(shown)) === asText(formData) ? shown : asText(formData)));
  }, [formData]);
  const id = fieldPathId.$id;
  const title = getUiOptions(uiSchema).title ?? schema.title;
  const below = errorsIn(errorSchema).map((v) => `${v.field}: ${v.message}`);
  const messages = [...(rawErrors ?? []), ...below];
  const edit = (value: string) => {
    setText(value);
    setBroken(!parses(value));
    if (parses(value)) onChange(value.trim() === '' ? undefined : JSON.parse(value), fieldPathId.path);
  };
  return (
    <FormGroup label={<span id={titleId(id)}>{title ?? <Verbatim>{name}</Verbatim>}</span>} fieldId={id} isRequired={required}>
      <TextArea id={id} value={text} onChange={(_e, v) => edit(v)} isDisabled={disabled} readOnlyVariant={readonly ? 'default' : undefined}
        autoResize resizeOrientation="vertical" spellCheck={false} style={{ fontFamily: 'var(--pf-t--global--font--family--mono)' }}
        validated={broken || messages.length ? 'error' : 'default'} aria-describedby={`${id}__help${messages.length ? ` ${errorId(id)}` : ''}`} />
      <FormHelperText>
        <HelperText id={`${id}__help`}>
          <HelperTextItem variant={broken ? 'error' : 'default'}>
            {intl.formatMessage({ id: broken ? 'packs.document.syntax' : 'packs.editor.freeForm' })}
          </HelperTextItem>
        </HelperText>
      </FormHelperText>
      <FieldError id={errorId(id)} message={messages.join('; ') || undefined} />
    </FormGroup>
  );
}

function parses(text: string): boolean {
  if (text.trim() === '') return true;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const TEMPLATES = {
  FieldTemplate, FieldErrorTemplate, ObjectFieldTemplate, ArrayFieldTemplate, ArrayFieldItemTemplate, ArrayFieldItemButtonsTemplate,
  WrapIfAdditionalTemplate, OptionalDataControlsTemplate, BaseInputTemplate,
};
const WIDGETS = { TextareaWidget, SelectWidget, CheckboxWidget, CheckboxesWidget };
const FIELDS = { ArraySchemaField, MapField, JsonField };

/** The same document as the JSON view; rjsf adds nothing to it (no defaults filled in, no list padded to its minimum). */
const AS_GIVEN = { emptyObjectFields: 'skipDefaults', arrayMinItems: { populate: 'never' }, constAsDefaults: 'never' } as const;

/** Labels in the reader's language (`packs.field.<property>`, a property the catalogues do not know as its name). */
function useLocalForm(schema: Record<string, unknown>): { schema: RJSFSchema; uiSchema: UiSchema } {
  const intl = useIntl();
  const enumLabel = useEnumLabel();
  return useMemo(() => {
    const label = (name: string) => (intl.messages[`packs.field.${name}`] !== undefined ? intl.formatMessage({ id: `packs.field.${name}` }) : name);
    const enumNames = (name: string, values: unknown[]): Record<string, string> => {
      const kind = ENUM_KINDS[name];
      return kind ? Object.fromEntries(values.map((v) => [String(v), enumLabel(kind, String(v))])) : {};
    };
    const local = localised(schema as RJSFSchema, label);
    const uiSchema: UiSchema = {
      ...uiSchemaFor(local, enumNames),
      'ui:globalOptions': { orderable: false, copyable: false, enableOptionalDataFieldForType: ['object'] },
    };
    return { schema: local, uiSchema };
  }, [schema, intl]); // enumLabel follows intl
}

/**
 * The pack's form. `document` and `onChange` hold the draft (shared with the JSON view); `onSubmit` saves it;
 * `errorSchema` places the last save's violations; `children` close the form (its alerts and the save button).
 * `readonly` (a published version): values stay readable and focusable, and the map pickers still choose what to show.
 */
export function PackEditor({ schema, document, onChange, onSubmit, errorSchema, readonly, children }: {
  schema: Record<string, unknown>; document: Json; onChange: (document: Json) => void; onSubmit: (document: Json) => void;
  errorSchema?: ErrorSchema; readonly?: boolean; children?: ReactNode;
}) {
  const intl = useIntl();
  const form = useLocalForm(schema);
  const translateString = useMemo(() => (key: TranslatableString, params?: string[]) => {
    const id = RJSF_STRINGS[key];
    return id ? intl.formatMessage({ id }, { name: params?.[0] }) : englishStringTranslator(key, params);
  }, [intl]);
  return (
    <Form tagName={PfForm} schema={form.schema} uiSchema={form.uiSchema} formData={document} validator={validator}
      noValidate noHtml5Validate showErrorList={false} extraErrors={errorSchema} idPrefix="pack" readonly={readonly}
      templates={TEMPLATES} widgets={WIDGETS} fields={FIELDS} translateString={translateString} experimental_defaultFormStateBehavior={AS_GIVEN}
      onChange={(e) => onChange(e.formData as Json)} onSubmit={(e) => onSubmit(e.formData as Json)}>
      {children ?? <></>}
    </Form>
  );
}
