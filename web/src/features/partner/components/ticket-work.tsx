import { useState, type FormEvent } from 'react';
import { useT } from '../../../shared/i18n/i18n';
import { ErrorText } from '../../../shared/ui/error-text';
import { SelectField, TextArea, TextField } from '../../../shared/ui/field';
import { addNote, recordService, type TTicket } from '../api/partner.api';
import { serviceLabel } from './service-label';

const todayInVientiane = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Vientiane' }).format(new Date());

/** Services given and free notes, while the partner works on an accepted ticket. */
export function TicketWork({ ticket, onChanged }: { ticket: TTicket; onChanged: () => void }) {
  const { t, i18n } = useT('partner');
  const [service, setService] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [givenOn, setGivenOn] = useState(todayInVientiane);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<'service' | 'note' | null>(null);
  const canRecord = ['accepted', 'in_progress', 'on_hold'].includes(ticket.state);
  const canNote = !['declined', 'completed', 'withdrawn'].includes(ticket.state);
  if (!canNote) return null;

  const save = async (kind: 'service' | 'note', work: () => Promise<unknown>) => {
    setError(null);
    setSaved(null);
    try {
      await work();
      setSaved(kind);
      onChanged();
    } catch (err) {
      setError(err);
    }
  };
  const submitService = (e: FormEvent) => {
    e.preventDefault();
    void save('service', async () => {
      await recordService(ticket.id, {
        service,
        givenOn,
        quantity: Number(quantity),
      });
      setService('');
      setQuantity('1');
    });
  };
  const submitNote = (e: FormEvent) => {
    e.preventDefault();
    void save('note', async () => {
      await addNote(ticket.id, note.trim());
      setNote('');
    });
  };

  return (
    <>
      {canRecord ? (
        <form className="panel partner-form" onSubmit={submitService}>
          <h2>{t('actions.recordService')}</h2>
          <SelectField
            label={t('actions.service')}
            required
            value={service}
            placeholder=""
            onChange={(e) => setService(e.target.value)}
            options={ticket.serviceKinds.map((k) => ({
              value: k.code,
              label: serviceLabel(ticket, k.code, i18n.language),
            }))}
          />
          <TextField
            label={t('actions.quantity')}
            type="number"
            min={1}
            max={1000}
            required
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
          />
          <TextField
            label={t('actions.givenOn')}
            type="date"
            required
            value={givenOn}
            onChange={(e) => setGivenOn(e.target.value)}
          />
          <button type="submit" className="button button--primary" disabled={!service}>
            {t('actions.recordService')}
          </button>
          {saved === 'service' ? <span role="status">{t('actions.done')}</span> : null}
        </form>
      ) : null}
      <form className="panel partner-form" onSubmit={submitNote}>
        <TextArea
          label={t('actions.noteText')}
          value={note}
          maxLength={4000}
          onChange={(e) => setNote(e.target.value)}
        />
        <button type="submit" className="button" disabled={!note.trim()}>
          {t('actions.addNote')}
        </button>
        {saved === 'note' ? <span role="status">{t('actions.done')}</span> : null}
      </form>
      <ErrorText error={error} />
    </>
  );
}
