import { readOpenLetters, type OpenLetter, type OpenLetterSelectors } from '../open-letter';

/*
 * Outlook on the web's reading pane (`#ReadingPaneContainerId`, CH3COOOH/OutlookSendingSafety
 * @ 33d4b27): each letter's body is a `UniqueMessageBody…` element, its subject the pane's
 * `[role="heading"]` (toggl/track-extension). External images keep the original URL in
 * `originalsrc` beside the proxied `src` (research notes §2). The sender's address has no
 * language-free anchor, so `from` stays null and the pixel decides; the Sent folder is
 * `/mail/…/sentitems` (OWA's well-known folder name).
 */
export const OUTLOOK_OPEN_LETTER: OpenLetterSelectors = {
  letter: ['[id^="UniqueMessageBody"]'],
  from: [],
  fromAttributes: [],
  subject: ['#ReadingPaneContainerId [role="heading"]', '[role="main"] [role="heading"]'],
  imageAttributes: ['originalsrc', 'src'],
};

export function readOutlookOpenLetters(doc: ParentNode): OpenLetter[] {
  return readOpenLetters(doc, OUTLOOK_OPEN_LETTER);
}

export function isOutlookSentFolderUrl(url: string): boolean {
  try {
    return /\/mail\/(?:\d+\/)?sentitems(?:\/|$)/i.test(new URL(url, 'https://outlook.live.com').pathname);
  } catch {
    return false;
  }
}
