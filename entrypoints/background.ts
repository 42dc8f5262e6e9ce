import { startBackground } from '../lib/background/start-background';

// The hub lives in lib/background; this entry only starts it, listeners first.
export default defineBackground(() => {
  startBackground();
});
