import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { formatDateTime } from '../../../shared/format/date-format';
import { useT } from '../../../shared/i18n/i18n';
import { ErrorText } from '../../../shared/ui/error-text';
import { SelectField } from '../../../shared/ui/field';
import { fetchPrompts, promptUrl, uploadPrompt, type TPromptList } from '../api/prompts.api';
import { promptLabel } from './prompt-label';
import { PromptRecorder } from '../recording/prompt-recorder';
import '../prompt-names.strings';

/** Recorded prompts per hotline and language: listen before uploading, and listen to what callers hear. */
export function PromptsPanel({ hotlines }: { hotlines: string[] }) {
  const { t } = useT('admin');
  const languageName = (code: string) => t(`languageNames.${code}`, { defaultValue: code });
  const [hotline, setHotline] = useState(hotlines[0] ?? '');
  const [list, setList] = useState<TPromptList | null>(null);
  const [language, setLanguage] = useState('lo');
  const [prompt, setPrompt] = useState('welcome');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  // A new key empties the file input once its file is uploaded.
  const [inputKey, setInputKey] = useState(0);
  const load = useCallback(() => {
    if (hotline) fetchPrompts(hotline).then(setList, setError);
  }, [hotline]);
  useEffect(load, [load]);
  useEffect(() => {
    if (!file) return setPreview(null);
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setError(null);
    setDone(false);
    try {
      await uploadPrompt(hotline, language, prompt, file);
      setDone(true);
      setFile(null);
      setInputKey((k) => k + 1);
      load();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <>
      <form className="panel admin-form" onSubmit={(e) => void submit(e)}>
        <h2>{t('prompts.upload')}</h2>
        <div className="admin-form__row">
          <SelectField
            label={t('prompts.hotline')}
            value={hotline}
            options={hotlines.map((h) => ({ value: h, label: h }))}
            onChange={(e) => setHotline(e.target.value)}
          />
          <SelectField
            label={t('prompts.language')}
            value={language}
            options={(list?.languages ?? ['lo']).map((l) => ({ value: l, label: languageName(l) }))}
            onChange={(e) => setLanguage(e.target.value)}
          />
          <SelectField
            label={t('prompts.prompt')}
            value={prompt}
            options={(list?.prompts ?? ['welcome']).map((p) => ({
              value: p,
              label: promptLabel(t, p),
            }))}
            onChange={(e) => setPrompt(e.target.value)}
          />
          <div className="field">
            <label htmlFor="prompt-file">{t('prompts.file')}</label>
            <input
              key={inputKey}
              id="prompt-file"
              type="file"
              accept="audio/wav,audio/x-wav,audio/mpeg"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
            <small className="field__hint">{t('prompts.fileHint')}</small>
          </div>
        </div>
        {preview ? (
          <p>
            {t('prompts.preview')} <audio controls src={preview} data-testid="prompt-preview" />
          </p>
        ) : null}
        <div className="admin-form__footer">
          <button type="submit" className="button button--primary" disabled={!file}>
            {t('prompts.send')}
          </button>
          <small className="muted">{t('prompts.live')}</small>
        </div>
      </form>
      <ErrorText error={error} />
      {done ? (
        <p role="status" className="tag tag--ok">
          {t('prompts.done')}
        </p>
      ) : null}
      {hotline ? (
        <PromptRecorder hotline={hotline} language={language} prompt={prompt} onApproved={load} />
      ) : null}
      {list ? <PromptReadiness missing={list.missing} languageName={languageName} /> : null}
      {list ? (
        <table className="panel" data-testid="prompts">
          <thead>
            <tr>
              <th>{t('prompts.prompt')}</th>
              <th>{t('prompts.language')}</th>
              <th>{t('prompts.updated')}</th>
              <th>{t('prompts.listen')}</th>
            </tr>
          </thead>
          <tbody>
            {list.uploaded.length ? null : (
              <tr>
                <td colSpan={4} className="muted">
                  {t('prompts.none')}
                </td>
              </tr>
            )}
            {list.uploaded.map((u) => (
              <tr key={`${u.prompt}-${u.language}`}>
                <td>{promptLabel(t, u.prompt)}</td>
                <td>{languageName(u.language)}</td>
                <td>{formatDateTime(u.updatedAt)}</td>
                <td>
                  <audio
                    controls
                    preload="none"
                    src={promptUrl(hotline, u.language, u.prompt, u.updatedAt)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

/** What callers of this hotline still hear as a placeholder, by language: the go-live list. */
function PromptReadiness({
  missing,
  languageName,
}: {
  missing: TPromptList['missing'];
  languageName: (code: string) => string;
}) {
  const { t } = useT('admin');
  const byLanguage = new Map<string, string[]>();
  for (const m of missing)
    byLanguage.set(m.language, [...(byLanguage.get(m.language) ?? []), m.prompt]);
  return (
    <section className="panel" data-testid="prompt-readiness">
      <h2>{t('readiness.title')}</h2>
      {missing.length === 0 ? (
        <p className="tag tag--ok">{t('readiness.ready')}</p>
      ) : (
        <>
          <p className="muted">{t('readiness.hint')}</p>
          {[...byLanguage].map(([language, prompts]) => (
            <p key={language} data-testid={`missing-${language}`}>
              <strong>
                {languageName(language)} ({t('readiness.count', { count: prompts.length })}):
              </strong>{' '}
              {prompts.map((p) => promptLabel(t, p)).join(', ')}
            </p>
          ))}
        </>
      )}
    </section>
  );
}
