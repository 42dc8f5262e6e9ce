import { z } from 'zod';
import { LANGS } from './langs';

export { LANGS, defaultLang, type Lang } from './langs';

export const LangSchema = z.enum(LANGS);

/** Text the playbook carries in both UI languages. */
export const LocalizedTextSchema = z.object({ ru: z.string().min(1), en: z.string().min(1) });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;
