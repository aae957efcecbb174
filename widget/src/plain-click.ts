/**
 * Whether a click on a link is a plain primary click (or Enter), which the widget may handle in
 * the page; a middle click or one with a modifier opens a tab or window, as the browser does.
 */
export function isPlainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}
