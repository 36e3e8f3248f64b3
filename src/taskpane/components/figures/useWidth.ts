// The width of a box in pixels, followed as the pane is resized (a default before the first measure).
import * as React from "react";

export function useWidth(fallback: number): [React.RefObject<HTMLDivElement>, number] {
  const ref = React.useRef<HTMLDivElement>(null);
  const [width, setWidth] = React.useState(fallback);
  React.useEffect(() => {
    const box = ref.current;
    if (!box) return undefined;
    const measure = () => { if (box.clientWidth > 0) setWidth(box.clientWidth); };
    measure();
    if (typeof ResizeObserver === "undefined") return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
