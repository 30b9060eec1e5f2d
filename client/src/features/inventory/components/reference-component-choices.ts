import { useMemo } from 'react';
import type { ReferenceComponent } from '@tm/shared/schemas/reference-component';
import type { Choice } from '../../../components/ui/multi-combobox.tsx';

/** The GEMMA reference components as choices of a combobox, found by typing part of their name. */
export function useReferenceComponentChoices(referenceComponents: readonly ReferenceComponent[]): Choice[] {
  return useMemo(() => referenceComponents.map((rc) => ({ value: rc.id, label: rc.name })), [referenceComponents]);
}
