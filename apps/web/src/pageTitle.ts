import { useEffect } from 'preact/hooks';

/**
 * A page names itself once its data has loaded: the browser tab says what it is, and focus
 * moves to the page's heading (as a fresh page load would put a screen reader there).
 * `title` undefined: still loading, nothing changes yet.
 */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    if (title === undefined) return;
    document.title = `${title} · Tickets`;
    const heading = document.querySelector<HTMLElement>('main h1');
    if (heading && !heading.contains(document.activeElement)) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  }, [title]);
}
