import { readOpenLetters, type OpenLetter, type OpenLetterSelectors } from '../open-letter';

/*
 * Yandex Mail's message viewer: Yandex's own autotests name `.qa-MessageViewer-SenderName` and
 * `.qa-MessageViewer-SenderEmail` (research notes §7), elements of the BEM block
 * `.qa-MessageViewer`, one per letter shown; routes `#/message/<mid>`, the Sent folder `#sent`.
 */
export const YANDEX_OPEN_LETTER: OpenLetterSelectors = {
  letter: ['.qa-MessageViewer'],
  from: ['.qa-MessageViewer-SenderEmail'],
  fromAttributes: ['title', 'textContent'],
  subject: ['.qa-MessageViewer-Title', '.qa-MessageViewer-Subject'],
  imageAttributes: ['src'],
};

export function readYandexOpenLetters(doc: ParentNode): OpenLetter[] {
  return readOpenLetters(doc, YANDEX_OPEN_LETTER);
}

/** The Sent folder's routes: `#sent` (hash routing) and `#/sent`. */
export function isYandexSentFolderUrl(url: string): boolean {
  const hash = url.indexOf('#');
  return hash >= 0 && /^#\/?sent(?:[/?&]|$)/.test(url.slice(hash));
}
