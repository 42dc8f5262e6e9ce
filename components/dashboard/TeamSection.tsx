import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { formatDate, formatDateTime } from '../../lib/i18n/format-date';
import type { Lang } from '../../lib/i18n/lang';
import type { MessageKey } from '../../lib/i18n/messages';
import type { Translator } from '../../lib/i18n/translate';
import type { ReportError } from '../../lib/reports/report-messages';
import { TeamDoneAnswerSchema, TeamInviteAnswerSchema, TeamListAnswerSchema, type TeamRequest } from '../../lib/team/team-messages';
import { ROLES, type Role } from '../../lib/wire/me';
import { EmailSchema, type TeamMember, type TeamMembersResponse } from '../../lib/wire/team';

export interface TeamSectionProps {
  send(request: TeamRequest): Promise<unknown>;
  lang: Lang;
  t: Translator;
  /** The caller: their own role and team stay as they are. */
  selfId: string;
}

type Notice = { kind: 'ok'; text: string } | { kind: 'error'; text: string } | null;
const EXPIRY_CHOICES = [null, 7, 30, 90] as const;
const broken: ReportError = { code: 'bad_response', message: 'no answer from the background' };

/** The dashboard's team page: add people, set roles, create invites, revoke access. */
export function TeamSection({ send, lang, t, selfId }: TeamSectionProps) {
  const baseId = useId();
  const [team, setTeam] = useState<TeamMembersResponse | null>(null);
  const [loadError, setLoadError] = useState<ReportError | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [invite, setInvite] = useState<{ email: string; code: string; tokenId: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('manager');
  const [teamId, setTeamId] = useState<string | null>(null);
  const [expiry, setExpiry] = useState<number | null>(30);
  const [busy, setBusy] = useState(false);

  const errorText = (error: ReportError) => t(`dashboard.error.${error.code}` as MessageKey, { message: error.message });

  const load = useCallback(async () => {
    const answer = TeamListAnswerSchema.safeParse(await send({ type: 'team:list' }).catch(() => null));
    if (!answer.success) return setLoadError(broken);
    if (!answer.data.ok) return setLoadError(answer.data.error);
    const loaded = answer.data.team;
    setLoadError(null);
    setTeam(loaded);
    setTeamId((current) => current ?? loaded.teams[0]?.id ?? null);
  }, [send]);
  useEffect(() => {
    void load();
  }, [load]);

  /** Sends one change, then reloads the list; says what happened either way. */
  const act = async (request: TeamRequest, done: string): Promise<boolean> => {
    setBusy(true);
    const answer = TeamDoneAnswerSchema.safeParse(await send(request).catch(() => null));
    setBusy(false);
    const error = !answer.success ? broken : answer.data.ok ? null : answer.data.error;
    setNotice(error === null ? { kind: 'ok', text: done } : { kind: 'error', text: errorText(error) });
    await load();
    return error === null;
  };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = EmailSchema.safeParse(email);
    if (!parsed.success) return setNotice({ kind: 'error', text: t('team.add.badEmail') });
    const member = { email: parsed.data, role, ...(team?.canManageOrg === true ? { teamId } : {}) };
    if (await act({ type: 'team:add', member }, t('team.add.done', { email: parsed.data }))) setEmail('');
  };

  const createInvite = async (member: TeamMember) => {
    setBusy(true);
    const answer = TeamInviteAnswerSchema.safeParse(await send({ type: 'team:invite', userId: member.id, options: { expiresInDays: expiry } }).catch(() => null));
    setBusy(false);
    if (!answer.success || !answer.data.ok) {
      setNotice({ kind: 'error', text: errorText(answer.success && !answer.data.ok ? answer.data.error : broken) });
      return;
    }
    setNotice(null);
    setCopied(false);
    setInvite({ email: member.email, code: answer.data.invite, tokenId: answer.data.tokenId });
    await load();
  };

  const copy = (code: string) => {
    void globalThis.navigator?.clipboard?.writeText(code).then(() => setCopied(true), () => setCopied(false));
  };

  const roles = ROLES.filter((r) => r !== 'admin' || team?.canManageOrg === true);
  const teamName = (id: string | null) => team?.teams.find((x) => x.id === id)?.name ?? '—';

  return (
    <section className="sf-team" aria-labelledby={`${baseId}-title`} data-testid="team-section">
      <h2 id={`${baseId}-title`}>{t('team.title')}</h2>
      <p className="sf-muted">{t('team.intro')}</p>
      {team === null && loadError === null && <p role="status" className="sf-muted">{t('team.loading')}</p>}
      {loadError !== null && (
        <div className="sf-dashboard__error" role="alert">
          <p>{errorText(loadError)}</p>
          <button type="button" className="sf-btn" onClick={() => void load()}>{t('dashboard.retry')}</button>
        </div>
      )}
      {team !== null && (
        <>
          <form className="sf-filters" aria-label={t('team.add.title')} onSubmit={(e) => void add(e)}>
            <label>
              {t('team.add.email')}
              <input type="email" className="sf-input" data-testid="team-add-email" value={email} maxLength={320} required onChange={(e) => setEmail(e.target.value)} />
            </label>
            <label>
              {t('team.add.role')}
              <select className="sf-select" data-testid="team-add-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
                {roles.map((r) => <option key={r} value={r}>{t(`sync.role.${r}`)}</option>)}
              </select>
            </label>
            {team.canManageOrg && (
              <label>
                {t('team.add.team')}
                <select className="sf-select" value={teamId ?? ''} onChange={(e) => setTeamId(e.target.value === '' ? null : e.target.value)}>
                  {team.teams.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
                  <option value="">{t('team.add.noTeam')}</option>
                </select>
              </label>
            )}
            <label>
              {t('team.inviteExpiry')}
              <select className="sf-select" data-testid="team-expiry" value={expiry ?? ''} onChange={(e) => setExpiry(e.target.value === '' ? null : Number(e.target.value))}>
                {EXPIRY_CHOICES.map((d) => (
                  <option key={d ?? 'none'} value={d ?? ''}>{d === null ? t('team.inviteExpiry.none') : t('team.inviteExpiry.days', { count: d })}</option>
                ))}
              </select>
            </label>
            <button type="submit" className="sf-btn sf-btn--primary" data-testid="team-add" disabled={busy}>{t('team.add.submit')}</button>
          </form>

          <div aria-live="polite">
            {notice?.kind === 'ok' && <p className="sf-notice sf-notice--ok" data-testid="team-notice">✓ {notice.text}</p>}
          </div>
          {notice?.kind === 'error' && <p className="sf-notice sf-notice--error" role="alert" data-testid="team-error">{notice.text}</p>}

          {invite !== null && (
            <div className="sf-team__invite" role="region" aria-label={t('team.inviteTitle', { email: invite.email })} data-testid="team-invite">
              <p><strong>{t('team.inviteTitle', { email: invite.email })}</strong></p>
              <textarea readOnly className="sf-input" rows={3} data-testid="team-invite-code" value={invite.code} onFocus={(e) => e.currentTarget.select()} aria-describedby={`${baseId}-invite-hint`} />
              <p id={`${baseId}-invite-hint`} className="sf-muted">{t('team.inviteHint', { id: invite.tokenId })}</p>
              <div className="sf-row">
                <button type="button" className="sf-btn" onClick={() => copy(invite.code)}>{t(copied ? 'team.copied' : 'team.copy')}</button>
                <button type="button" className="sf-btn" onClick={() => setInvite(null)}>{t('team.close')}</button>
              </div>
            </div>
          )}

          <table className="sf-team__table" data-testid="team-table">
            <caption className="sf-visually-hidden">{t('team.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('team.col.email')}</th>
                <th scope="col">{t('team.col.role')}</th>
                <th scope="col">{t('team.col.team')}</th>
                <th scope="col">{t('team.col.tokens')}</th>
                <th scope="col">{t('team.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {team.members.map((m) => (
                <tr key={m.id} data-testid={`team-member-${m.email}`}>
                  <th scope="row">{m.email}{m.id === selfId && <span className="sf-muted"> ({t('team.you')})</span>}</th>
                  <td>
                    <select
                      className="sf-select"
                      aria-label={`${t('team.col.role')}: ${m.email}`}
                      value={m.role}
                      disabled={busy || m.id === selfId}
                      onChange={(e) => {
                        const next = e.target.value as Role;
                        void act({ type: 'team:update', userId: m.id, change: { role: next } }, t('team.roleChanged', { email: m.email, role: t(`sync.role.${next}`) }));
                      }}
                    >
                      {(roles.includes(m.role) ? roles : [...roles, m.role]).map((r) => <option key={r} value={r}>{t(`sync.role.${r}`)}</option>)}
                    </select>
                  </td>
                  <td>{teamName(m.teamId)}</td>
                  <td>
                    {m.tokens.length === 0 ? (
                      <span className="sf-muted">{t('team.noTokens')}</span>
                    ) : (
                      <ul className="sf-team__tokens">
                        {m.tokens.map((k) => (
                          <li key={k.id}>
                            {t('team.token', { id: k.id, created: formatDate(Date.parse(k.createdAt), lang) })}
                            {k.expiresAt !== null && `, ${t('team.tokenExpires', { date: formatDate(Date.parse(k.expiresAt), lang) })}`}
                            {', '}
                            {k.lastUsedAt === null ? t('team.tokenNeverUsed') : t('team.tokenUsed', { date: formatDateTime(Date.parse(k.lastUsedAt), lang) })}{' '}
                            <button
                              type="button"
                              className="sf-btn sf-btn--danger"
                              disabled={busy}
                              onClick={() => void act({ type: 'team:revoke', tokenId: k.id }, t('team.revoked', { id: k.id }))}
                            >
                              {t('team.revoke', { id: k.id })}
                            </button>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    <button type="button" className="sf-btn" aria-label={t('team.inviteFor', { email: m.email })} disabled={busy} onClick={() => void createInvite(m)}>
                      {t('team.invite')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
