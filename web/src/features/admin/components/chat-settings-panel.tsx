import { useState } from 'react';
import { useT } from '../../../shared/i18n/i18n';
import { SelectField } from '../../../shared/ui/field';
import { CannedRepliesEditor } from './canned-replies-editor';
import { ChatChannelsTable } from './chat-channels-table';
import { PartnerSitesEditor } from './partner-sites-editor';
import { WebchatBlocksTable } from './webchat-blocks-table';

/** One hotline's chat: its channels, canned replies and partner sites; blocks of every hotline. */
export function ChatSettingsPanel({ hotlines }: { hotlines: string[] }) {
  const { t } = useT('admin');
  const [hotline, setHotline] = useState(hotlines[0] ?? '');
  if (!hotline) return null;
  return (
    <div className="admin-form">
      <div className="panel">
        <SelectField
          label={t('chat.hotline')}
          value={hotline}
          options={hotlines.map((h) => ({ value: h, label: h }))}
          onChange={(e) => setHotline(e.target.value)}
        />
      </div>
      <ChatChannelsTable key={`channels-${hotline}`} hotline={hotline} />
      <CannedRepliesEditor key={`canned-${hotline}`} hotline={hotline} />
      <PartnerSitesEditor key={`origins-${hotline}`} hotline={hotline} />
      <WebchatBlocksTable />
    </div>
  );
}
