import type { Contact, PageField } from '../../context/client-context';
import type { Lang } from '../../i18n/lang';

/**
 * PageFields both readers (page data and DOM) build the same way, so the two paths give the
 * same keys and values. Keys: 'name', 'budget', 'responsible', 'cf:<id>', 'company',
 * 'contact:<n>:name|phone|email' (n counts the card's linked contacts from 0).
 */
export const STANDARD_LABELS = {
  name: { ru: 'Название', en: 'Name' },
  budget: { ru: 'Бюджет', en: 'Budget' },
  responsible: { ru: 'Ответственный', en: 'Responsible user' },
  company: { ru: 'Компания', en: 'Company' },
  contactName: { ru: 'Контакт', en: 'Contact' },
  contactPhone: { ru: 'Телефон', en: 'Phone' },
  contactEmail: { ru: 'Email', en: 'Email' },
} as const satisfies Record<string, Record<Lang, string>>;

/** The UI language of the card: the page's own word first, then the host's country. */
export function amoLang(declared: string | null | undefined, url: URL): Lang {
  const d = (declared ?? '').toLowerCase();
  if (d.startsWith('ru')) return 'ru';
  if (d.startsWith('en')) return 'en';
  return url.hostname.endsWith('.amocrm.ru') ? 'ru' : 'en';
}

export function cfKey(id: string): string {
  return `cf:${id}`;
}

/** Fields for linked contacts and the company, so "contact phone" can be required. */
export function linkedFields(contacts: readonly Contact[], company: string | null, lang: Lang): PageField[] {
  const fields: PageField[] = [];
  if (company !== null) fields.push({ key: 'company', label: STANDARD_LABELS.company[lang], value: company });
  contacts.forEach((c, n) => {
    const suffix = contacts.length > 1 ? ` ${n + 1}` : '';
    fields.push(
      { key: `contact:${n}:name`, label: `${STANDARD_LABELS.contactName[lang]}${suffix}`, value: c.name },
      { key: `contact:${n}:phone`, label: `${STANDARD_LABELS.contactPhone[lang]}${suffix}`, value: c.phones[0] ?? '' },
      { key: `contact:${n}:email`, label: `${STANDARD_LABELS.contactEmail[lang]}${suffix}`, value: c.emails[0] ?? '' },
    );
  });
  return fields;
}

/** A checkbox custom field reads as '1' when ticked and '' when not (empty = unfilled). */
export function checkboxText(on: boolean): string {
  return on ? '1' : '';
}
