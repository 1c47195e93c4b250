import { useEffect, useState } from 'react';
import { useT } from '../../../shared/i18n/i18n';
import { ErrorText } from '../../../shared/ui/error-text';
import { fetchPlaceholders, type TPromptPlaceholders } from '../api/recording-line.api';
import { promptLabel } from './prompt-label';
import '../prompt-names.strings';

/** Per hotline and language, what callers still hear as a placeholder: what to record next. */
export function PromptPlaceholders() {
  const { t } = useT('admin');
  const [hotlines, setHotlines] = useState<TPromptPlaceholders['hotlines'] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    fetchPlaceholders().then(setHotlines, setError);
  }, []);
  const languageName = (code: string) => t(`languageNames.${code}`, { defaultValue: code });
  return (
    <section className="panel" data-testid="prompt-placeholders">
      <h2>{t('recordingLine.placeholdersTitle')}</h2>
      <p className="muted">{t('recordingLine.placeholdersIntro')}</p>
      <ErrorText error={error} />
      {hotlines?.map((h) => {
        const byLanguage = new Map<string, string[]>();
        for (const m of h.missing)
          byLanguage.set(m.language, [...(byLanguage.get(m.language) ?? []), m.prompt]);
        return (
          <details key={h.hotline} data-testid={`placeholders-${h.hotline}`}>
            <summary>
              <strong>{h.hotline}</strong>{' '}
              {h.missing.length === 0 ? (
                <span className="tag tag--ok">{t('recordingLine.allRecorded')}</span>
              ) : (
                [...byLanguage].map(([language, prompts]) => (
                  <span key={language} className="tag">
                    {languageName(language)}: {t('recordingLine.count', { count: prompts.length })}
                  </span>
                ))
              )}
            </summary>
            {[...byLanguage].map(([language, prompts]) => (
              <p key={language} data-testid={`placeholders-${h.hotline}-${language}`}>
                <strong>{languageName(language)}:</strong>{' '}
                {prompts.map((p) => promptLabel(t, p)).join(', ')}
              </p>
            ))}
          </details>
        );
      })}
    </section>
  );
}
