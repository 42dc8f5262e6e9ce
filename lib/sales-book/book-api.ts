import { z } from 'zod';
import { PlaybookDraftResponseSchema, PlaybookVersionListSchema, PlaybookVersionSchema, PublishPlaybookResponseSchema } from '../wire/playbooks';
import type { PlaybookDraft, PlaybookVersion, PublishPlaybookResponse } from '../wire/playbooks';
import { BookAnswerSchema, type BookRequest } from './book-messages';
import type { ReportError } from '../reports/report-messages';

/** What the editor asks of the team server; rejects with a ReportError (code + message). */
export interface BookApi {
  versions(): Promise<PublishPlaybookResponse[]>;
  version(version: number): Promise<PlaybookVersion>;
  publish(playbook: object): Promise<PublishPlaybookResponse>;
  rollback(version: number): Promise<PublishPlaybookResponse>;
  draft(): Promise<PlaybookDraft | null>;
  saveDraft(playbook: object): Promise<PlaybookDraft | null>;
  mapStage(stageId: string, source: string, crmStage: string): Promise<PlaybookDraft | null>;
}

/** The BookApi over runtime messages to the background (`send` is runtime.sendMessage). */
export function createBookApi(send: (request: BookRequest) => Promise<unknown>): BookApi {
  async function ask<T>(request: BookRequest, schema: z.ZodType<T>): Promise<T> {
    const answer = BookAnswerSchema.parse(await send(request));
    if (!answer.ok) throw answer.error satisfies ReportError;
    return schema.parse(answer.value);
  }
  const draftOf = (r: z.infer<typeof PlaybookDraftResponseSchema>) => r.draft;
  return {
    versions: async () => (await ask({ type: 'book:versions' }, PlaybookVersionListSchema)).versions,
    version: (version) => ask({ type: 'book:version', version }, PlaybookVersionSchema),
    publish: (playbook) => ask({ type: 'book:publish', playbook: playbook as Record<string, unknown> }, PublishPlaybookResponseSchema),
    rollback: (version) => ask({ type: 'book:rollback', version }, PublishPlaybookResponseSchema),
    draft: async () => draftOf(await ask({ type: 'book:draft' }, PlaybookDraftResponseSchema)),
    saveDraft: async (playbook) => draftOf(await ask({ type: 'book:save-draft', playbook: playbook as Record<string, unknown> }, PlaybookDraftResponseSchema)),
    mapStage: async (stageId, source, crmStage) => draftOf(await ask({ type: 'book:map-stage', stageId, source, crmStage }, PlaybookDraftResponseSchema)),
  };
}
