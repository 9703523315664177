import { describe, expect, it, vi, afterEach } from 'vitest';
import { render, screen, cleanup, fireEvent, waitFor } from '@testing-library/react';
import { Notes } from './Notes';
import { Providers, fakeFetch, json } from '../../test-support';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const CLAIM = 'c1000000-0000-0000-0000-000000000001';
const note = (id: string, author: string, text: string) => ({ id, claimId: CLAIM, author, createdAt: '2026-03-04T10:05:00Z', text });

describe('Notes on a claim', () => {
  it('lists the notes with "me" for the user own, says they are append-only, and adds one', async () => {
    const fake = fakeFetch([
      [/^GET \/api\/v1\/claims\/[^/]+\/notes$/, () => json([note('n1', 'sub-1', 'Called the applicant.'), note('n2', 'other-sub-2', 'Summons received.')])],
      [/^POST \/api\/v1\/claims\/[^/]+\/notes$/, async (req) => json(note('n3', 'sub-1', ((await req.json()) as { text: string }).text))],
    ]);
    vi.stubGlobal('fetch', fake.fn);
    render(<Providers><Notes claimId={CLAIM} /></Providers>);

    expect(await screen.findByText('Called the applicant.')).toBeTruthy();
    expect(screen.getByText('me')).toBeTruthy();
    expect(screen.getByText('other-su')).toBeTruthy(); // another author's sub, shortened
    expect(screen.getAllByText(/Mar 4, 2026/)).toHaveLength(2);
    const box = screen.getByLabelText('New note');
    expect(box.getAttribute('aria-describedby')).toBe('notes-append-only');
    expect(screen.getByText(/never edited or deleted/)).toBeTruthy();

    const add = screen.getByRole('button', { name: 'Add note' });
    expect((add as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(box, { target: { value: 'Interview booked.' } });
    fireEvent.click(add);
    expect(await screen.findByText('Interview booked.')).toBeTruthy();
    await waitFor(() => expect((box as HTMLTextAreaElement).value).toBe(''));
    const post = fake.calls.find((r) => r.method === 'POST')!;
    expect(new URL(post.url).pathname).toBe(`/api/v1/claims/${CLAIM}/notes`);
  });

  it('is not offered to a user who is neither caseworker nor supervisor', () => {
    const fake = fakeFetch([]);
    vi.stubGlobal('fetch', fake.fn);
    render(<Providers roles={['integrator']}><Notes claimId={CLAIM} /></Providers>);
    expect(screen.queryByRole('heading', { name: 'Notes' })).toBeNull();
    expect(fake.calls).toHaveLength(0);
  });
});
