import { useEffect, useState } from 'react';
import { connectHub } from '../../lib/messaging/hub-port';
import type { PanelState } from '../../lib/messaging/hub-messages';
import { makeTranslator, resolveLang, translate } from '../../lib/i18n/translate';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default-playbook';
import { parsePlaybook } from '../../lib/playbook/parse-playbook';
import type { Playbook } from '../../lib/playbook/schema';
import { PRINT_KEY } from '../../lib/sales-book/print-handoff';
import { SalesBook } from './SalesBook';

/** The playbook the editor handed over, parsed again; the default one when there is none. */
export function handedOverPlaybook(storage: Pick<Storage, 'getItem'> | undefined): Playbook {
  const raw = storage?.getItem(PRINT_KEY) ?? null;
  const parsed = raw === null ? null : parsePlaybook(raw);
  return parsed?.ok ? parsed.playbook : DEFAULT_PLAYBOOK;
}

/** The printable sales book page: the language from the settings (hub port), the playbook from the editor. */
export function SalesBookApp() {
  const [state, setState] = useState<PanelState | null>(null);
  const [playbook] = useState(() => handedOverPlaybook(globalThis.localStorage));
  const lang = resolveLang(state?.settings.lang ?? null, globalThis.navigator?.language);

  useEffect(() => {
    const conn = connectHub({ tabId: null, onState: setState });
    return () => conn.close();
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = translate(lang, 'book.title', { name: playbook.name[lang] });
  }, [lang, playbook]);

  return <SalesBook playbook={playbook} lang={lang} t={makeTranslator(lang)} />;
}
