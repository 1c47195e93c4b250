import { useEffect, useState } from 'react';
import type { TFormDefinitionView } from '../../../../../src/contracts/victim-profile';
import { getFormDefinition } from '../api/form-definitions.api';

/**
 * The hotline's form definition. Switching hotline shows none of the previous hotline's
 * sections while the new one loads, and a late answer for the old hotline is dropped.
 */
export function useFormDefinition(hotline: string) {
  const [view, setView] = useState<TFormDefinitionView | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setView(null);
    if (!hotline) return;
    let current = true;
    getFormDefinition(hotline).then(
      (v) => current && setView(v),
      (e: unknown) => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [hotline]);
  return { view, error };
}
