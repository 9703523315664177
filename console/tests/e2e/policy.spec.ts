import { test, expect } from '@playwright/test';
import { signIn, expectAccessible, inLanguage, messages, screenshot } from './support';

/** A sample case of the EU-member demo pack: a Ukrainian from Kyiv who did not report (temporary protection there). */
const kyiv = (id: string, recommendation: string) => ({
  id, assessmentDate: '2025-10-01',
  facts: {
    applicant: { nationalities: ['UA'], age: 30, regionOfOrigin: { country: 'UA', region: 'Kyiv' } },
    military: { status: 'SUMMONED_NON_REPORTER', recruitingActor: 'STATE', recruitingCountry: 'UA', callUp: { received: true, punitive: false } },
    credibility: { militaryStatus: 'ACCEPTED', callUp: 'ACCEPTED' },
  },
  expected: { recommendation },
});

/**
 * The policy administrator's flow (issue 13): the versions and the one in force; a new draft copied from it, edited as
 * JSON (the schema's refusal shown with where), its changes against the version in force side by side, its sample
 * cases run (one failing, and why), edited as the form generated from the pack's schema (the refusal at its field, the
 * COI a country at a time), and publishing from a date after a confirmation naming what changes.
 */
for (const locale of ['en', 'uk']) {
  test(`the policy administrator drafts, tests and publishes a pack (${locale})`, async ({ browser }) => {
    const t = messages(locale);
    const page = await signIn(browser, 'gov-policy-admin', undefined, messages('en')('packs.title'));
    await expect(page).toHaveURL(/\/packs$/);
    if (locale !== 'en') await inLanguage(page, locale);
    const versions = page.getByRole('grid', { name: t('packs.versions') });
    const current = versions.locator('tbody tr', { hasText: t('packs.inForceLabel') });
    await expect(current).toHaveCount(1);
    const inForce = Number((await current.locator('td').first().innerText()).replace(/\D+/g, ''));
    await screenshot(page, `packs-${locale}`);
    await expectAccessible(page, `packs (${locale})`);

    // a new draft from the version in force
    await current.getByRole('button', { name: t('packs.newDraftFrom', { version: inForce }) }).click();
    await expect(page).toHaveURL(/\/packs\/\d+$/);
    const draft = Number(page.url().replace(/.*\/packs\//, ''));
    await expect(page.getByRole('heading', { level: 1, name: t('packs.version', { version: draft }) })).toBeVisible();
    // a draft opens as the form; the same draft as JSON
    await page.getByRole('button', { name: t('packs.editor.json'), exact: true }).click();
    const json = page.getByRole('textbox', { name: t('packs.document.json') });
    const document = JSON.parse(await json.inputValue()) as Record<string, unknown>;

    // what the schema refuses is said with where it is, and nothing is saved
    await json.fill(JSON.stringify({ ...document, reporting: { smallCellThreshold: 'five', rounding: 5 } }, null, 2));
    await page.getByRole('button', { name: t('packs.document.save') }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'smallCellThreshold' })).toBeVisible();

    // edited: the threshold raised by 5, two sample cases, one of which expects what the engine does not give
    const reporting = document.reporting as { smallCellThreshold: number; rounding: number };
    const threshold = reporting.smallCellThreshold + 5;
    const edited = { ...document, name: `${String(document.name)} — ${locale} ${Date.now().toString(36)}`, reporting: { ...reporting, smallCellThreshold: threshold },
      sampleCases: [kyiv('kyiv-temporary', 'TEMPORARY_PROTECTION'), kyiv('kyiv-refugee', 'REFUGEE_STATUS')] };
    const save = async (body: unknown) => {
      await json.fill(JSON.stringify(body, null, 2));
      const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes(`/policy-packs/${draft}`));
      await page.getByRole('button', { name: t('packs.document.save') }).click();
      expect((await saved).status()).toBe(200);
      await expect(page.getByText(t('packs.document.saved'))).toBeVisible();
    };
    await save(edited);

    // side by side against the version in force
    const diff = page.getByRole('region', { name: t('packs.diff.title') }).getByRole('grid');
    const raised = diff.getByRole('row', { name: /reporting › smallCellThreshold/ });
    await expect(raised.getByRole('rowheader')).toHaveText('reporting › smallCellThreshold');
    await expect(raised.getByRole('gridcell').nth(0)).toHaveText(String(reporting.smallCellThreshold));
    await expect(raised.getByRole('gridcell').nth(1)).toHaveText(String(threshold));
    await expect(diff.getByRole('rowheader', { name: /^sampleCases/ }).first()).toBeVisible();

    // the sample cases: one passes, one fails and says why
    await page.getByRole('button', { name: t('packs.cases.run') }).click();
    await expect(page.getByText(t('packs.cases.summary', { passed: 1, failed: 1 }))).toBeVisible();
    const failing = page.getByRole('grid', { name: t('packs.cases.title') }).getByRole('row', { name: /kyiv-refugee/ });
    await expect(failing).toContainText(t('packs.cases.failed'));
    await expect(failing).toContainText('expected REFUGEE_STATUS, the engine recommends TEMPORARY_PROTECTION');
    await screenshot(page, `pack-cases-${locale}`, failing);
    await expectAccessible(page, `pack draft (${locale})`);

    // corrected
    await save({ ...edited, sampleCases: [kyiv('kyiv-temporary', 'TEMPORARY_PROTECTION')] });

    // the impact on every open claim before publishing: how many recommendations would change, from what to what
    const impactAnswer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/assessments/impact'));
    await page.getByRole('button', { name: t('packs.impact.run') }).click();
    const answered = await impactAnswer;
    expect(answered.status()).toBe(200);
    const impact = (await answered.json()) as { claims: number; recommendationsChanged: number; findingsChanged: number; inForce: number };
    expect(impact.inForce).toBe(inForce);
    await expect(page.getByText(t('packs.impact.summary', {
      claims: impact.claims, changed: impact.recommendationsChanged, findings: impact.findingsChanged,
    }))).toBeVisible();
    if (impact.claims > 0) {
      const transitions = page.getByRole('grid', { name: t('packs.impact.transitions') });
      await expect(transitions.locator('tbody tr').first()).toBeVisible();
      await screenshot(page, `pack-impact-${locale}`, page.locator('section', { has: page.locator('#impact-heading') }));
    }
    await expectAccessible(page, `pack impact (${locale})`);

    // the same draft as the form generated from the pack's schema: what the schema refuses is said at its field
    await page.getByRole('button', { name: t('packs.editor.form'), exact: true }).click();
    const smallCells = page.getByRole('spinbutton', { name: t('packs.field.smallCellThreshold'), exact: true });
    await expect(smallCells).toHaveValue(String(threshold));
    await expectAccessible(page, `pack form (${locale})`);
    const saveForm = async (status: number) => {
      const answer = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes(`/policy-packs/${draft}`));
      await page.getByRole('button', { name: t('packs.document.save') }).click();
      expect((await answer).status()).toBe(status);
    };
    await smallCells.fill('3'); // under the platform's floor of 5
    await saveForm(400);
    await expect(smallCells).toHaveAttribute('aria-invalid', 'true');
    await expect(smallCells).toHaveAccessibleDescription(/5/); // the schema's minimum, described by the field itself
    await screenshot(page, `pack-form-refused-${locale}`, smallCells);
    await expectAccessible(page, `pack form refused (${locale})`);
    await smallCells.fill(String(threshold));
    await saveForm(200);
    await expect(page.getByText(t('packs.document.saved'))).toBeVisible();
    await expect(smallCells).toHaveAttribute('aria-invalid', 'false');

    // the COI a country at a time, each its own form
    const coi = page.getByRole('group', { name: t('packs.field.coi'), exact: true });
    const country = coi.getByRole('combobox', { name: t('packs.key.coi'), exact: true });
    const chosen = await country.locator('option').last().getAttribute('value');
    await country.selectOption(chosen!);
    await expect(coi.getByRole('group', { name: chosen!, exact: true })).toBeVisible();
    await expect(coi.getByLabel(t('packs.field.asOf'))).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);

    // published from a date after the confirmation names the changes
    const later = new Date(Date.UTC(new Date().getUTCFullYear() + 3, 0, 1)).toISOString().slice(0, 10);
    await page.getByLabel(t('packs.publish.effectiveFrom')).fill(later);
    await page.getByRole('button', { name: t('packs.publish.open') }).click();
    const dialog = page.getByRole('dialog', { name: t('packs.publish.confirmTitle', { version: draft }) });
    // against the version it replaces on that day (an earlier run may have published one for that day): the name differs
    await expect(dialog.getByRole('listitem').filter({ hasText: /^name$/ })).toBeVisible();
    await screenshot(page, `pack-publish-${locale}`);
    await expectAccessible(page, `publish confirmation (${locale})`);
    await dialog.getByRole('button', { name: t('packs.publish.confirm'), exact: true }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('button', { name: t('packs.document.save') })).toHaveCount(0); // published: read only
    await page.getByRole('link', { name: t('packs.back') }).click();
    const row = page.getByRole('grid', { name: t('packs.versions') }).getByRole('row', { name: new RegExp(`^${t('packs.version', { version: draft })} `) });
    await expect(row).toContainText(t('packs.status.PUBLISHED'));
  });
}
