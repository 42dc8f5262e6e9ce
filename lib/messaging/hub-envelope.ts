import type { BackgroundToPanel, PanelState } from './hub-messages';

/**
 * What the panel checks of a background message, without zod: the panel's first paint
 * must stay small. Only our own background can post on this port (runtime ports do not
 * reach web pages), and it builds PanelState from values it parsed once where they entered,
 * so checking the envelope and the parts the first paint reads is enough here.
 */
export const HUB_PORT_NAME = 'sufler-hub';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function looksLikeState(v: unknown): v is PanelState {
  return (
    isObject(v) &&
    isObject(v.settings) &&
    isObject(v.sync) &&
    Array.isArray(v.touches) &&
    typeof v.touchTotal === 'number' &&
    (v.context === null || (isObject(v.context) && typeof v.context.crmId === 'string' && Array.isArray(v.context.fields))) &&
    (v.model === null || (isObject(v.model) && isObject(v.model.stage) && Array.isArray(v.model.checklist)))
  );
}

export function parseBackgroundToPanel(raw: unknown): BackgroundToPanel | null {
  if (!isObject(raw)) return null;
  if (raw.type === 'state') return looksLikeState(raw.state) ? { type: 'state', state: raw.state } : null;
  if (raw.type === 'ack' && typeof raw.requestId === 'string' && (raw.error === null || typeof raw.error === 'string')) {
    return { type: 'ack', requestId: raw.requestId, error: raw.error };
  }
  return null;
}
