/**
 * What a request for a tracking pixel was, as the classifier decides it:
 * - `sender_view`: the sender looking at their own letter (reported by the extension);
 * - `probably_sender`: from the address the sender's own Sufler uses; shown, not counted;
 * - `provider_proxy`: a webmail's image proxy fetching for someone reading the letter (counted);
 * - `scanner`: a security scanner or link checker, or a prefetch too soon after sending;
 * - `apple_mpp`: Apple Mail Privacy Protection loading every image; no sign of a reader;
 * - `person`: a mail client or browser fetching directly (counted).
 */
export const HIT_CLASSES = ['sender_view', 'probably_sender', 'provider_proxy', 'scanner', 'apple_mpp', 'person'] as const;
export type HitClass = (typeof HIT_CLASSES)[number];

/** Only these count as the letter being opened by someone other than the sender. */
export const COUNTED_CLASSES: ReadonlySet<HitClass> = new Set<HitClass>(['provider_proxy', 'person']);
