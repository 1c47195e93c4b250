import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { formatDateTime } from '../../../shared/format/date-format';
import { useT } from '../../../shared/i18n/i18n';
import { ErrorText } from '../../../shared/ui/error-text';
import { SelectField, TextField } from '../../../shared/ui/field';
import {
  addRecordingLine,
  fetchRecorders,
  fetchRecordingLines,
  makeNewPin,
  type TRecorder,
  type TRecordingLineView,
} from '../api/recording-line.api';
import { PromptPlaceholders } from './prompt-placeholders';
import '../recording-line.strings';

/**
 * The prompts' recording line: its numbers per hotline, who may call it and whether they have a
 * PIN (a new one shown here once, then never again), and what is still a placeholder.
 */
export function RecordingLinePanel({ hotlines }: { hotlines: string[] }) {
  const { t } = useT('admin');
  const [lines, setLines] = useState<TRecordingLineView[] | null>(null);
  const [recorders, setRecorders] = useState<TRecorder[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    fetchRecordingLines().then(setLines, setError);
    fetchRecorders().then(setRecorders, setError);
  }, []);
  useEffect(load, [load]);

  return (
    <>
      <ErrorText error={error} />
      <section className="panel" data-testid="recording-lines">
        <h2>{t('recordingLine.linesTitle')}</h2>
        <p className="muted">{t('recordingLine.linesIntro')}</p>
        {lines?.length === 0 ? <p className="muted">{t('recordingLine.noLines')}</p> : null}
        {lines?.length ? (
          <table>
            <thead>
              <tr>
                <th>{t('recordingLine.hotline')}</th>
                <th>{t('recordingLine.number')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.id} data-testid="recording-line">
                  <td>{l.hotline ?? t('recordingLine.everyHotline')}</td>
                  <td dir="ltr">{l.phoneNumber}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <AddLine hotlines={hotlines} onAdded={load} />
      </section>
      {recorders ? <Recorders recorders={recorders} onChanged={load} /> : null}
      <PromptPlaceholders />
    </>
  );
}

function AddLine({ hotlines, onAdded }: { hotlines: string[]; onAdded: () => void }) {
  const { t } = useT('admin');
  const [phoneNumber, setPhoneNumber] = useState('');
  const [hotline, setHotline] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    addRecordingLine(phoneNumber, hotline || null).then(() => {
      setPhoneNumber('');
      onAdded();
    }, setError);
  };
  return (
    <form className="admin-form" onSubmit={submit}>
      <div className="admin-form__row">
        <TextField
          label={t('recordingLine.number')}
          hint={t('users.numberFormat')}
          dir="ltr"
          required
          pattern="\+[1-9][0-9]{6,14}"
          value={phoneNumber}
          onChange={(e) => setPhoneNumber(e.target.value)}
        />
        <SelectField
          label={t('recordingLine.hotline')}
          value={hotline}
          options={[
            { value: '', label: t('recordingLine.everyHotline') },
            ...hotlines.map((h) => ({ value: h, label: h })),
          ]}
          onChange={(e) => setHotline(e.target.value)}
        />
      </div>
      <ErrorText error={error} />
      <button type="submit" className="button">
        {t('recordingLine.addLine')}
      </button>
    </form>
  );
}

/** A new PIN lives only in this component's state: gone on "hide", on reload, on leaving. */
function Recorders({ recorders, onChanged }: { recorders: TRecorder[]; onChanged: () => void }) {
  const { t } = useT('admin');
  const [shown, setShown] = useState<{ name: string; pin: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const renew = (r: TRecorder) => {
    setError(null);
    setShown(null);
    makeNewPin(r.userId).then((pin) => {
      setShown({ name: r.displayName, pin });
      onChanged();
    }, setError);
  };
  return (
    <section className="panel" data-testid="recorders">
      <h2>{t('recordingLine.recordersTitle')}</h2>
      <p className="muted">{t('recordingLine.recordersIntro')}</p>
      {shown ? (
        <div className="new-pin-box" role="status" data-testid="new-pin">
          <strong>{t('recordingLine.newPinFor', { name: shown.name })}</strong>
          <output dir="ltr" className="new-pin">
            {shown.pin}
          </output>
          <p>{t('recordingLine.newPinHint')}</p>
          <button type="button" className="button" onClick={() => setShown(null)}>
            {t('recordingLine.hide')}
          </button>
        </div>
      ) : null}
      <ErrorText error={error} />
      <table>
        <thead>
          <tr>
            <th>{t('recordingLine.name')}</th>
            <th>{t('recordingLine.hotline')}</th>
            <th>{t('recordingLine.pin')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {recorders.map((r) => (
            <tr key={r.userId} data-testid="recorder">
              <td>{r.displayName}</td>
              <td>{r.hotlines.length ? r.hotlines.join(', ') : t('recordingLine.everyHotline')}</td>
              <td data-testid="pin-state">
                {r.pinSetAt
                  ? t('recordingLine.pinSetAt', { time: formatDateTime(r.pinSetAt) })
                  : t('recordingLine.noPin')}
              </td>
              <td>
                <button
                  type="button"
                  className="button"
                  aria-label={t('recordingLine.resetPinFor', { name: r.displayName })}
                  onClick={() => renew(r)}
                >
                  {r.pinSetAt ? t('recordingLine.resetPin') : t('recordingLine.setPin')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
