/**
 * One key per CRM record across devices: source, account and record. Its own zod-free
 * module, because the docked panel's views need it and their chunk carries no zod.
 */
export interface ClientRef {
  source: string;
  account: string;
  entity: string;
  crmId: string;
}

export function clientKey(ctx: ClientRef): string {
  return `${ctx.source}:${ctx.account}:${ctx.entity}:${ctx.crmId}`;
}
