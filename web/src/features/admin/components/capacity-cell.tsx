import { useState, type FormEvent } from 'react';
import type { TChannelCapacity } from '../../../../../src/contracts/staff-users';
import { useT } from '../../../shared/i18n/i18n';
import { ErrorText } from '../../../shared/ui/error-text';
import { saveCapacity, type TUser } from '../api/users.api';

/**
 * How much a call taker holds at once (calls, chats, a call beside chats), and the way to change
 * it. Dispatch reads it the next time she sets her presence, which the saved notice says.
 */
export function CapacityCell({ user, onSaved }: { user: TUser; onSaved: () => void }) {
  const { t } = useT('admin');
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<TChannelCapacity>(user);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await saveCapacity(user.id, {
        voiceCapacity: draft.voiceCapacity,
        chatCapacity: draft.chatCapacity,
        callsWhileChatting: draft.callsWhileChatting,
      });
      setEditing(false);
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  if (!editing)
    return (
      <span className="answer-on-cell" data-testid={`capacity-${user.username}`}>
        <span>
          {t('users.capacitySummary', { calls: user.voiceCapacity, chats: user.chatCapacity })}
          {user.callsWhileChatting ? ` · ${t('users.callsWhileChattingShort')}` : ''}
        </span>
        <button
          type="button"
          className="button button--small"
          aria-label={t('users.changeCapacityFor', { name: user.displayName })}
          onClick={() => {
            setDraft(user);
            setError(null);
            setEditing(true);
          }}
        >
          {t('users.changeAnswerOn')}
        </button>
      </span>
    );
  const number = (field: 'voiceCapacity' | 'chatCapacity', max: number, label: string) => (
    <label>
      {label}{' '}
      <input
        type="number"
        min={0}
        max={max}
        required
        value={draft[field]}
        onChange={(e) => setDraft({ ...draft, [field]: Number(e.target.value) })}
      />
    </label>
  );
  return (
    <form className="answer-on-cell" onSubmit={(e) => void submit(e)}>
      <fieldset>
        <legend>{t('users.changeCapacityFor', { name: user.displayName })}</legend>
        {number('voiceCapacity', 1, t('users.capacityCalls'))}
        {number('chatCapacity', 10, t('users.capacityChats'))}
        <label>
          <input
            type="checkbox"
            checked={draft.callsWhileChatting}
            onChange={(e) => setDraft({ ...draft, callsWhileChatting: e.target.checked })}
          />{' '}
          {t('users.callsWhileChatting')}
        </label>
      </fieldset>
      <div className="admin-row-actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {t('common:actions.save')}
        </button>
        <button type="button" className="button" onClick={() => setEditing(false)}>
          {t('common:actions.cancel')}
        </button>
      </div>
      <ErrorText error={error} />
    </form>
  );
}
