import { startBackground } from '../lib/background/start-background';
import { markOnce, WORKER_MARKS } from '../lib/background/worker-marks';

// The hub lives in lib/background; this entry only starts it, listeners first.
export default defineBackground(() => {
  markOnce(WORKER_MARKS.evaluated);
  startBackground();
  markOnce(WORKER_MARKS.listening);
});
