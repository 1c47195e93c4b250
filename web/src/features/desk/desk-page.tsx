import { useT } from '../../shared/i18n/i18n';
import './desk.strings';

export default function DeskPage() {
  const { t } = useT('desk');
  return <h1>{t('title')}</h1>;
}
