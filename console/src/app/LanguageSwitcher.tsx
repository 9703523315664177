import { useState } from 'react';
import { MenuToggle, Select, SelectList, SelectOption } from '@patternfly/react-core';
import { LanguageIcon } from '@patternfly/react-icons';
import { useIntl } from 'react-intl';
import { LOCALES, LOCALE_NAMES, useLocale, type Locale } from './locale';

export function LanguageSwitcher() {
  const intl = useIntl();
  const { locale, setLocale } = useLocale();
  const [open, setOpen] = useState(false);
  return (
    <Select
      isOpen={open}
      selected={locale}
      onSelect={(_e, value) => {
        setLocale(value as Locale);
        setOpen(false);
      }}
      onOpenChange={setOpen}
      toggle={(ref) => (
        <MenuToggle
          ref={ref}
          onClick={() => setOpen(!open)}
          isExpanded={open}
          aria-label={intl.formatMessage({ id: 'shell.language' })}
          icon={<LanguageIcon />}
        >
          <span lang={locale}>{LOCALE_NAMES[locale]}</span>
        </MenuToggle>
      )}
    >
      <SelectList aria-label={intl.formatMessage({ id: 'shell.language' })}>
        {LOCALES.map((l) => (
          <SelectOption key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </SelectOption>
        ))}
      </SelectList>
    </Select>
  );
}
