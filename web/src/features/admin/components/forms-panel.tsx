import { useCallback, useEffect, useState } from 'react';
import type { TFormDefinition } from '../../../../../src/contracts/victim-profile';
import { formatDateTime } from '../../../shared/format/date-format';
import { useT } from '../../../shared/i18n/i18n';
import { ErrorText } from '../../../shared/ui/error-text';
import { fetchFormVersions, publishForm, type TFormVersions } from '../api/form-definitions.api';
import {
  editorSections,
  formProblem,
  toDefinition,
  type TEditorSection,
  type TFormPart,
} from './form-editor.policy';
import '../../desk/profile.strings';

const parts: readonly TFormPart[] = ['person', 'contact'];

/** One version's sections and fields, read only. */
function DefinitionView({ definition, title }: { definition: TFormDefinition; title: string }) {
  const { t } = useT('admin');
  const { t: p } = useT('profile');
  return (
    <section aria-label={title} data-testid="form-version-fields">
      <h3>{title}</h3>
      {parts.map((part) => (
        <div key={part}>
          <h4>{t(`forms.${part}`)}</h4>
          {definition[part].length === 0 ? <p className="muted">{t('forms.noSections')}</p> : null}
          <ul>
            {definition[part].map((s) => (
              <li key={s.key}>
                <strong>{p(`sections.${s.key}`)}</strong>:{' '}
                {s.fields.map((f) => p(`fields.${f}`)).join(', ')}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** The next version: sections and fields to show, ticked; published as a whole, audited. */
function FormEditor({
  hotline,
  current,
  shipped,
  onPublished,
}: {
  hotline: string;
  current: TFormDefinition;
  shipped: TFormDefinition;
  onPublished: (version: number) => void;
}) {
  const { t } = useT('admin');
  const { t: p } = useT('profile');
  const [sections, setSections] = useState<TEditorSection[]>(() =>
    editorSections(current, shipped),
  );
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const problem = formProblem(sections, current);
  const change = (i: number, next: Partial<TEditorSection>) =>
    setSections((list) => list.map((s, j) => (j === i ? { ...s, ...next } : s)));
  const publish = () => {
    setError(null);
    setBusy(true);
    publishForm(hotline, toDefinition(sections)).then(
      (view) => onPublished(view.version ?? 0),
      (e: unknown) => {
        setBusy(false);
        setError(e);
      },
    );
  };
  return (
    <form
      aria-label={t('forms.edit')}
      className="form-editor"
      onSubmit={(e) => {
        e.preventDefault();
        publish();
      }}
    >
      <h3>{t('forms.edit')}</h3>
      <p className="muted">{t('forms.editIntro')}</p>
      {parts.map((part) => (
        <fieldset key={part}>
          <legend>{t(`forms.${part}`)}</legend>
          {sections.map((s, i) =>
            s.part === part ? (
              <div key={s.key} className="form-editor__section" data-section={s.key}>
                <label>
                  <input
                    type="checkbox"
                    checked={s.on}
                    onChange={(e) => change(i, { on: e.target.checked })}
                  />
                  {t('forms.showSection', { section: p(`sections.${s.key}`) })}
                </label>
                {s.on ? (
                  <div className="checks">
                    {s.fields.map((f) => (
                      <label key={f.name}>
                        <input
                          type="checkbox"
                          checked={f.on}
                          onChange={(e) =>
                            change(i, {
                              fields: s.fields.map((x) =>
                                x.name === f.name ? { ...x, on: e.target.checked } : x,
                              ),
                            })
                          }
                        />
                        {p(`fields.${f.name}`)}
                      </label>
                    ))}
                  </div>
                ) : null}
              </div>
            ) : null,
          )}
        </fieldset>
      ))}
      {problem ? (
        <p className="muted" role="note">
          {problem.kind === 'emptySection'
            ? t('forms.emptySection', { section: p(`sections.${problem.section}`) })
            : problem.kind === 'twice'
              ? t('forms.twice', { field: p(`fields.${problem.field}`) })
              : t('forms.unchanged')}
        </p>
      ) : null}
      <ErrorText error={error} />
      <button type="submit" className="button button--primary" disabled={busy || problem !== null}>
        {t('forms.publish')}
      </button>
    </form>
  );
}

/** Each hotline's form versions: which is current, what each shows, and publishing the next. */
export function FormsPanel({ hotlines }: { hotlines: string[] }) {
  const { t } = useT('admin');
  const [hotline, setHotline] = useState(hotlines[0] ?? '');
  const [data, setData] = useState<TFormVersions | null>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  const [published, setPublished] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback((number: string) => {
    setData(null);
    setError(null);
    if (number) fetchFormVersions(number).then(setData, setError);
  }, []);
  useEffect(() => load(hotline), [hotline, load]);
  const current = data?.versions[0]?.definition ?? data?.shipped ?? null;
  const shown = data?.versions.find((v) => v.version === viewing) ?? null;
  return (
    <section className="panel" aria-labelledby="forms-title">
      <h2 id="forms-title">{t('sections.forms')}</h2>
      <p className="muted">{t('forms.intro')}</p>
      <label>
        {t('forms.hotline')}{' '}
        <select
          value={hotline}
          onChange={(e) => {
            setViewing(null);
            setPublished(null);
            setHotline(e.target.value);
          }}
        >
          {hotlines.map((h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
        </select>
      </label>
      <ErrorText error={error} />
      {published !== null ? (
        <p role="status">{t('forms.published', { version: published })}</p>
      ) : null}
      {data ? (
        <>
          <h3>{t('forms.versions')}</h3>
          {data.versions.length === 0 ? <p>{t('forms.none')}</p> : null}
          <table data-testid="form-versions">
            <thead>
              <tr>
                <th>{t('forms.versions')}</th>
                <th>{t('forms.publishedAt')}</th>
                <th>{t('forms.publishedBy')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {data.versions.map((v) => (
                <tr key={v.version} data-testid={`form-version-${v.version}`}>
                  <th scope="row">
                    {t('forms.version', { version: v.version })}{' '}
                    {v.version === data.current ? (
                      <span className="tag">{t('forms.current')}</span>
                    ) : null}
                  </th>
                  <td>{formatDateTime(v.createdAt)}</td>
                  <td>{v.createdBy ?? t('forms.system')}</td>
                  <td>
                    <button
                      type="button"
                      className="button"
                      aria-pressed={viewing === v.version}
                      onClick={() => setViewing(v.version)}
                    >
                      {t('forms.view', { version: v.version })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {shown ? (
            <DefinitionView
              definition={shown.definition}
              title={t('forms.viewing', { version: shown.version })}
            />
          ) : data.versions.length === 0 ? (
            <DefinitionView definition={data.shipped} title={t('forms.shipped')} />
          ) : null}
          {current ? (
            <FormEditor
              key={`${data.hotline}-${data.current ?? 0}`}
              hotline={data.hotline}
              current={current}
              shipped={data.shipped}
              onPublished={(version) => {
                setPublished(version);
                setViewing(version);
                load(data.hotline);
              }}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
