/**
 * The pixel as it goes into a letter: a zero-size image inside a 1-pixel-high block, the shape
 * the large trackers use and Gmail was seen to keep on send (research notes §1.1: inline styles
 * and attributes survive; whether `display:none` does is unknown, so it is not used).
 */
export function pixelMarkup(pixelUrl: string): string {
  const src = pixelUrl.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<div style="max-height:1px;overflow:hidden"><img alt="" width="1" height="1" style="width:0px;max-height:0px;overflow:hidden" src="${src}"></div>`;
}
