import { DEFAULT_DIGEST_HOUR } from '../../lib/digest/digest-messages';
import type { Translator } from '../../lib/i18n/translate';
import type { SettingsPatch } from '../../lib/settings/settings';

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** The hour a head's daily digest of violations comes (19:00 unless chosen). */
export function DigestHourField({ id, hour, t, onChange }: { id: string; hour: number | undefined; t: Translator; onChange(patch: SettingsPatch): void }) {
  return (
    <div className="sf-field">
      <label className="sf-label" htmlFor={id}>{t('options.digestHour')}</label>
      <select
        id={id}
        className="sf-select sf-options__select"
        data-testid="options-digest-hour"
        aria-describedby={`${id}-hint`}
        value={hour ?? DEFAULT_DIGEST_HOUR}
        onChange={(e) => onChange({ digestHour: Number(e.target.value) })}
      >
        {HOURS.map((h) => (
          <option key={h} value={h}>{`${String(h).padStart(2, '0')}:00`}</option>
        ))}
      </select>
      <p id={`${id}-hint`} className="sf-muted">{t('options.digestHourHint')}</p>
    </div>
  );
}
