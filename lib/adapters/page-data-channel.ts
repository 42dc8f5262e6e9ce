/**
 * The channel between the MAIN-world bridge (which can see the CRM's own JavaScript) and the
 * isolated content script. A CustomEvent on the shared document; its detail is a JSON
 * string, because object details do not cross from the page world into Firefox's isolated
 * world (Xray wrappers), while strings do everywhere.
 * The page can forge these events, so the isolated side treats the payload as untrusted:
 * it checks the envelope here and validates the payload with the site's zod schema.
 */
export const PAGE_DATA_EVENT = 'sufler:page-data';
/**
 * Sent by the isolated side when it starts listening and before each read: the bridge
 * answers with a fresh snapshot, synchronously (DOM events dispatch synchronously across
 * worlds), so the read that asked sees it.
 */
export const PAGE_DATA_REQUEST_EVENT = 'sufler:page-data-request';
/** Sent by the isolated side when it is torn down: the bridge removes its hooks. */
export const PAGE_DATA_STOP_EVENT = 'sufler:page-data-stop';

/** Payloads above this size are not card snapshots; ignoring them bounds our parsing work. */
const MAX_DETAIL_CHARS = 1_000_000;

/** MAIN world: hand a snapshot over to the content script. */
export function sendPageData(doc: Document, source: string, payload: unknown): void {
  const detail = JSON.stringify({ source, payload });
  doc.dispatchEvent(new CustomEvent(PAGE_DATA_EVENT, { detail }));
}

/** The envelope { source, payload } from an event's detail, or null when it is not one. */
export function parsePageDataDetail(detail: unknown): { source: string; payload: unknown } | null {
  if (typeof detail !== 'string' || detail.length > MAX_DETAIL_CHARS) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const { source, payload } = parsed as { source?: unknown; payload?: unknown };
  return typeof source === 'string' && source !== '' ? { source, payload } : null;
}

/**
 * Isolated world: call cb for every well-formed hand-over until the signal aborts, and ask
 * the bridge for the current snapshot (it may have published before we listened).
 */
export function onPageData(
  doc: Document,
  signal: AbortSignal,
  cb: (source: string, payload: unknown) => void,
): void {
  if (signal.aborted) return;
  doc.addEventListener(
    PAGE_DATA_EVENT,
    (event) => {
      const envelope = parsePageDataDetail((event as CustomEvent<unknown>).detail);
      if (envelope) cb(envelope.source, envelope.payload);
    },
    { signal },
  );
  requestPageData(doc);
}

/** Isolated world: ask the bridge for the current snapshot now (answered synchronously). */
export function requestPageData(doc: Document): void {
  doc.dispatchEvent(new CustomEvent(PAGE_DATA_REQUEST_EVENT));
}

/** Isolated world: tell the bridge we are gone, so it takes its hooks out of the page. */
export function stopPageData(doc: Document): void {
  doc.dispatchEvent(new CustomEvent(PAGE_DATA_STOP_EVENT));
}

/** MAIN world: answer the content script's requests for a snapshot until the signal aborts. */
export function onPageDataRequest(doc: Document, signal: AbortSignal, cb: () => void): void {
  doc.addEventListener(PAGE_DATA_REQUEST_EVENT, () => cb(), { signal });
}

/** MAIN world: call cb once when the isolated side says it is gone. */
export function onPageDataStop(doc: Document, signal: AbortSignal, cb: () => void): void {
  doc.addEventListener(PAGE_DATA_STOP_EVENT, () => cb(), { once: true, signal });
}

/**
 * MAIN world: call cb once, on the content script's first request (the bridge starts then,
 * so a page the content script never reads pays for nothing but this listener). cb runs
 * inside that request's dispatch and its first publish answers it.
 */
export function onFirstPageDataRequest(doc: Document, signal: AbortSignal, cb: () => void): void {
  doc.addEventListener(PAGE_DATA_REQUEST_EVENT, () => cb(), { once: true, signal });
}
