/**
 * The id of each signed-in page's `<main>`, the target of the header's skip link. The `<main>` also takes
 * `tabIndex={-1}` so following the link moves the keyboard there, not only the scroll position.
 */
export const MAIN_CONTENT_ID = 'main-content';
