import { connectHub, type ConnectHubOptions, type HubConnection, type HubStatus } from './hub-port';
import type { PanelState } from './hub-messages';

/**
 * One hub connection handed from the panel's first paint to the full app: the connection
 * is opened as soon as the page starts, whoever shows its states. The latest state and
 * status are kept, so the app that arrives later starts from them, not from a spinner.
 */
export interface HubRelay {
  connection: HubConnection;
  latest(): { state: PanelState | null; status: HubStatus };
  /** From now on states and statuses go to these listeners; returns a function to stop. */
  listen(onState: (state: PanelState) => void, onStatus: (status: HubStatus) => void): () => void;
}

export function createHubRelay(options: Omit<ConnectHubOptions, 'onState' | 'onStatus'>): HubRelay {
  let state: PanelState | null = null;
  let status: HubStatus = 'connecting';
  const stateListeners = new Set<(state: PanelState) => void>();
  const statusListeners = new Set<(status: HubStatus) => void>();
  const connection = connectHub({
    ...options,
    onState(next) {
      state = next;
      for (const listener of stateListeners) listener(next);
    },
    onStatus(next) {
      status = next;
      for (const listener of statusListeners) listener(next);
    },
  });
  return {
    connection,
    latest: () => ({ state, status }),
    listen(onState, onStatus) {
      stateListeners.add(onState);
      statusListeners.add(onStatus);
      return () => {
        stateListeners.delete(onState);
        statusListeners.delete(onStatus);
      };
    },
  };
}
