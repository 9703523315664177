import { describe, expect, it, vi, afterEach } from 'vitest';
import { render, screen, cleanup, fireEvent, waitFor, within } from '@testing-library/react';
import { createIntl } from 'react-intl';
import { Routes, Route } from 'react-router';
import { ApiError, problemMessage, problemSlug } from './problems';
import { Providers, fakeFetch, json } from '../test-support';
import RegisterApplicant from '../pages/RegisterApplicant';
import en from '../i18n/en.json';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const P = 'https://sanctuary.example/problems/';
const intl = createIntl({ locale: 'en', messages: en });

describe('problem mapping', () => {
  it('maps the type slug, and the status when the type is unknown', () => {
    expect(problemSlug(new ApiError(409, { type: `${P}invalid-transition` }))).toBe('invalid-transition');
    expect(problemSlug(new ApiError(403, { type: 'about:blank' }))).toBe('forbidden');
    expect(problemMessage(intl, new ApiError(403, { type: `${P}forbidden` }))).toBe('This is not allowed for your role.');
    expect(problemMessage(intl, new ApiError(412, {}))).toBe('This was changed meanwhile: reload and try again.');
    expect(problemMessage(intl, new ApiError(429, { type: `${P}too-many-requests` }, '7'))).toBe('Too many requests: try again in 7 seconds.');
    expect(problemMessage(intl, new TypeError('Failed to fetch'))).toBe('The server could not be reached.');
  });

  it('shows each violation at its field on Register applicant, the rest in the alert', async () => {
    const { fn, calls } = fakeFetch([
      [/GET \/api\/v1\/applicants/, () => json({ items: [] })],
      [/POST \/api\/v1\/applicants/, () =>
        json({
          type: `${P}validation`, title: 'Bad Request', status: 400, detail: '2 fields are invalid',
          violations: [
            { field: 'name.family', message: 'must not be blank' },
            { field: 'household[0].relation', message: 'unknown relation' },
          ],
        }, 400, 'application/problem+json')],
    ]);
    vi.stubGlobal('fetch', fn);
    render(
      <Providers path="/applicants/new">
        <Routes>
          <Route path="/applicants/new" element={<RegisterApplicant />} />
        </Routes>
      </Providers>,
    );
    fireEvent.change(screen.getByLabelText(/^Given name/), { target: { value: 'Дмитрий' } });
    fireEvent.change(screen.getByLabelText(/^Family name/), { target: { value: 'Иванов' } });
    fireEvent.change(screen.getByLabelText(/^Nationality/), { target: { value: 'ru' } });
    fireEvent.change(screen.getByLabelText(/^Sex/), { target: { value: 'MALE' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save applicant' }));

    const family = screen.getByLabelText(/^Family name/);
    await waitFor(() => expect(family.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = family.getAttribute('aria-describedby')!;
    expect(document.getElementById(describedBy)!.textContent).toContain('must not be blank');
    expect(screen.getByLabelText(/^Given name/).getAttribute('aria-invalid')).toBe('false');

    const alert = screen.getAllByRole('alert').find((a) => a.textContent?.includes('Some fields need correcting.'))!;
    expect(within(alert).getByText('2 fields are invalid')).toBeTruthy();
    expect(alert.textContent).toContain('unknown relation');
    expect(alert.textContent).not.toContain('must not be blank');

    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await post.clone().json()).toMatchObject({ name: { given: 'Дмитрий', family: 'Иванов' }, nationalities: [{ country: 'RU', imposed: false }], sex: 'MALE' });
  });
});
