/**
 * The editor hands the playbook it shows to the printable sales book page through the
 * extension origin's localStorage (both are our pages; nothing leaves the browser), so the page
 * prints what is on screen, saved or not. The page parses it again before showing it.
 */
export const PRINT_KEY = 'sufler:book-print';
