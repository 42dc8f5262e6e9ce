/**
 * The letter's HTML with `addition` at its end: before the last `</body>` when the webmail sends
 * a whole document (Outlook), else after everything (Gmail, Yandex, Mail.ru send fragments), so
 * it follows the signature and nothing the sender typed. The same addition is never added twice
 * (a retried request keeps one pixel).
 */
export function appendToHtml(html: string, addition: string): string {
  if (addition === '' || html.includes(addition)) return html;
  const close = html.toLowerCase().lastIndexOf('</body>');
  return close < 0 ? `${html}${addition}` : `${html.slice(0, close)}${addition}${html.slice(close)}`;
}
