import { describe, expect, it, vi, afterEach } from 'vitest';
import { render, screen, cleanup, within, fireEvent, waitFor } from '@testing-library/react';
import MyWork from './MyWork';
import { Providers, fakeFetch, json } from '../test-support';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const claim = (id: string, applicantId: string) => ({
  id, version: 1, applicantId, status: 'LODGED', military: { status: 'DESERTER', served: true, deserted: true },
  credibility: {}, assignedCaseworker: null, lodgedOn: '2026-01-02', firstInstanceDeadline: '2099-01-02',
  createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
});
const applicant = (id: string, name: object, latinName: object, country: string) => ({
  id, version: 1, name, latinName, nationalities: [{ country, imposed: false }, { country: 'KZ', imposed: false }],
  sex: 'MALE', languages: [], household: [], createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
});
const A1 = '11111111-1111-1111-1111-111111111111';
const A2 = '22222222-2222-2222-2222-222222222222';

describe('My work: names and nationalities', () => {
  it('reads the applicants of a page in one call and shows the name as entered, its Latin reading and the first nationality', async () => {
    const fake = fakeFetch([
      [/^GET \/api\/v1\/claims\?/, () => json({ items: [claim('c1000000-0000-0000-0000-000000000001', A1), claim('c2000000-0000-0000-0000-000000000002', A2), claim('c3000000-0000-0000-0000-000000000003', A1)] })],
      [/^GET \/api\/v1\/applicants\?ids=/, () => json({ items: [
        applicant(A1, { given: 'Алексей', family: 'Смирнов' }, { given: 'Aleksei', family: 'Smirnov' }, 'RU'),
        applicant(A2, { given: 'John', family: 'Smith' }, { given: 'John', family: 'Smith' }, 'GB'),
      ] })],
    ]);
    vi.stubGlobal('fetch', fake.fn);
    render(<Providers><MyWork /></Providers>);

    const link = await screen.findAllByRole('link', { name: 'Смирнов Алексей (Smirnov Aleksei)' });
    expect(link).toHaveLength(2);
    expect(link[0].getAttribute('href')).toBe('/claims/c1000000-0000-0000-0000-000000000001');
    const row = screen.getByRole('link', { name: 'Smith John' }).closest('tr')!;
    expect(within(row).getByText('GB')).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Name' })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Nationality' })).toBeTruthy();

    const reads = fake.calls.filter((r) => new URL(r.url).pathname === '/api/v1/applicants');
    expect(reads).toHaveLength(1);
    expect(new URL(reads[0].url).searchParams.get('ids')).toBe(`${A1},${A2}`);
  });
});

describe('My work: sort', () => {
  it('asks for the nearest deadline first, and for the order the caseworker picks', async () => {
    const fake = fakeFetch([
      [/^GET \/api\/v1\/claims\?/, () => json({ items: [claim('c1000000-0000-0000-0000-000000000001', A1)] })],
      [/^GET \/api\/v1\/applicants\?ids=/, () => json({ items: [] })],
    ]);
    vi.stubGlobal('fetch', fake.fn);
    render(<Providers><MyWork /></Providers>);
    const sorts = () => fake.calls.filter((r) => new URL(r.url).pathname === '/api/v1/claims').map((r) => new URL(r.url).searchParams.get('sort'));

    const order = await screen.findByLabelText('Sort by');
    expect(sorts()).toEqual(['DEADLINE']);
    fireEvent.change(order, { target: { value: 'NEWEST' } });
    await waitFor(() => expect(sorts()).toEqual(['DEADLINE', 'NEWEST']));
    expect((screen.getByLabelText('Sort by') as HTMLSelectElement).value).toBe('NEWEST');
  });
});
