import { normaliseSpace, queryAllOf, queryOrNull } from '../dom-lookup';

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

/** A compose found by its subject field, its recipients in rows of attribute-carrying chips. */
export interface SubjectAnchoredCompose {
  subject: readonly string[];
  sendButton: readonly string[];
  /** Classes the window itself may have; else the nearest ancestor holding a send button. */
  root?: readonly string[];
  fields: Record<RecipientField, readonly string[]>;
  chips: string;
  chipAttributes: readonly string[];
}

/** Every compose of a subject-anchored webmail (Yandex, Mail.ru), once each, in document order. */
export function readSubjectAnchoredComposes(doc: ParentNode, spec: SubjectAnchoredCompose): MailCompose[] {
  const seen = new Set<Element>();
  const composes: MailCompose[] = [];
  for (const subject of queryAllOf<HTMLInputElement>(doc, spec.subject)) {
    const root = (spec.root ? subject.closest(spec.root.join(',')) : null) ?? enclosingRoot(subject, spec.sendButton);
    if (root === null || seen.has(root)) continue;
    seen.add(root);
    const read = (field: RecipientField): string[] => {
      const row = queryOrNull(root, spec.fields[field]);
      return row === null ? [] : chipAddresses(row.querySelectorAll(spec.chips), spec.chipAttributes);
    };
    composes.push({ root, composeId: null, subject: normaliseSpace(subject.value), to: read('to'), cc: read('cc'), bcc: read('bcc'), sendButton: queryOrNull(root, spec.sendButton) });
  }
  return composes;
}
