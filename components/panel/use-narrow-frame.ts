import { useEffect, useState } from 'react';

/** Narrower than this, the docked frame is the slim tab (panel-frame.ts makes it 44 px). */
const TAB_FRAME_MAX_PX = 100;

/**
 * Is the docked frame the slim tab right now? The CRM tab folds it so when the window is too
 * narrow for both the page and the panel, without touching the manager's own setting.
 */
export function useNarrowFrame(enabled: boolean): boolean {
  const read = () => enabled && typeof window !== 'undefined' && window.innerWidth > 0 && window.innerWidth < TAB_FRAME_MAX_PX;
  const [narrow, setNarrow] = useState(read);
  useEffect(() => {
    if (!enabled) return;
    const update = () => setNarrow(read());
    update();
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, [enabled]);
  return narrow;
}
