import { useState } from 'react';
import type { TChannelCapacity } from '../../../../../src/contracts/staff-users';
import { useT } from '../../../shared/i18n/i18n';
import { saveCapacity, type TUser } from '../api/users.api';
import { InlineEditCell, useInlineEdit } from './inline-edit-cell';

/**
 * How much a call taker holds at once (calls, chats, a call beside chats), and the way to change
 * it. Dispatch reads it the next time she sets her presence, which the saved notice says.
 */
export function CapacityCell({ user, onSaved }: { user: TUser; onSaved: () => void }) {
  const { t } = useT('admin');
  const edit = useInlineEdit(onSaved);
  const [draft, setDraft] = useState<TChannelCapacity>(user);

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
    <InlineEditCell
      edit={edit}
      testId={`capacity-${user.username}`}
      summary={
        <>
          {t('users.capacitySummary', { calls: user.voiceCapacity, chats: user.chatCapacity })}
          {user.callsWhileChatting ? ` · ${t('users.callsWhileChattingShort')}` : ''}
        </>
      }
      changeFor={t('users.changeCapacityFor', { name: user.displayName })}
      onOpen={() => edit.open(() => setDraft(user))}
      onSubmit={() =>
        void edit.save(() =>
          saveCapacity(user.id, {
            voiceCapacity: draft.voiceCapacity,
            chatCapacity: draft.chatCapacity,
            callsWhileChatting: draft.callsWhileChatting,
          }),
        )
      }
      fields={
        <>
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
        </>
      }
    />
  );
}
