import type { Lang } from '../i18n/lang';

/** What a browser notification of an open says, and where its click leads. */
export interface OpenNotice {
  id: string;
  title: string;
  message: string;
  /** The client's CRM card, or null for a letter linked to no client. */
  url: string | null;
}

export interface OpenFacts {
  /** The email_open touch's id, or the letter's id and time for a letter linked to no client. */
  noticeId: string;
  subject: string;
  clientName: string | null;
  phone: string | null;
  cardUrl: string | null;
}

const TEXT = {
  ru: { client: (name: string) => `«${name}» читает письмо`, nobody: 'Письмо открыли', call: 'Позвоните, пока читает' },
  en: { client: (name: string) => `${name} is reading your email`, nobody: 'Your email was opened', call: 'Call while they read' },
} as const;

/**
 * The notification of a counted open: who opened which letter, and the phone to call while
 * the client is still reading (the seeds' promise). Pure, so both languages are tested.
 */
export function openNotice(facts: OpenFacts, lang: Lang): OpenNotice {
  const text = TEXT[lang];
  const subject = facts.subject.trim() === '' ? '—' : `«${facts.subject.trim().slice(0, 200)}»`;
  const call = facts.phone === null ? '' : `\n${text.call}: ${facts.phone}`;
  return {
    id: `sufler-open:${facts.noticeId}`,
    title: facts.clientName === null ? text.nobody : text.client(facts.clientName),
    message: `${subject}${call}`,
    url: facts.cardUrl,
  };
}
