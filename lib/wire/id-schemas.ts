import { z } from 'zod';

/** A ULID as the extension makes it (lib/ids.ts): 26 Crockford base32 characters. */
export const UlidSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'expected a ULID');

/** A device id the extension makes once per profile; kept short and printable. */
export const DeviceIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'expected letters, digits, "_" or "-"');
