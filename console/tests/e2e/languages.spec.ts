import { test, expect, type Page } from '@playwright/test';
import { signIn, expectAccessible, inLanguage, screenshot, token } from './support';

const API = process.env.CONSOLE_URL ?? 'http://127.0.0.1:8080';

/** An applicant with a lodged claim of gov-caseworker's, for the claim screens. */
async function lodgedClaim(): Promise<{ applicantId: string; claimId: string }> {
  const headers = { Authorization: `Bearer ${await token('gov-caseworker')}`, 'Content-Type': 'application/json' };
  const applicant = await fetch(`${API}/api/v1/applicants`, { method: 'POST', headers, body: JSON.stringify({
    name: { given: 'Мова', family: 'Перекладенко' }, nationalities: [{ country: 'UA', imposed: false }], sex: 'MALE' }) });
  expect(applicant.status).toBe(201);
  const applicantId = ((await applicant.json()) as { id: string }).id;
  const claim = await fetch(`${API}/api/v1/claims`, { method: 'POST', headers, body: JSON.stringify({
    applicantId, military: { status: 'SUMMONED_NON_REPORTER', recruitingActor: 'STATE', recruitingCountry: 'UA' } }) });
  expect(claim.status).toBe(201);
  const claimId = ((await claim.json()) as { id: string }).id;
  expect((await fetch(`${API}/api/v1/claims/${claimId}/actions/lodge`, { method: 'POST', headers, body: '' })).status).toBe(200);
  const assessed = await fetch(`${API}/api/v1/assessments`, { method: 'POST', headers, body: JSON.stringify({ claimId }) });
  expect(assessed.status).toBe(201);
  return { applicantId, claimId };
}

/** The first reason of the claim's latest run as the API writes it in `locale` (issue 19: reasons in the reader's language). */
async function firstReason(claimId: string, locale: string): Promise<string> {
  const runs = await fetch(`${API}/api/v1/assessments?claimId=${claimId}`, {
    headers: { Authorization: `Bearer ${await token('gov-caseworker')}`, 'Accept-Language': locale } });
  expect(runs.status, await runs.clone().text()).toBe(200);
  expect(runs.headers.get('content-language')).toBe(locale);
  const [run] = (await runs.json()) as { result: { findings: { reasons: string[] }[] } }[];
  return run.result.findings[0].reasons[0];
}

/** Opens `path` and checks its screen is translated (its heading is not the English one), then axe and a screenshot. */
async function translatedScreen(page: Page, locale: string, path: string | null, english: string, name: string) {
  if (path) await page.goto(path);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toBeVisible();
  await expect(heading).not.toHaveText(english);
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await screenshot(page, `${name}-${locale}`);
  await expectAccessible(page, `${name} (${locale})`);
}

/** Every screen exists in five languages and passes axe in each (issue 12); the choice persists. */
for (const locale of ['ru', 'uk', 'de', 'fr']) {
  test(`the caseworker's and the supervisor's screens in ${locale}`, async ({ browser }) => {
    const { applicantId, claimId } = await lodgedClaim();
    const page = await signIn(browser, 'gov-caseworker');
    await inLanguage(page, locale);
    await translatedScreen(page, locale, null, 'My work', 'my-work');
    await translatedScreen(page, locale, '/applicants/new', 'Register applicant', 'register-applicant');
    await translatedScreen(page, locale, `/claims/new?applicantId=${applicantId}`, 'Record a claim', 'record-claim');
    await translatedScreen(page, locale, `/claims/${claimId}`, 'Claim', 'claim');
    const reason = await firstReason(claimId, locale);
    expect(reason).not.toBe(await firstReason(claimId, 'en'));
    await expect(page.getByText(reason, { exact: true }).first()).toBeAttached(); // the console asks in its language

    const supervisor = await signIn(browser, 'gov-supervisor');
    await inLanguage(supervisor, locale);
    await translatedScreen(supervisor, locale, '/approvals', 'Approvals', 'approvals');
    await translatedScreen(supervisor, locale, '/team', 'Team workload', 'team');
  });
}
