import { useCallback, useEffect, useState } from 'react';
import { formatDateTime } from '../../../shared/format/date-format';
import { useT } from '../../../shared/i18n/i18n';
import { ErrorText } from '../../../shared/ui/error-text';
import {
  changeConsentRequirement,
  childConsentRules,
  consentScopes,
  fetchConsentRequirements,
  type TConsentRequirementRow,
} from '../api/consent-requirements.api';

function RequirementRow({
  row,
  onSaved,
}: {
  row: TConsentRequirementRow;
  onSaved: (list: TConsentRequirementRow[]) => void;
}) {
  const { t } = useT('admin');
  const [scope, setScope] = useState<string>(row.scope ?? '');
  const [childRule, setChildRule] = useState<string>(row.childRule);
  const [error, setError] = useState<unknown>(null);
  const kind = t(`partners.kinds.${row.partnerKind}`);
  const save = () => {
    setError(null);
    changeConsentRequirement(row.partnerKind, {
      scope: (scope || null) as TConsentRequirementRow['scope'],
      childRule: childRule as TConsentRequirementRow['childRule'],
      version: row.version,
    }).then(onSaved, setError);
  };
  return (
    <tr data-testid={`consent-requirement-${row.partnerKind}`}>
      <th scope="row">{kind}</th>
      <td>
        <select
          aria-label={`${t('consent.scope')}: ${kind}`}
          value={scope}
          onChange={(e) => setScope(e.target.value)}
        >
          <option value="">{t('consent.none')}</option>
          {consentScopes.map((s) => (
            <option key={s} value={s}>
              {t(`consent.scopes.${s}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select
          aria-label={`${t('consent.childRule')}: ${kind}`}
          value={childRule}
          onChange={(e) => setChildRule(e.target.value)}
        >
          {childConsentRules.map((r) => (
            <option key={r} value={r}>
              {t(`consent.childRules.${r}`)}
            </option>
          ))}
        </select>
        <ErrorText error={error} />
      </td>
      <td>
        {row.version === 0 ? t('consent.shipped') : row.version}
        {row.changedAt ? (
          <>
            <br />
            <small className="muted">{formatDateTime(row.changedAt)}</small>
          </>
        ) : null}
      </td>
      <td>
        <button
          type="button"
          className="button"
          aria-label={t('consent.saveFor', { kind })}
          onClick={save}
        >
          {t('form.save')}
        </button>
      </td>
    </tr>
  );
}

/** Which consent each kind of partner needs before a referral reaches it (versioned, audited). */
export function ConsentPanel() {
  const { t } = useT('admin');
  const [rows, setRows] = useState<TConsentRequirementRow[] | null>(null);
  const [saved, setSaved] = useState<TConsentRequirementRow | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    fetchConsentRequirements().then(setRows, setError);
  }, []);
  useEffect(load, [load]);
  return (
    <section className="panel" aria-labelledby="consent-requirements-title">
      <h2 id="consent-requirements-title">{t('sections.consent')}</h2>
      <p className="muted">{t('consent.intro')}</p>
      <ErrorText error={error} />
      {saved ? (
        <p role="status">
          {t('consent.saved', {
            kind: t(`partners.kinds.${saved.partnerKind}`),
            version: saved.version,
          })}
        </p>
      ) : null}
      {rows ? (
        <table>
          <thead>
            <tr>
              <th>{t('consent.kind')}</th>
              <th>{t('consent.scope')}</th>
              <th>{t('consent.childRule')}</th>
              <th>{t('consent.version')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <RequirementRow
                key={`${row.partnerKind}-${row.version}`}
                row={row}
                onSaved={(list) => {
                  setRows(list);
                  setSaved(list.find((r) => r.partnerKind === row.partnerKind) ?? null);
                }}
              />
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
