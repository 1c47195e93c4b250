import { useCallback, useEffect, useRef, useState } from 'react';
import { formatDateTime } from '../../../shared/format/date-format';
import { useT } from '../../../shared/i18n/i18n';
import { ErrorText } from '../../../shared/ui/error-text';
import {
  approveVersion,
  fetchVersions,
  saveRecording,
  versionAudioUrl,
  type TPromptVersion,
} from '../api/prompts.api';
import { toTelephoneWav } from './wav-encoder';

type TTake = { url: string; wav: Blob };

/**
 * Record a prompt in the browser: record, listen back, record again, keep it as a version, and
 * approve the version callers should hear. The recording becomes telephone WAV in the browser.
 */
export function PromptRecorder({
  hotline,
  language,
  prompt,
  onApproved,
}: {
  hotline: string;
  language: string;
  prompt: string;
  onApproved: () => void;
}) {
  const { t } = useT('admin');
  const [recording, setRecording] = useState(false);
  const [take, setTake] = useState<TTake | null>(null);
  const [versions, setVersions] = useState<TPromptVersion[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [micRefused, setMicRefused] = useState(false);
  const recorder = useRef<MediaRecorder | null>(null);

  const load = useCallback(() => {
    fetchVersions(hotline, language, prompt).then(setVersions, setError);
  }, [hotline, language, prompt]);
  useEffect(load, [load]);
  // Another prompt chosen: the take in hand belongs to the old one.
  useEffect(() => setTake(null), [hotline, language, prompt]);
  useEffect(() => () => (take ? URL.revokeObjectURL(take.url) : undefined), [take]);

  const start = async () => {
    setError(null);
    setMicRefused(false);
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      setMicRefused(true);
      return;
    }
    const chunks: Blob[] = [];
    const r = new MediaRecorder(stream);
    r.ondataavailable = (e) => chunks.push(e.data);
    r.onstop = () => {
      stream.getTracks().forEach((track) => track.stop());
      toTelephoneWav(new Blob(chunks, { type: r.mimeType })).then((bytes) => {
        const wav = new Blob([bytes.slice().buffer], { type: 'audio/wav' });
        setTake({ url: URL.createObjectURL(wav), wav });
      }, setError);
    };
    recorder.current = r;
    r.start();
    setTake(null);
    setRecording(true);
  };
  const stop = () => {
    recorder.current?.stop();
    recorder.current = null;
    setRecording(false);
  };
  const keep = async () => {
    if (!take) return;
    try {
      await saveRecording(hotline, language, prompt, take.wav);
      setTake(null);
      load();
    } catch (err) {
      setError(err);
    }
  };
  const approve = async (v: number) => {
    try {
      await approveVersion(hotline, language, prompt, v);
      load();
      onApproved();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section className="panel" data-testid="prompt-recorder">
      <h2>{t('recording.title')}</h2>
      <p className="muted">{t('recording.hint')}</p>
      <div className="admin-form__footer">
        {recording ? (
          <button type="button" className="button button--danger" onClick={stop}>
            {t('recording.stop')}
          </button>
        ) : (
          <button type="button" className="button" onClick={() => void start()}>
            {take ? t('recording.again') : t('recording.start')}
          </button>
        )}
        {recording ? (
          <span role="status" className="tag tag--danger">
            {t('recording.recording')}
          </span>
        ) : null}
      </div>
      {micRefused ? (
        <p role="alert" className="error-text">
          {t('recording.noMicrophone')}
        </p>
      ) : null}
      {take ? (
        <p>
          {t('recording.listenBack')} <audio controls src={take.url} data-testid="recorded-take" />{' '}
          <button type="button" className="button button--primary" onClick={() => void keep()}>
            {t('recording.keep')}
          </button>
        </p>
      ) : null}
      <ErrorText error={error} />
      {versions.length ? (
        <table data-testid="prompt-versions">
          <thead>
            <tr>
              <th>{t('recording.version')}</th>
              <th>{t('recording.made')}</th>
              <th>{t('prompts.listen')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version} data-testid={`version-${v.version}`}>
                <td>
                  {v.version} · {t(`recording.sources.${v.source}`)}
                </td>
                <td>{formatDateTime(v.createdAt)}</td>
                <td>
                  <audio
                    controls
                    preload="none"
                    src={versionAudioUrl(hotline, language, prompt, v.version)}
                  />
                </td>
                <td>
                  {v.live ? (
                    <span className="tag tag--ok">{t('recording.live')}</span>
                  ) : (
                    <button
                      type="button"
                      className="button"
                      onClick={() => void approve(v.version)}
                    >
                      {v.approvedAt ? t('recording.putBack') : t('recording.approve')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
