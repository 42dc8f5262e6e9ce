import { ComplianceSnapshotSchema } from '../wire/compliance';

/** A line the user recognises for a snapshot the server refused: the deal's title and day. */
export function summarizeSnapshot(payload: unknown): string {
  const parsed = ComplianceSnapshotSchema.safeParse(payload);
  if (parsed.success) return `${parsed.data.title || parsed.data.crmId} (${parsed.data.day})`;
  const title = (payload as { title?: unknown } | null)?.title;
  return typeof title === 'string' ? title.slice(0, 60) : 'compliance';
}
