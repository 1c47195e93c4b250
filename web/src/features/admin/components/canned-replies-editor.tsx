import { useState, type FormEvent } from 'react';
import { useT } from '../../../shared/i18n/i18n';
import { SelectField, TextArea, TextField } from '../../../shared/ui/field';
import {
  addCannedReply,
  changeCannedReply,
  fetchCannedReplies,
  removeCannedReply,
  type TCannedReply,
} from '../api/chat-settings.api';
import { AdminFeedback, AdminListTable, useAdminList } from './admin-list';

type TLanguage = 'lo' | 'en';
const empty = { language: 'lo' as TLanguage, title: '', body: '' };

/** A hotline's canned replies in Lao and English: add, edit, delete (each change audited). */
export function CannedRepliesEditor({ hotline }: { hotline: string }) {
  const { t } = useT('admin');
  const { rows, error, done, run } = useAdminList(() => fetchCannedReplies(hotline), hotline);
  const [draft, setDraft] = useState(empty);
  const [editing, setEditing] = useState<string | null>(null);
  const stopEditing = () => {
    setEditing(null);
    setDraft(empty);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const key = editing ? 'chat.canned.changed' : 'chat.canned.added';
    const saved = await run(
      () => (editing ? changeCannedReply(hotline, editing, draft) : addCannedReply(hotline, draft)),
      (reply) => ({ key, values: { title: reply.title } }),
    );
    if (saved) stopEditing();
  };
  const remove = async (reply: TCannedReply) => {
    const removed = await run(
      () => removeCannedReply(hotline, reply.id),
      () => ({ key: 'chat.canned.removed', values: { title: reply.title } }),
    );
    if (removed && editing === reply.id) stopEditing();
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
            <button type="button" className="button" onClick={stopEditing}>
              {t('common:actions.cancel')}
            </button>
          ) : null}
        </div>
      </form>
      <AdminFeedback error={error} done={done} />
      <AdminListTable
        rows={rows}
        testId="canned-replies"
        none={t('chat.canned.none')}
        columns={[
          {
            header: t('chat.canned.language'),
            cell: (r) => t(`chat.canned.languages.${r.language}`),
          },
          { header: t('chat.canned.titleField'), cell: (r) => r.title },
          { header: t('chat.canned.body'), lang: (r) => r.language, cell: (r) => r.body },
          {
            header: '',
            cell: (r) => (
              <>
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
              </>
            ),
          },
        ]}
      />
    </section>
  );
}
