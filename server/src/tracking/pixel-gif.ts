/**
 * The one answer the pixel route gives: a 1×1 transparent GIF, 43 bytes, built from the
 * GIF89a layout (header, screen descriptor with a 2-colour table, a graphic control extension
 * marking colour 0 transparent, one image of one pixel, trailer).
 */
export const PIXEL_GIF: Buffer = Buffer.from([
  ...Buffer.from('GIF89a', 'latin1'),
  // Logical screen 1×1, global colour table of 2 entries, background 0, no aspect ratio.
  0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00,
  // Colour table: black, white.
  0x00, 0x00, 0x00, 0xff, 0xff, 0xff,
  // Graphic control extension: transparent colour index 0.
  0x21, 0xf9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00,
  // Image descriptor: at 0,0, 1×1, no local table.
  0x2c, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
  // LZW minimum code size 2, one 2-byte sub-block (clear, pixel 0, end), block terminator.
  0x02, 0x02, 0x44, 0x01, 0x00,
  0x3b,
]);

/** Headers of every pixel answer: never cached (each open must reach us), loadable from any page. */
export const PIXEL_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'image/gif',
  'cache-control': 'no-store, no-cache, must-revalidate, private, max-age=0',
  pragma: 'no-cache',
  expires: '0',
  'cross-origin-resource-policy': 'cross-origin',
  'referrer-policy': 'no-referrer',
};
