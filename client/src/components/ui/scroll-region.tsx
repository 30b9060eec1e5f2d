import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

type Props = {
  /** Names the region for screen readers (e.g. the table's caption). */
  label: string;
  /** Shown, and read with the region, while its content is wider than the screen. */
  hint: string;
  children: ReactNode;
};

/**
 * Content that may be wider than the screen (a wide table on a phone): it scrolls sideways inside this region, which
 * keyboard users can focus and scroll with the arrow keys, and a visible hint says so while there is more to see.
 */
export function ScrollRegion({ label, hint, children }: Props) {
  const id = useId();
  const region = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);

  useEffect(() => {
    const element = region.current;
    if (!element) return;
    const measure = () => setOverflows(element.scrollWidth > element.clientWidth + 1);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);

  return (
    <>
      {overflows && (
        <p id={`${id}-hint`} className="tm-scroll-hint">
          {hint} <span aria-hidden="true">→</span>
        </p>
      )}
      <div ref={region} className="tm-table-scroll" tabIndex={0} role="region" aria-label={label} aria-describedby={overflows ? `${id}-hint` : undefined}>
        {children}
      </div>
    </>
  );
}
