import { test, expect } from '@playwright/test';
import { signIn, expectAccessible, screenshot, token } from './support';

const API = process.env.CONSOLE_URL ?? 'http://127.0.0.1:8080';
// a family name new on every run, in both scripts: Смирнов + three syllables, and its ICAO Latin reading
const SYLLABLES: [string, string][] = [['ка', 'ka'], ['ло', 'lo'], ['ми', 'mi'], ['ра', 'ra'], ['ту', 'tu'], ['не', 'ne'],
  ['ва', 'va'], ['до', 'do']];
const picks = [0, 1, 2].map(() => SYLLABLES[Math.floor(Math.random() * SYLLABLES.length)]);
const CYRILLIC = 'Смирнов' + picks.map((p) => p[0]).join('');
const LATIN = 'Smirnov' + picks.map((p) => p[1]).join('');

/**
 * The caseworker's and the supervisor's day (issue 12), through Keycloak's own login page and the gateway:
 * register an applicant in Cyrillic (warned of the same person spelled in Latin), record a claim, upload a PDF,
 * lodge, assess, draft a decision; a supervisor approves; the author cannot; demo-ngo sees none of it.
 */
test('a caseworker records and assesses a claim, a supervisor approves it, the other organization sees nothing', async ({ browser }) => {
  // the same person, already registered in Latin letters by an integrator's import
  const family = LATIN;
  const seed = await fetch(`${API}/api/v1/applicants`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await token('gov-supervisor')}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: { given: 'Aleksei', family }, nationalities: [{ country: 'RU', imposed: false }],
      birthDate: '1991-02-03', sex: 'MALE' }),
  });
  expect(seed.status).toBe(201);

  const caseworker = await signIn(browser, 'gov-caseworker');
  await expect(caseworker.getByRole('progressbar')).toHaveCount(0); // the claims and their names are read
  await screenshot(caseworker, 'my-work-en');
  await expectAccessible(caseworker, 'my work');

  await caseworker.getByRole('link', { name: 'Register applicant' }).click();
  await expect(caseworker.getByRole('heading', { level: 1, name: 'Register applicant' })).toBeVisible();
  await caseworker.getByLabel('Given name').fill('Алексей');
  await caseworker.getByLabel('Family name').fill(CYRILLIC);
  await caseworker.getByLabel('Birth date').fill('1991-02-03');
  await caseworker.getByLabel('Nationality').first().fill('RU');
  await expect(caseworker.getByText(`${family} Aleksei`, { exact: true })).toBeVisible(); // the Latin-spelled candidate, side by side
  await screenshot(caseworker, 'register-applicant-duplicate-en');
  await expectAccessible(caseworker, 'register applicant');
  await caseworker.getByRole('button', { name: 'This is a new person' }).click();
  await caseworker.getByRole('button', { name: 'Save applicant' }).click();

  await expect(caseworker.getByRole('heading', { level: 1, name: 'Record a claim' })).toBeVisible();
  await caseworker.getByLabel('Military status').selectOption?.('MOBILISED_RESERVIST').catch(() => undefined);
  await screenshot(caseworker, 'record-claim-en');
  await expectAccessible(caseworker, 'record a claim');
  await caseworker.getByRole('button', { name: 'Save claim' }).click();

  await caseworker.waitForURL(/\/claims\/[0-9a-f-]{36}$/); // the saved claim's own page, not the form's
  await expect(caseworker.getByRole('heading', { level: 1, name: 'Claim', exact: true })).toBeVisible();
  const claimUrl = caseworker.url();
  // evidence: a PDF goes in, its SHA-256 comes back
  await caseworker.getByLabel('Category').selectOption('SUMMONS');
  await caseworker.locator('#evidence-file').setInputFiles({ name: 'summons.pdf', mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n') });
  await caseworker.getByRole('button', { name: 'Upload' }).click();
  await expect(caseworker.getByText(/[0-9a-f]{64}/).first()).toBeVisible();
  await screenshot(caseworker, 'claim-evidence-en');
  // notes: append-only, the author shown as "me"
  await caseworker.getByLabel('New note').fill('Summons shown at the interview.');
  await caseworker.getByRole('button', { name: 'Add note' }).click();
  await expect(caseworker.getByText('Summons shown at the interview.')).toBeVisible();
  await expect(caseworker.getByLabel('New note')).toHaveValue('');
  await caseworker.getByRole('button', { name: 'Lodge', exact: true }).click();
  await expect(caseworker.getByRole('button', { name: 'Run assessment' })).toBeEnabled();
  await caseworker.getByRole('button', { name: 'Run assessment' }).click();
  await expect(caseworker.getByRole('button', { name: 'Draft decision' })).toBeVisible();
  await screenshot(caseworker, 'claim-assessed-en');
  await expectAccessible(caseworker, 'claim');
  await expect(caseworker.getByRole('form', { name: 'Assignment' })).toHaveCount(0); // only a supervisor assigns
  // the applicant turns out to have deserted: run again, and compare the two runs
  const claimId = claimUrl.substring(claimUrl.lastIndexOf('/') + 1);
  const bearer = { Authorization: `Bearer ${await token('gov-caseworker')}` };
  const recorded = await fetch(`${API}/api/v1/claims/${claimId}`, { headers: bearer });
  const before = (await recorded.json()) as { applicantId: string; military: Record<string, unknown>; credibility?: object };
  const corrected = await fetch(`${API}/api/v1/claims/${claimId}`, {
    method: 'PUT',
    headers: { ...bearer, 'Content-Type': 'application/json', 'If-Match': recorded.headers.get('ETag')! },
    body: JSON.stringify({ applicantId: before.applicantId, credibility: before.credibility,
      military: { ...before.military, status: 'DESERTER', served: true, deserted: true, recruitingActor: 'STATE', recruitingCountry: 'RU' } }),
  });
  expect(corrected.status, await corrected.text()).toBe(200);
  await caseworker.reload();
  await caseworker.getByRole('button', { name: 'Run assessment' }).click();
  await caseworker.getByLabel('Compare with an earlier run').selectOption({ label: 'Compare with run 1' });
  const changed = caseworker.getByRole('grid', { name: 'What changed in run 2' });
  await expect(changed.locator('tbody tr').first()).toBeVisible(); // at least one finding moved
  await expect(caseworker.getByText('Findings whose result changed from run 1 to run 2')).toBeVisible();
  await screenshot(caseworker, 'claim-runs-compared-en', caseworker.getByRole('heading', { name: 'What changed in run 2' }));
  await expectAccessible(caseworker, 'claim, runs compared');
  await caseworker.getByRole('button', { name: 'Draft decision' }).click();
  await expect(caseworker.getByText(/awaiting approval|Pending approval/i).first()).toBeVisible();
  await expect(caseworker.getByRole('link', { name: 'Approvals' })).toHaveCount(0); // not a supervisor

  const supervisor = await signIn(browser, 'gov-supervisor');
  await supervisor.getByRole('link', { name: 'Approvals' }).click();
  await expect(supervisor.getByRole('heading', { level: 1, name: 'Approvals' })).toBeVisible();
  await screenshot(supervisor, 'approvals-en');
  await expectAccessible(supervisor, 'approvals');
  const row = supervisor.getByRole('row').filter({ hasText: claimId.substring(0, 8) });
  await row.getByRole('button', { name: 'Review' }).click();
  await screenshot(supervisor, 'approval-review-en');
  await expectAccessible(supervisor, 'approval review');
  await supervisor.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(row).toHaveCount(0);
  // the notice of the approved decision, in the applicant's language, lands among the claim's evidence
  await supervisor.goto(`/claims/${claimId}`);
  const notice = supervisor.getByRole('region', { name: 'Notice to the applicant' });
  await notice.getByLabel('Language of the notice').selectOption({ label: 'Русский' });
  await notice.getByRole('button', { name: 'Produce notice' }).click();
  await expect(notice.getByText('The notice in Русский is stored with the claim’s evidence.')).toBeVisible({ timeout: 30_000 });
  await expect(supervisor.getByRole('gridcell', { name: 'decision notice', exact: true })).toBeVisible();
  await screenshot(supervisor, 'decision-notice-en');
  await expectAccessible(supervisor, 'decision notice');
  // the team's workload: a chart (canvas, lazy-loaded) with its table beside it — with an open claim to count
  // (the claim above is decided now: on a fresh stack nothing else may be open)
  const caseworkerToken = await token('gov-caseworker');
  const json = { Authorization: `Bearer ${caseworkerToken}`, 'Content-Type': 'application/json' };
  const openApplicant = await fetch(`${API}/api/v1/applicants`, { method: 'POST', headers: json, body: JSON.stringify({
    name: { given: 'Открытый', family: 'Учётов' }, nationalities: [{ country: 'RU', imposed: false }], sex: 'MALE' }) });
  expect(openApplicant.status).toBe(201);
  const openClaim = await fetch(`${API}/api/v1/claims`, { method: 'POST', headers: json, body: JSON.stringify({
    applicantId: ((await openApplicant.json()) as { id: string }).id, military: { status: 'CONSCRIPT' } }) });
  expect(openClaim.status).toBe(201);
  const lodged = await fetch(`${API}/api/v1/claims/${((await openClaim.json()) as { id: string }).id}/actions/lodge`,
    { method: 'POST', headers: json, body: '' });
  expect(lodged.status).toBe(200);
  // the supervisor reassigns the open claim (the caseworker's own draft, so his) to nobody
  const openClaimId = ((await (await fetch(`${API}/api/v1/claims?assignee=me&sort=NEWEST&limit=1`,
    { headers: { Authorization: `Bearer ${caseworkerToken}` } })).json()) as { items: { id: string }[] }).items[0].id;
  await supervisor.goto(`/claims/${openClaimId}`);
  const assignment = supervisor.getByRole('form', { name: 'Assignment' });
  const caseworkerSub = (JSON.parse(Buffer.from(caseworkerToken.split('.')[1], 'base64url').toString()) as { sub: string }).sub;
  await expect(assignment.getByLabel('Assign to')).toHaveValue(caseworkerSub);
  await assignment.getByLabel('Assign to').selectOption({ label: 'unassigned' });
  await assignment.getByRole('button', { name: 'Assign' }).click();
  await expect(assignment.getByText('Assigned:')).toBeVisible();
  await screenshot(supervisor, 'claim-assignment-en');
  const reassigned = await fetch(`${API}/api/v1/claims/${openClaimId}`, { headers: { Authorization: `Bearer ${await token('gov-supervisor')}` } });
  expect(((await reassigned.json()) as { assignedCaseworker?: string | null }).assignedCaseworker ?? null).toBeNull();
  await supervisor.getByRole('link', { name: 'Team' }).click();
  await expect(supervisor.getByRole('heading', { level: 1, name: 'Team workload' })).toBeVisible();
  await expect(supervisor.getByRole('columnheader', { name: 'Overdue', exact: true })).toBeVisible();
  await expect(supervisor.locator('canvas').first()).toBeVisible();
  await screenshot(supervisor, 'team-en');
  await expectAccessible(supervisor, 'team');
  // the author is no supervisor: the queue is not his, and the API refuses him all the same
  const authorsTry = await fetch(`${API}/api/v1/decisions?status=PENDING_APPROVAL`, {
    headers: { Authorization: `Bearer ${await token('gov-caseworker')}` },
  });
  expect(authorsTry.status).toBe(403);
  // intake reads the approval from the assessment feed: the claim becomes DECIDED
  await caseworker.goto(claimUrl);
  // the page says which status is on its way and looks again by itself until intake has applied the event
  await expect(caseworker.getByText('decided', { exact: true }).first()).toBeVisible({ timeout: 45_000 });
  await screenshot(caseworker, 'claim-decided-en');

  const ngo = await signIn(browser, 'ngo-caseworker');
  await ngo.goto(claimUrl);
  await expect(ngo.getByText(/not found/i).first()).toBeVisible();
  await screenshot(ngo, 'other-organization-en');

  for (const page of [caseworker, supervisor, ngo]) {
    expect((page as typeof page & { cspErrors?: string[] }).cspErrors ?? []).toEqual([]);
  }
});
