import { languages, setUiLanguage, useT } from '../i18n/i18n';

export function LanguageSwitch() {
  const { t, i18n } = useT();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {languages.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={i18n.language === l}
          onClick={() => setUiLanguage(l)}
        >
          {t(`language.${l}`)}
        </button>
      ))}
    </div>
  );
}
