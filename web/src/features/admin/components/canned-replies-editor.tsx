import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useT } from '../../../shared/i18n/i18n';
import { ErrorText } from '../../../shared/ui/error-text';
import { SelectField, TextArea, TextField } from '../../../shared/ui/field';
import {
  addCannedReply,
  changeCannedReply,
  fetchCannedReplies,
  removeCannedReply,
  type TCannedReply,
} from '../api/chat-settings.api';

type TLanguage = 'lo' | 'en';
const empty = { language: 'lo' as TLanguage, title: '', body: '' };

/** A hotline's canned replies in Lao and English: add, edit, delete (each change audited). */
export function CannedRepliesEditor({ hotline }: { hotline: string }) {
  const { t } = useT('admin');
  const [replies, setReplies] = useState<TCannedReply[] | null>(null);
  const [draft, setDraft] = useState(empty);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<{ key: string; title: string } | null>(null);
  const load = useCallback(() => {
    fetchCannedReplies(hotline).then(setReplies, setError);
  }, [hotline]);
  useEffect(load, [load]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setDone(null);
    try {
      const saved = editing
        ? await changeCannedReply(hotline, editing, draft)
        : await addCannedReply(hotline, draft);
      setDone({ key: editing ? 'chat.canned.changed' : 'chat.canned.added', title: saved.title });
      setDraft(empty);
      setEditing(null);
      load();
    } catch (err) {
      setError(err);
    }
  };
  const remove = async (reply: TCannedReply) => {
    setError(null);
    setDone(null);
    try {
      await removeCannedReply(hotline, reply.id);
      setDone({ key: 'chat.canned.removed', title: reply.title });
      if (editing === reply.id) {
        setEditing(null);
        setDraft(empty);
      }
      load();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section className="panel" aria-labelledby="canned-title">
      <h2 id="canned-title">{t('chat.canned.title')}</h2>
      <p className="muted">{t('chat.canned.intro')}</p>
      <form className="admin-form" onSubmit={(e) => void submit(e)}>
        <h3>{editing ? t('chat.canned.editing') : t('chat.canned.add')}</h3>
        <div className="admin-form__row">
          <SelectField
            label={t('chat.canned.language')}
            value={draft.language}
            options={(['lo', 'en'] as const).map((l) => ({
              value: l,
              label: t(`chat.canned.languages.${l}`),
            }))}
            onChange={(e) => setDraft({ ...draft, language: e.target.value as TLanguage })}
          />
          <TextField
            label={t('chat.canned.titleField')}
            value={draft.title}
            maxLength={80}
            required
            onChange={(e) => setDraft({ ...draft, title: e.target.value })}
          />
        </div>
        <TextArea
          label={t('chat.canned.body')}
          value={draft.body}
          rows={3}
          maxLength={4096}
          required
          onChange={(e) => setDraft({ ...draft, body: e.target.value })}
        />
        <div className="admin-form__footer">
          <button type="submit" className="button button--primary">
            {editing ? t('common:actions.save') : t('chat.canned.add')}
          </button>
          {editing ? (
            <button
              type="button"
              className="button"
              onClick={() => {
                setEditing(null);
                setDraft(empty);
              }}
            >
              {t('common:actions.cancel')}
            </button>
          ) : null}
        </div>
      </form>
      <ErrorText error={error} />
      {done ? (
        <p role="status" className="tag tag--ok">
          {t(done.key, { title: done.title })}
        </p>
      ) : null}
      {replies && !replies.length ? <p className="muted">{t('chat.canned.none')}</p> : null}
      {replies?.length ? (
        <table data-testid="canned-replies">
          <thead>
            <tr>
              <th>{t('chat.canned.language')}</th>
              <th>{t('chat.canned.titleField')}</th>
              <th>{t('chat.canned.body')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {replies.map((r) => (
              <tr key={r.id}>
                <td>{t(`chat.canned.languages.${r.language}`)}</td>
                <td>{r.title}</td>
                <td lang={r.language}>{r.body}</td>
                <td>
                  <button
                    type="button"
                    className="button"
                    aria-label={`${t('chat.canned.edit')} ${r.title}`}
                    onClick={() => {
                      setEditing(r.id);
                      setDraft({ language: r.language, title: r.title, body: r.body });
                    }}
                  >
                    {t('chat.canned.edit')}
                  </button>{' '}
                  <button
                    type="button"
                    className="button button--danger"
                    aria-label={`${t('chat.canned.remove')} ${r.title}`}
                    onClick={() => void remove(r)}
                  >
                    {t('chat.canned.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
