import { queryOrNull } from '../../dom-lookup';

/*
 * Gmail compose windows, read from the DOM. Selectors are lists of alternatives, newest first,
 * from the research notes of 2026-12-01 (gmail.js @ b7dfdab `dom.compose()` l.4244–4277 and
 * l.4082; InboxSDK @ a8a6fe2 gmail-element-getter.ts, gmail-compose-view.ts l.1232–1257,
 * get-recipients.ts). Only attribute and class reads: no layout is forced, nothing runs per key.
 */
export const GMAIL_COMPOSE = {
  /** Each compose (popup mole, inline reply, full screen) is a `div.M9` holding a form. */
  windows: ['div.M9', '[role="dialog"] form'],
  subject: ['input[name="subjectbox"]'],
  draftId: ['input[name="draft"]'],
  /** Send, not "send and archive" (.Uo) and not the schedule-send split (aria-haspopup). */
  sendButton: ['.IZ .Up div > div[role="button"]:not(.Uo):not([aria-haspopup="true"])', 'div.T-I.T-I-atl'],
} as const;

const FIELDS = ['to', 'cc', 'bcc'] as const;
type Field = (typeof FIELDS)[number];

export interface GmailCompose {
  root: Element;
  /** Gmail's draft id without the `#msg-a:` prefix, or null before the first save. */
  draftId: string | null;
  subject: string;
  to: string[];
  cc: string[];
  bcc: string[];
  sendButton: Element | null;
}

/** Recipients of one field: "peoplekit" chips (since Oct 2021) or the older hidden inputs. */
function recipients(root: Element, field: Field): string[] {
  const chips = [...root.querySelectorAll(`div[name="${field}"] [data-hovercard-id]`)].map((e) => e.getAttribute('data-hovercard-id') ?? '');
  const hidden = [...root.querySelectorAll<HTMLInputElement>(`input[type="hidden"][name="${field}"]`)].map((e) => e.value);
  return [...new Set([...chips, ...hidden].map((a) => a.trim().toLowerCase()).filter((a) => a.includes('@')))];
}

/** Every compose window open in the page, in document order; a window that cannot be read is skipped. */
export function readGmailComposes(doc: ParentNode): GmailCompose[] {
  let roots: Element[] = [];
  for (const selector of GMAIL_COMPOSE.windows) {
    roots = [...doc.querySelectorAll(selector)];
    if (roots.length > 0) break;
  }
  return roots.flatMap((root) => {
    const subject = queryOrNull<HTMLInputElement>(root, GMAIL_COMPOSE.subject);
    if (subject === null) return [];
    const draft = queryOrNull<HTMLInputElement>(root, GMAIL_COMPOSE.draftId)?.value.replace(/^#?msg-[a-z]:/, '') ?? '';
    return [
      {
        root,
        draftId: draft === '' ? null : draft,
        subject: subject.value,
        to: recipients(root, 'to'),
        cc: recipients(root, 'cc'),
        bcc: recipients(root, 'bcc'),
        sendButton: queryOrNull(root, GMAIL_COMPOSE.sendButton),
      },
    ];
  });
}
