import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { Button } from '@patternfly/react-core';
import type { ErrorSchema } from '@rjsf/utils';
// the schema the tenants service validates with and the demo stack's packs: the one source, no copy in the console
import schema from '../../../../services/tenants/src/main/resources/schemas/policy-pack.schema.json';
import euMember from '../../../../devstack/src/main/resources/demo-packs/eu-member.json';
import conventionStrict from '../../../../devstack/src/main/resources/demo-packs/convention-strict.json';
import ru from '../../i18n/ru.json';
import { Providers, fakeFetch, json } from '../../test-support';
import { PackEditor } from './PackEditor';
import { DocumentSection } from './PackPage';
import { errorSchemaOf } from './schemaForm';
import type { Json } from './packs';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

vi.setConfig({ testTimeout: 20_000 }); // a whole pack's form, rendered and queried by role in jsdom, takes a second or two

type Doc = Record<string, Json>;
const copy = (document: object) => structuredClone(document) as Doc;

/** The editor as DocumentSection holds it: the draft in state, each change and the submitted document recorded. */
function Editor({ document, errorSchema, readonly, onChange, onSubmit }: {
  document: Doc; errorSchema?: ErrorSchema; readonly?: boolean; onChange?: (d: Json) => void; onSubmit?: (d: Json) => void;
}) {
  const [draft, setDraft] = useState<Json>(document);
  return (
    <PackEditor schema={schema} document={draft} errorSchema={errorSchema} readonly={readonly}
      onChange={(d) => { setDraft(d); onChange?.(d); }} onSubmit={(d) => onSubmit?.(d)}>
      <Button type="submit">Save</Button>
    </PackEditor>
  );
}

const renderEditor = (props: Parameters<typeof Editor>[0], messages?: Record<string, string>, locale?: string) =>
  render(<Providers messages={messages} locale={locale}><Editor {...props} /></Providers>);

const submitted = async (onSubmit: ReturnType<typeof vi.fn>) => {
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
  await waitFor(() => expect(onSubmit).toHaveBeenCalled());
  return onSubmit.mock.calls.at(-1)![0] as Doc;
};

describe('the pack editor generated from the schema', () => {
  it('labels the fields in the reader’s language and shows the document’s values', () => {
    renderEditor({ document: copy(euMember) });
    expect((screen.getByRole('spinbutton', { name: 'Small-cell threshold' }) as HTMLInputElement).value).toBe('5');
    expect((screen.getByRole('spinbutton', { name: 'First-instance time limit (days)' }) as HTMLInputElement).value).toBe('180');
    expect((screen.getByRole('textbox', { name: 'Time zone' }) as HTMLInputElement).value).toBe('Europe/Berlin');
    expect((screen.getByRole('combobox', { name: 'Legal framework' }) as HTMLSelectElement).value).not.toBe('');
    expect(screen.getByRole('group', { name: 'Reporting' })).toBeTruthy();
    // enum values the console labels already, and one it does not (shown as it is)
    expect((screen.getByRole('checkbox', { name: 'hazing' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'INDEFINITE_SERVICE' }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByRole('checkbox', { name: 'refugee status' }) as HTMLInputElement).checked).toBe(true);
    // the schema's English descriptions are not shown
    expect(screen.queryByText(/Cells under this count are suppressed/)).toBeNull();
  });

  it('is in Russian for a Russian reader, rule ids and country codes as they are', () => {
    renderEditor({ document: copy(euMember) }, ru, 'ru');
    expect(screen.getByRole('spinbutton', { name: 'Порог сокрытия малых значений' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'GIP10-1' }).querySelector('[translate="no"]')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Добавить Источники' })).toBeTruthy();
  });

  it('gives back the document unchanged when nothing is edited: the form adds nothing of its own', async () => {
    const withExtras = { ...copy(conventionStrict), 'x-note': { by: 'legal team' },
      sampleCases: [{ id: 'c1', facts: { applicant: { nationalities: ['UA'] } }, expected: { recommendation: 'REJECT' } }] };
    for (const document of [copy(euMember), copy(conventionStrict), withExtras]) {
      const onSubmit = vi.fn();
      renderEditor({ document, onSubmit });
      expect(await submitted(onSubmit)).toEqual(document);
      cleanup();
    }
  });

  it('changes the document where a field is edited, a number as a number', async () => {
    const onSubmit = vi.fn();
    renderEditor({ document: copy(euMember), onSubmit });
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Small-cell threshold' }), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'national humanitarian status' }));
    const saved = await submitted(onSubmit);
    expect(saved.reporting).toEqual({ smallCellThreshold: 10, rounding: 5 });
    expect(saved.recognitionRate).toEqual({ positive: ['REFUGEE_STATUS', 'SUBSIDIARY_PROTECTION'] });
    expect({ ...saved, reporting: euMember.reporting, recognitionRate: euMember.recognitionRate }).toEqual(euMember);
  });

  it('shows a violation at its field, described by it', () => {
    const { errorSchema } = errorSchemaOf([{ field: '/reporting/smallCellThreshold', message: 'must have a minimum value of 5' }]);
    renderEditor({ document: copy(euMember), errorSchema });
    const threshold = screen.getByRole('spinbutton', { name: 'Small-cell threshold' });
    expect(threshold.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(threshold.getAttribute('aria-describedby')!)!.textContent).toContain('must have a minimum value of 5');
    expect(screen.getByRole('spinbutton', { name: 'Rounding to multiples of' }).getAttribute('aria-invalid')).toBe('false');
  });

  it('names each list item and its remove button', async () => {
    const onSubmit = vi.fn();
    renderEditor({ document: copy(euMember), onSubmit });
    expect((screen.getByRole('textbox', { name: 'Languages, no. 2' }) as HTMLInputElement).value).toBe('en');
    fireEvent.click(screen.getByRole('button', { name: 'Remove Languages, no. 2' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add Languages' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Languages, no. 4' }), { target: { value: 'fr' } });
    expect((await submitted(onSubmit)).languages).toEqual(['de', 'ru', 'uk', 'fr']);
  });

  it('edits free-form content as JSON, keeping the last JSON while the text is not', async () => {
    const onSubmit = vi.fn();
    renderEditor({ document: { ...copy(euMember), 'x-note': { by: 'legal team' } }, onSubmit });
    const note = screen.getByRole('textbox', { name: 'x-note' });
    fireEvent.change(note, { target: { value: '{ "by": "the minister" }' } });
    fireEvent.change(note, { target: { value: '{ "by": ' } });
    expect(screen.getByText('This is not valid JSON')).toBeTruthy();
    expect((await submitted(onSubmit))['x-note']).toEqual({ by: 'the minister' });
    fireEvent.click(screen.getByRole('button', { name: 'Remove x-note' }));
    expect('x-note' in (await submitted(onSubmit))).toBe(false);
  });

  it('is read-only for a published version, its countries still shown one at a time', () => {
    renderEditor({ document: copy(euMember), readonly: true });
    expect((screen.getByRole('spinbutton', { name: 'Small-cell threshold' }) as HTMLInputElement).readOnly).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'hazing' }) as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole('combobox', { name: 'Country' }) as HTMLSelectElement).disabled).toBe(false);
    expect(screen.queryByRole('textbox', { name: 'New country (two-letter code)' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Add / })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Remove / })).toBeNull();
  });
});

describe('the COI, a form per country', () => {
  const picker = () => screen.getByRole('combobox', { name: 'Country' }) as HTMLSelectElement;
  const asOf = () => within(screen.getByRole('group', { name: 'Country of origin information (COI)' })).getByLabelText(/^As of/) as HTMLInputElement;

  it('shows one country at a time, chosen from those in the pack', () => {
    renderEditor({ document: copy(euMember) });
    expect([...picker().options].map((o) => o.value)).toEqual(['RU', 'UA', 'XC', 'XY']);
    expect(asOf().value).toBe('2025-09-01');
    expect((screen.getByRole('textbox', { name: 'Sources, no. 1' }) as HTMLInputElement).value).toMatch(/Russian Federation/);
    fireEvent.change(picker(), { target: { value: 'XC' } });
    expect(asOf().value).toBe('2025-06-01');
    expect((screen.getByRole('textbox', { name: 'Sources, no. 1' }) as HTMLInputElement).value).toMatch(/Fictional country X/);
    expect(screen.getByRole('group', { name: 'XC' })).toBeTruthy();
  });

  it('writes an edit back into the chosen country’s entry only', async () => {
    const onSubmit = vi.fn();
    renderEditor({ document: copy(euMember), onSubmit });
    fireEvent.change(picker(), { target: { value: 'UA' } });
    fireEvent.change(asOf(), { target: { value: '2026-01-15' } });
    const coi = (await submitted(onSubmit)).coi as Record<string, Doc>;
    expect(coi.UA.asOf).toBe('2026-01-15');
    expect(coi.RU.asOf).toBe('2025-09-01');
  });

  it('adds a country, started with every yes/no as no, and removes one', async () => {
    const onSubmit = vi.fn();
    renderEditor({ document: copy(euMember), onSubmit });
    fireEvent.change(screen.getByRole('textbox', { name: 'New country (two-letter code)' }), { target: { value: 'BY' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add Country of origin information (COI)' }));
    expect(picker().value).toBe('BY');
    expect((screen.getByRole('checkbox', { name: 'Armed conflict under way' }) as HTMLInputElement).checked).toBe(false);
    expect(((await submitted(onSubmit)).coi as Doc).BY).toMatchObject({ sources: [], armedConflict: { active: false } });
    fireEvent.change(picker(), { target: { value: 'XY' } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove XY' }));
    expect(Object.keys((await submitted(onSubmit)).coi as Doc)).toEqual(['RU', 'UA', 'XC', 'BY']);
  });

  it('shows the country a violation is in, at its field, and marks it in the picker', () => {
    const { errorSchema } = errorSchemaOf([{ field: '/coi/XY/asOf', message: 'must be a date' }]);
    renderEditor({ document: copy(euMember), errorSchema });
    expect(picker().value).toBe('XY');
    expect(screen.getByRole('option', { name: 'XY (to correct)' })).toBeTruthy();
    expect(asOf().getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(asOf().getAttribute('aria-describedby')!)!.textContent).toContain('must be a date');
    // another country chosen and edited stays chosen
    fireEvent.change(picker(), { target: { value: 'RU' } });
    fireEvent.change(asOf(), { target: { value: '2026-02-01' } });
    expect(picker().value).toBe('RU');
  });
});

describe('the pack page’s document, as a form or as JSON', () => {
  const page = (puts: Request[], answer: (body: Doc) => Response) => {
    const fake = fakeFetch([
      [/^GET \/api\/v1\/policy\/schema$/, () => json(schema)],
      [/^PUT \/api\/v1\/tenants\/demo-gov\/policy-packs\/3$/, async (req) => { puts.push(req.clone()); return answer(await req.json()); }],
    ]);
    vi.stubGlobal('fetch', fake.fn);
    render(
      <Providers roles={['policy-admin']}>
        <DocumentSection tenantId="demo-gov" version={3} document={copy(euMember)} editable onSaved={() => {}} />
      </Providers>,
    );
  };
  const pack = (document: Doc) => ({ tenantId: 'demo-gov', version: 3, status: 'DRAFT', createdAt: '2026-01-01T00:00:00Z', createdBy: 'p', document });
  const violation = { type: 'https://sanctuary.example/problems/validation', status: 400, title: 'Invalid', detail: '2 violation(s) of the policy-pack schema',
    violations: [{ field: '/reporting/smallCellThreshold', message: 'must have a minimum value of 5' }, { field: '', message: 'property x is not allowed' }] };

  it('opens a draft as the form; a refused save shows each violation at its field, the rest in the alert', async () => {
    const puts: Request[] = [];
    page(puts, (body) => ((body.reporting as Doc).smallCellThreshold === 3 ? json(violation, 400, 'application/problem+json') : json(pack(body))));
    const threshold = await screen.findByRole('spinbutton', { name: 'Small-cell threshold' });
    expect(screen.getByRole('button', { name: 'Form' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.change(threshold, { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(threshold.getAttribute('aria-invalid')).toBe('true'));
    expect(JSON.parse(await puts[0].text()).reporting.smallCellThreshold).toBe(3);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('property x is not allowed');
    expect(alert.textContent).not.toContain('/reporting/smallCellThreshold');

    // the same draft as JSON: the edit is there, and every violation listed with its path
    fireEvent.click(screen.getByRole('button', { name: 'JSON' }));
    const text = screen.getByRole('textbox', { name: 'Pack (JSON)' }) as HTMLTextAreaElement;
    expect(JSON.parse(text.value).reporting.smallCellThreshold).toBe(3);
    expect(screen.getByRole('alert').textContent).toContain('/reporting/smallCellThreshold');

    // corrected in the form: saved, and the field no longer says it is wrong
    fireEvent.click(screen.getByRole('button', { name: 'Form' }));
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Small-cell threshold' }), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(await screen.findByText('Draft saved.')).toBeTruthy();
    expect(screen.getByRole('spinbutton', { name: 'Small-cell threshold' }).getAttribute('aria-invalid')).toBe('false');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps the JSON view, saying why, while the JSON does not parse; an edit in JSON shows in the form', async () => {
    page([], (body) => json(pack(body)));
    await screen.findByRole('spinbutton', { name: 'Small-cell threshold' });
    fireEvent.click(screen.getByRole('button', { name: 'JSON' }));
    const text = screen.getByRole('textbox', { name: 'Pack (JSON)' });
    fireEvent.change(text, { target: { value: '{ "name": ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Form' }));
    expect(screen.getByText('This is not valid JSON')).toBeTruthy();
    expect(screen.getByText('Correct the JSON to see it as a form.')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Pack (JSON)' })).toBeTruthy();

    fireEvent.change(text, { target: { value: JSON.stringify({ ...euMember, timezone: 'Europe/Paris' }) } });
    fireEvent.click(screen.getByRole('button', { name: 'Form' }));
    expect((screen.getByRole('textbox', { name: 'Time zone' }) as HTMLInputElement).value).toBe('Europe/Paris');
  });

  it('saves the form’s document and says so', async () => {
    const puts: Request[] = [];
    page(puts, (body) => json(pack(body)));
    fireEvent.change(await screen.findByRole('textbox', { name: 'Time zone' }), { target: { value: 'Europe/Paris' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(await screen.findByText('Draft saved.')).toBeTruthy();
    expect(JSON.parse(await puts[0].text())).toEqual({ ...euMember, timezone: 'Europe/Paris' });
  });
});
