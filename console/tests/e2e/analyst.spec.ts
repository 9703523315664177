import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { signIn, expectAccessible, inLanguage, messages, screenshot, token } from './support';

const API = process.env.CONSOLE_URL ?? 'http://127.0.0.1:8080';

/** A claim lodged by gov-caseworker, so the period has something to count. */
async function lodged() {
  const headers = { Authorization: `Bearer ${await token('gov-caseworker')}`, 'Content-Type': 'application/json' };
  const applicant = await fetch(`${API}/api/v1/applicants`, { method: 'POST', headers, body: JSON.stringify({
    name: { given: 'Статистик', family: 'Подсчётов' }, nationalities: [{ country: 'RU', imposed: false }], sex: 'MALE' }) });
  expect(applicant.status).toBe(201);
  const applicantId = ((await applicant.json()) as { id: string }).id;
  const claim = await fetch(`${API}/api/v1/claims`, { method: 'POST', headers, body: JSON.stringify({
    applicantId, military: { status: 'MOBILISED_RESERVIST', recruitingActor: 'STATE', recruitingCountry: 'RU' } }) });
  expect(claim.status).toBe(201);
  const claimId = ((await claim.json()) as { id: string }).id;
  expect((await fetch(`${API}/api/v1/claims/${claimId}/actions/lodge`, { method: 'POST', headers, body: '' })).status).toBe(200);
  // reporting reads intake's feed on its own schedule: wait until the backlog counts open claims
  const analyst = { Authorization: `Bearer ${await token('gov-analyst')}` };
  await expect.poll(async () => {
    const backlog = (await (await fetch(`${API}/api/v1/reports/backlog`, { headers: analyst })).json()) as { rows: string[] };
    return backlog.rows.length;
  }, { timeout: 30_000 }).toBeGreaterThan(0);
}

const SECTIONS = ['dashboard.lodged', 'dashboard.decisions', 'dashboard.rate', 'dashboard.time', 'dashboard.backlog',
  'dashboard.rules', 'dashboard.evidence'];

/** The analyst's dashboard (issue 13): every chart with its table beside it, withheld cells in words, CSV of each table. */
for (const locale of ['en', 'ru']) {
  test(`the analyst reads the dashboard (${locale})`, async ({ browser }) => {
    await lodged();
    const t = messages(locale);
    const page = await signIn(browser, 'gov-analyst', undefined, messages('en')('dashboard.title'));
    await expect(page).toHaveURL(/\/dashboard$/);
    if (locale !== 'en') await inLanguage(page, locale);
    await expect(page.getByRole('heading', { level: 1, name: t('dashboard.title') })).toBeVisible();
    for (const id of SECTIONS) await expect(page.getByRole('heading', { level: 2, name: t(id) })).toBeVisible();
    await expect(page.getByRole('progressbar')).toHaveCount(0);

    // claims lodged: a table (months × statuses, withheld cells in words, never a small count) and its chart
    const lodgedTable = page.getByRole('grid', { name: t('dashboard.lodged') });
    await expect(lodgedTable.locator('tbody tr').first()).toBeVisible();
    for (const cell of await lodgedTable.locator('tbody td').allInnerTexts()) {
      expect(cell.trim()).toMatch(new RegExp(`^(${t('report.suppressed')}|0|[5-9]|\\d{2,}|\\d{1,3}([\\s,.\\u00a0\\u202f]\\d{3})+)$`));
    }
    await expect(page.locator(`[data-chart="${t('dashboard.lodged')}"][aria-label]`)).toBeAttached();
    // the backlog by time to deadline, with the five columns in words
    const backlog = page.getByRole('grid', { name: t('dashboard.backlog') });
    for (const column of ['OVERDUE', 'DUE_IN_7_DAYS', 'DUE_IN_30_DAYS', 'DUE_IN_90_DAYS', 'DUE_LATER']) {
      await expect(backlog.getByRole('columnheader', { name: t(`backlog.${column}`) })).toBeVisible();
    }

    // each table downloads as CSV: the lodged claims as the server writes them
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: t('report.csvOf', { name: t('dashboard.lodged') }) }).click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\n')[0]).toMatch(/^"",.*,total$/);
    expect(csv).toMatch(/\ntotal,/);

    // another period: the first quarter of this year
    const year = new Date().getFullYear();
    await page.getByLabel(t('dashboard.fromMonth')).fill(`${year}-01`);
    await page.getByLabel(t('dashboard.toMonth')).fill(`${year}-03`);
    await page.getByRole('button', { name: t('dashboard.show'), exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`from=${year}-01&to=${year}-03`));
    // the period said in the reader's words (the browser's own date format for its language)
    const [from, to] = await page.evaluate(([l, y]) => [`${y}-01-01`, `${y}-03-31`].map((d) => new Intl.DateTimeFormat(l,
      { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`))), [locale, String(year)] as const);
    await expect(page.getByText(t('dashboard.ready', { from, to }))).toBeVisible();
    await page.getByRole('button', { name: t('dashboard.show'), exact: true }).focus();
    await page.goBack();
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    const start = new Date(new Date().getFullYear(), new Date().getMonth() - 11, 1);
    // back at the default period, the fields follow the address
    await expect(page.getByLabel(t('dashboard.fromMonth'))).toHaveValue(`${start.getFullYear()}-${String(start.getMonth() + 1).padStart(2, '0')}`);
    await screenshot(page, `dashboard-${locale}`);
    for (const [id, name] of [['dashboard.decisions', 'decisions'], ['dashboard.backlog', 'backlog'], ['dashboard.rate', 'rate']]) {
      const section = page.getByRole('region', { name: t(id), exact: true });
      await section.scrollIntoViewIfNeeded();
      await section.screenshot({ path: `target/playwright/screens/dashboard-${name}-${locale}.png` });
    }
    await expectAccessible(page, `dashboard (${locale})`);
  });
}
