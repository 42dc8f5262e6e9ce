import { useEffect, useState } from 'react';
import { isTabFrame } from './tab-frame';

/** Follows isTabFrame for the docked panel (the side panel is never folded by its width). */
export function useNarrowFrame(enabled: boolean): boolean {
  const read = () => enabled && typeof window !== 'undefined' && isTabFrame(window);
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
