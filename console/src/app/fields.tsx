import type { ReactNode } from 'react';
import { FormGroup, FormSelect, FormSelectOption, TextArea, TextInput } from '@patternfly/react-core';
import { FieldError } from './problems';

/** Field ids are the JSON paths the server names in violations (`name.family`); DOM ids are derived from them. */
export const domId = (field: string) => 'f-' + field.replace(/[^A-Za-z0-9_-]/g, '-');

interface Common {
  field: string;
  label: string;
  error?: string;
  isRequired?: boolean;
  helper?: ReactNode;
}

export function TextField({
  field, label, error, isRequired, value, onChange, type = 'text', helper, lang,
}: Common & { value: string; onChange: (v: string) => void; type?: 'text' | 'date' | 'email'; lang?: string }) {
  const id = domId(field);
  return (
    <FormGroup label={label} fieldId={id} isRequired={isRequired}>
      <TextInput
        id={id}
        name={field}
        type={type}
        value={value}
        onChange={(_e, v) => onChange(v)}
        isRequired={isRequired}
        validated={error ? 'error' : 'default'}
        aria-describedby={[helper ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
        lang={lang}
      />
      {helper && <div id={`${id}-help`}>{helper}</div>}
      <FieldError id={`${id}-error`} message={error} />
    </FormGroup>
  );
}

export function TextAreaField({
  field, label, error, isRequired, value, onChange, helper, helperId,
}: Common & { value: string; onChange: (v: string) => void; helperId?: string }) {
  const id = domId(field);
  return (
    <FormGroup label={label} fieldId={id} isRequired={isRequired}>
      <TextArea
        id={id}
        name={field}
        value={value}
        onChange={(_e, v) => onChange(v)}
        isRequired={isRequired}
        validated={error ? 'error' : 'default'}
        aria-describedby={[error ? `${id}-error` : '', helperId ?? ''].filter(Boolean).join(' ') || undefined}
        resizeOrientation="vertical"
      />
      {helper}
      <FieldError id={`${id}-error`} message={error} />
    </FormGroup>
  );
}

export function SelectField({
  field, label, error, isRequired, value, onChange, options, emptyLabel,
}: Common & { value: string; onChange: (v: string) => void; options: { value: string; label: string }[]; emptyLabel?: string }) {
  const id = domId(field);
  return (
    <FormGroup label={label} fieldId={id} isRequired={isRequired}>
      <FormSelect
        id={id}
        name={field}
        value={value}
        onChange={(_e, v) => onChange(v)}
        isRequired={isRequired}
        validated={error ? 'error' : 'default'}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {emptyLabel !== undefined && <FormSelectOption value="" label={emptyLabel} />}
        {options.map((o) => (
          <FormSelectOption key={o.value} value={o.value} label={o.label} />
        ))}
      </FormSelect>
      <FieldError id={`${id}-error`} message={error} />
    </FormGroup>
  );
}

/** Splits "ru, uk" into ["ru", "uk"]. */
export const splitList = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
