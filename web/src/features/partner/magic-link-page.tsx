import { useEffect, useState } from 'react';
import { useT } from '../../shared/i18n/i18n';
import { LanguageSwitch } from '../../shared/ui/language-switch';
import { openMagicLink } from './api/partner.api';
import { TicketView } from './components/ticket-view';
import './partner.css';
import './partner.strings';

// The link works once; the ticket id is kept for this tab so a reload still shows the ticket.
const STORAGE_KEY = 'saiduan.partner-link-ticket';

/**
 * Landing page of the SMS link (`/partner/link#<token>`): no account, one ticket. The token is
 * in the fragment so it never reaches a server log; it is spent once and removed from the bar.
 */
export default function MagicLinkPage() {
  const { t } = useT('partner');
  const [ticketId, setTicketId] = useState(() => sessionStorage.getItem(STORAGE_KEY));
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const token = window.location.hash.slice(1);
    if (!token) {
      if (!sessionStorage.getItem(STORAGE_KEY)) setFailed(true);
      return;
    }
    window.history.replaceState(null, '', window.location.pathname);
    openMagicLink(token).then(
      ({ ticketId: id }) => {
        sessionStorage.setItem(STORAGE_KEY, id);
        setTicketId(id);
      },
      () => setFailed(true),
    );
  }, []);

  return (
    <div className="partner partner--link">
      <header className="partner-link__bar">
        <span lang="lo" className="app-header__brand">
          ສາຍດ່ວນ
        </span>
        <LanguageSwitch />
      </header>
      <main id="main">
        {failed && !ticketId ? (
          <p className="error-text" role="alert">
            {t('link.invalid')}
          </p>
        ) : null}
        {ticketId ? (
          <>
            <p className="muted">{t('link.scoped')}</p>
            <TicketView ticketId={ticketId} />
          </>
        ) : null}
        {!ticketId && !failed ? <p className="loading">{t('link.opening')}</p> : null}
      </main>
    </div>
  );
}
