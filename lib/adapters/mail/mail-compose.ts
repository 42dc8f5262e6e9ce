import { queryOrNull } from '../dom-lookup';

/**
 * One open compose window of a webmail other than Gmail (whose reader predates this shape and
 * adds its draft id): what the panel shows before the send. The send request stays the
 * authority on recipients; this is read from attributes only (no layout, nothing per keystroke).
 */
export interface MailCompose {
  root: Element;
  /** The webmail's id of this compose when its markup has one, else null. */
  composeId: string | null;
  subject: string;
  to: string[];
  cc: string[];
  bcc: string[];
  sendButton: Element | null;
}

export type RecipientField = 'to' | 'cc' | 'bcc';
export const RECIPIENT_FIELDS: readonly RecipientField[] = ['to', 'cc', 'bcc'];

const ADDRESS = /^[^\s@<>",;]+@[^\s@<>",;]+$/;

/**
 * Addresses carried by chip elements: the first attribute of `attributes` that holds an address
 * wins per chip. Lowercased, deduplicated, in document order.
 */
export function chipAddresses(chips: Iterable<Element>, attributes: readonly string[]): string[] {
  const out = new Set<string>();
  for (const chip of chips) {
    for (const name of attributes) {
      const value = (chip.getAttribute(name) ?? '').trim().toLowerCase();
      if (ADDRESS.test(value)) {
        out.add(value);
        break;
      }
    }
  }
  return [...out];
}

/**
 * The nearest ancestor of `from` (itself included) that also holds one of `mustHold`: the
 * compose window around a field, found without relying on the window's own (changing) class.
 * Stops after `limit` levels and at `<body>`.
 */
export function enclosingRoot(from: Element, mustHold: readonly string[], limit = 30): Element | null {
  let node: Element | null = from;
  for (let i = 0; node !== null && i < limit && node.tagName !== 'BODY'; i += 1, node = node.parentElement) {
    if (queryOrNull(node, mustHold) !== null) return node;
  }
  return null;
}

/** Ctrl+Enter (Cmd+Enter on a Mac): the send shortcut of all four webmails. */
export function isSendShortcut(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey?: boolean; shiftKey?: boolean }): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
}
