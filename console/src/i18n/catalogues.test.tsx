import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { createIntl, FormattedMessage, IntlProvider } from 'react-intl';
import en from './en.json';
import ru from './ru.json';
import uk from './uk.json';
import de from './de.json';
import fr from './fr.json';
import { ENUMS } from '../app/enums';

const catalogues: Record<string, Record<string, string>> = { en, ru, uk, de, fr };
const sources = import.meta.glob<string>(['../**/*.tsx', '!../**/*.test.tsx', '!../test-support.tsx'], {
  query: '?raw', import: 'default', eager: true,
});

describe('catalogues', () => {
  it.each(['ru', 'uk', 'de', 'fr'])('%s has exactly the keys of en', (lang) => {
    const missing = Object.keys(en).filter((k) => !(k in catalogues[lang]));
    const extra = Object.keys(catalogues[lang]).filter((k) => !(k in en));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it.each(Object.keys(catalogues))('every %s message is valid ICU and formats', (lang) => {
    const errors: string[] = [];
    const intl = createIntl({ locale: lang, messages: catalogues[lang], onError: (e) => errors.push(e.message) });
    const values = { count: 2, days: 3, seconds: 5, n: 1, id: 'x', name: 'x', run: 1, pack: 1, recommendation: 'x', country: 'RU', before: 'x',
      after: 'y', status: 'x', reason: 'x', from: '2026-01-01', to: '2026-01-31', year: 2026, threshold: 5, rounding: 5, chain: 1, seq: 2, version: 3, date: '2026-01-01', against: 2, passed: 1, failed: 1, max: 60, intact: 4, claims: 5, changed: 1, findings: 0, language: 'Русский' };
    for (const id of Object.keys(catalogues[lang])) intl.formatMessage({ id }, values);
    expect(errors).toEqual([]);
  });

  it('has no ASCII apostrophe (it starts quoted text in ICU)', () => {
    for (const [lang, messages] of Object.entries(catalogues))
      for (const [id, text] of Object.entries(messages)) expect(`${lang}:${id}:${text.includes("'")}`).toBe(`${lang}:${id}:false`);
  });

  it('every message id used in the source is in en', () => {
    const used = new Set<string>();
    for (const text of Object.values(sources)) {
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) used.add(match[1]);
      for (const match of text.matchAll(/formatMessage\(\{\s*id:\s*'([a-zA-Z][\w.-]*)'/g)) used.add(match[1]);
      for (const match of text.matchAll(/<FormattedMessage id="([\w.-]+)"/g)) used.add(match[1]);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((id) => !(id in en))).toEqual([]);
  });

  it('every enum value, lifecycle action, problem type and assessment step has a label', () => {
    const ids = [
      ...Object.entries(ENUMS).flatMap(([kind, values]) => values.map((v) => `enum.${kind}.${v}`)),
      ...['lodge', 'start-assessment', 'withdraw', 'close'].map((a) => `action.${a}`),
      'action.withdraw.title', 'action.close.title',
      ...[0, 2, 3, 4, 5, 6].map((s) => `assessment.step.${s}`),
      ...['validation', 'malformed-request', 'unauthenticated', 'forbidden', 'tenant-unresolved', 'tenant-inactive',
        'not-found', 'gone', 'method-not-allowed', 'conflict', 'invalid-transition', 'precondition-failed',
        'payload-too-large', 'unsupported-media-type', 'unprocessable', 'idempotency-key-reused',
        'precondition-required', 'too-many-requests', 'unavailable', 'integrity', 'internal', 'unknown', 'network',
      ].map((p) => `problem.${p}`),
    ];
    expect(ids.filter((id) => !(id in en))).toEqual([]);
  });
});

describe('plurals', () => {
  const count = (messages: Record<string, string>, locale: string, n: number) => {
    const { unmount } = render(
      <IntlProvider locale={locale} messages={messages}>
        <p data-testid="c">
          <FormattedMessage id="myWork.count" values={{ count: n }} />
        </p>
      </IntlProvider>,
    );
    const text = screen.getByTestId('c').textContent;
    unmount();
    return text;
  };

  it('Russian: one, few, many', () => {
    expect(count(ru, 'ru', 1)).toBe('1 заявление');
    expect(count(ru, 'ru', 3)).toBe('3 заявления');
    expect(count(ru, 'ru', 5)).toBe('5 заявлений');
    expect(count(ru, 'ru', 21)).toBe('21 заявление');
    expect(count(ru, 'ru', 11)).toBe('11 заявлений');
  });

  it('Ukrainian: one, few, many', () => {
    expect(count(uk, 'uk', 1)).toBe('1 заява');
    expect(count(uk, 'uk', 3)).toBe('3 заяви');
    expect(count(uk, 'uk', 5)).toBe('5 заяв');
  });

  it('English, German, French', () => {
    expect(count(en, 'en', 1)).toBe('1 claim');
    expect(count(en, 'en', 2)).toBe('2 claims');
    expect(count(de, 'de', 2)).toBe('2 Anträge');
    expect(count(fr, 'fr', 0)).toBe('0 demande');
  });

  it('overdue days in Russian', () => {
    const intl = createIntl({ locale: 'ru', messages: ru });
    expect(intl.formatMessage({ id: 'deadline.overdue' }, { days: 2 })).toBe('просрочено на 2 дня');
    expect(intl.formatMessage({ id: 'deadline.overdue' }, { days: 5 })).toBe('просрочено на 5 дней');
  });
});
