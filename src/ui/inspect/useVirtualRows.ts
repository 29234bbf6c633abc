// Windowing for long fixed-height lists (event log, console): only the rows in view, plus a
// margin, are rendered, so 100,000 lines cost what 50 do.
import { useEffect, useRef, useState, type UIEvent } from 'react';

export function useVirtualRows(count: number, rowHeight: number, margin = 10) {
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight || 400));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - margin);
  const last = Math.min(count, first + Math.ceil(height / rowHeight) + 2 * margin);
  return {
    box,
    first,
    last,
    totalHeight: count * rowHeight,
    onScroll: (event: UIEvent<HTMLDivElement>) => setScrollTop(event.currentTarget.scrollTop),
  };
}
