import { useEffect, useId, useState } from 'react';
import type { Lang } from '../../lib/i18n/lang';
import type { Translator } from '../../lib/i18n/translate';
import type { MeResponse } from '../../lib/wire/me';
import { ServerUrlSchema, SyncConfigSchema, isInsecureRemoteUrl } from '../../lib/sync/sync-config';
import type { SyncStatus } from '../../lib/sync/sync-status';
import { errorText } from '../panel/error-text';
import { asCodedError, syncErrorText } from '../../lib/sync/sync-error-text';
import { decodeInvite } from '../../lib/wire/invite';
import { RejectedList } from './RejectedList';
import type { ServerDeps } from './server-deps';
import { SyncStatusDetails } from './SyncStatusDetails';

export interface ServerSectionProps {
  /** null until the background sent its first state. */
  sync: SyncStatus | null;
  deps: ServerDeps;
  lang: Lang;
  t: Translator;
  now: number;
}

type Outcome =
  | { kind: 'idle' }
  | { kind: 'busy'; text: string }
  | { kind: 'error'; text: string }
  | { kind: 'ok'; text: string | null; me: MeResponse | null };

/** Options page: connect to the team's server, see how sync goes, or stay local. */
export function ServerSection({ sync, deps, lang, t, now }: ServerSectionProps) {
  const baseId = useId();
  const [url, setUrl] = useState(sync?.serverUrl ?? '');
  const [urlEdited, setUrlEdited] = useState(false);
  const [token, setToken] = useState('');
  const [showToken, setShowToken] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [inviteCode, setInviteCode] = useState('');

  // The stored address arrives with the first state; fill it in unless the user already typed.
  const storedUrl = sync?.serverUrl ?? null;
  useEffect(() => {
    if (!urlEdited && storedUrl !== null) setUrl(storedUrl);
  }, [storedUrl, urlEdited]);

  const connected = sync !== null && sync.state !== 'off';
  const busy = outcome.kind === 'busy';

  /**
   * Test (and, with save, configure). No host permission is asked for: the Sufler server
   * answers CORS for extension origins, so the extension needs no access to its host.
   */
  const run = (save: boolean) => {
    if (isInsecureRemoteUrl(url)) {
      setOutcome({ kind: 'error', text: t('sync.httpsRequired') });
      return;
    }
    const parsedUrl = ServerUrlSchema.safeParse(url);
    if (!parsedUrl.success) {
      setOutcome({ kind: 'error', text: t('sync.badUrl') });
      return;
    }
    const parsedToken = SyncConfigSchema.shape.token.safeParse(token);
    if (!parsedToken.success) {
      setOutcome({ kind: 'error', text: t('sync.badToken') });
      return;
    }
    setOutcome({ kind: 'busy', text: t(save ? 'sync.saving' : 'sync.testing') });
    void finish(parsedUrl.data, parsedToken.data, save);
  };

  const finish = async (serverUrl: string, cleanToken: string, save: boolean): Promise<boolean> => {
    let me: MeResponse;
    try {
      me = await deps.fetchMe(serverUrl, cleanToken);
    } catch (error) {
      const coded = asCodedError(error);
      setOutcome({ kind: 'error', text: coded ? syncErrorText(coded, serverUrl, t) : t('options.error', { message: errorText(error, t) }) });
      return false;
    }
    if (!save) {
      setOutcome({ kind: 'ok', text: null, me });
      return true;
    }
    try {
      await deps.configure(serverUrl, cleanToken);
      setUrl(serverUrl);
      setOutcome({ kind: 'ok', text: t('sync.saved'), me });
      return true;
    } catch (error) {
      setOutcome({ kind: 'error', text: t('options.error', { message: errorText(error, t) }) });
      return false;
    }
  };

  /** One pasted code: the server's address and this person's token, checked, then connected. */
  const connectWithInvite = () => {
    const decoded = decodeInvite(inviteCode);
    if (!decoded.ok) {
      setOutcome({ kind: 'error', text: t(`invite.error.${decoded.error}`) });
      return;
    }
    setUrlEdited(true);
    setUrl(decoded.invite.serverUrl);
    setOutcome({ kind: 'busy', text: t('sync.saving') });
    void finish(decoded.invite.serverUrl, decoded.invite.token, true).then((ok) => ok && setInviteCode(''));
  };

  const disconnect = () => {
    setOutcome({ kind: 'busy', text: t('sync.disconnect') });
    deps.disconnect().then(
      () => {
        setToken('');
        setOutcome({ kind: 'ok', text: t('sync.disconnected'), me: null });
      },
      (error: unknown) => setOutcome({ kind: 'error', text: t('options.error', { message: errorText(error, t) }) }),
    );
  };

  return (
    <section className="sf-card sf-options__section" aria-labelledby={`${baseId}-title`} data-testid="sync-section">
      <h2 id={`${baseId}-title`} className="sf-card__title">{t('sync.title')}</h2>
      {sync === null ? (
        <p className="sf-muted" role="status">{t('status.connecting')}</p>
      ) : (
        !connected && <p className="sf-options__intro" data-testid="sync-local-only">{t('sync.localOnly')}</p>
      )}

      <form
        className="sf-options__form"
        aria-labelledby={`${baseId}-invite-label`}
        onSubmit={(e) => {
          e.preventDefault();
          connectWithInvite();
        }}
      >
        <div className="sf-field">
          <label className="sf-label" id={`${baseId}-invite-label`} htmlFor={`${baseId}-invite`}>{t('invite.title')}</label>
          <textarea
            id={`${baseId}-invite`}
            className="sf-input"
            data-testid="sync-invite"
            rows={2}
            spellCheck={false}
            autoComplete="off"
            placeholder="sufler1.…"
            aria-describedby={`${baseId}-invite-hint`}
            value={inviteCode}
            onChange={(e) => setInviteCode(e.target.value)}
          />
          <p id={`${baseId}-invite-hint`} className="sf-muted sf-options__note">{t('invite.hint')}</p>
        </div>
        <div className="sf-row sf-options__actions">
          <button type="submit" className="sf-btn sf-btn--primary" data-testid="sync-invite-connect" disabled={busy}>
            {t('invite.connect')}
          </button>
        </div>
      </form>

      <form
        className="sf-options__form"
        onSubmit={(e) => {
          e.preventDefault();
          run(true);
        }}
      >
        <div className="sf-field">
          <label className="sf-label" htmlFor={`${baseId}-url`}>{t('sync.url')}</label>
          <input
            id={`${baseId}-url`}
            className="sf-input"
            data-testid="sync-url"
            type="url"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            placeholder="https://sufler.example.com"
            value={url}
            onChange={(e) => {
              setUrlEdited(true);
              setUrl(e.target.value);
            }}
          />
        </div>
        <div className="sf-field">
          <label className="sf-label" htmlFor={`${baseId}-token`}>{t('sync.token')}</label>
          <div className="sf-row sf-options__secret">
            <input
              id={`${baseId}-token`}
              className="sf-input"
              data-testid="sync-token"
              type={showToken ? 'text' : 'password'}
              autoComplete="off"
              spellCheck={false}
              aria-describedby={`${baseId}-token-hint`}
              value={token}
              onChange={(e) => setToken(e.target.value)}
            />
            <button
              type="button"
              className="sf-btn"
              data-testid="sync-token-toggle"
              aria-pressed={showToken}
              aria-controls={`${baseId}-token`}
              onClick={() => setShowToken((v) => !v)}
            >
              {t(showToken ? 'sync.hideToken' : 'sync.showToken')}
            </button>
          </div>
          <p id={`${baseId}-token-hint`} className="sf-muted sf-options__note">{t('sync.tokenHint')}</p>
        </div>
        <div className="sf-row sf-options__actions">
          <button type="button" className="sf-btn" data-testid="sync-test" disabled={busy} onClick={() => run(false)}>
            {t('sync.test')}
          </button>
          <button type="submit" className="sf-btn sf-btn--primary" data-testid="sync-save" disabled={busy}>
            {t('sync.save')}
          </button>
        </div>
      </form>

      <div aria-live="polite" data-testid="sync-outcome">
        {outcome.kind === 'busy' && <p className="sf-muted">{outcome.text}</p>}
        {outcome.kind === 'ok' && outcome.text !== null && <p className="sf-notice sf-notice--ok">✓ {outcome.text}</p>}
        {outcome.kind === 'ok' && outcome.me !== null && <MeCard me={outcome.me} t={t} />}
      </div>
      {outcome.kind === 'error' && (
        <p className="sf-notice sf-notice--error" role="alert" data-testid="sync-error">{outcome.text}</p>
      )}

      {sync !== null && connected && (
        <>
          <SyncStatusDetails sync={sync} lang={lang} t={t} now={now} onSyncNow={deps.syncNow} />
          <div className="sf-options__disconnect">
            <button type="button" className="sf-btn sf-btn--danger" data-testid="sync-disconnect" disabled={busy} onClick={disconnect}>
              {t('sync.disconnect')}
            </button>
            <p className="sf-muted sf-options__note">{t('sync.disconnectHint')}</p>
          </div>
        </>
      )}
      {sync !== null && <RejectedList sync={sync} t={t} />}
    </section>
  );
}

function MeCard({ me, t }: { me: MeResponse; t: Translator }) {
  return (
    <div className="sf-options__me" data-testid="sync-me">
      <p className="sf-options__me-title">{t('sync.me.title')}</p>
      <dl>
      <dt>{t('sync.me.user')}</dt>
      <dd data-testid="sync-me-email">{me.user.email}</dd>
      <dt>{t('sync.me.role')}</dt>
      <dd data-testid="sync-me-role">{t(`sync.role.${me.user.role}`)}</dd>
      <dt>{t('sync.me.team')}</dt>
      <dd data-testid="sync-me-team">{me.team?.name ?? t('sync.me.noTeam')}</dd>
      <dt>{t('sync.me.org')}</dt>
      <dd data-testid="sync-me-org">{me.org.name}</dd>
      </dl>
    </div>
  );
}
