import { readOpenLetters, type OpenLetter, type OpenLetterSelectors } from '../open-letter';

/*
 * Mail.ru's letter view (research notes §7): the subject `h2.thread__subject`, the sender
 * `.letter__author > span.letter-contact[title=<address>]` — an element of the BEM block
 * `.letter`, one per letter of a thread; letter URLs `/inbox/0:<id>:0/`, the Sent folder `/sent/`.
 */
export const MAILRU_OPEN_LETTER: OpenLetterSelectors = {
  letter: ['.letter'],
  from: ['.letter__author .letter-contact[title]', '.letter-contact[title]'],
  fromAttributes: ['title'],
  subject: ['h2.thread__subject', '.thread__subject'],
  imageAttributes: ['src'],
};

export function readMailruOpenLetters(doc: ParentNode): OpenLetter[] {
  return readOpenLetters(doc, MAILRU_OPEN_LETTER);
}

/** The Sent folder and letters opened from it: `/sent/…` [G: by analogy with `/inbox/…`]. */
export function isMailruSentFolderUrl(url: string): boolean {
  try {
    return /^\/sent(?:\/|$)/.test(new URL(url, 'https://e.mail.ru').pathname);
  } catch {
    return false;
  }
}
