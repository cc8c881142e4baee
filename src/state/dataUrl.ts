import type { StoreApi } from 'zustand/vanilla';
import type { DataState, SubsetFields } from './dataStore.ts';
import { SETTINGS, type Setting, type SettingValue } from './settings.ts';
import { readSetting } from './urlHash.ts';

/**
 * The data store's side of the link: the `data.*` settings (SETTINGS, field `data.<field>`) are
 * the subset fields. Only a choice (typed, or from a link) is written; subset fields that a load
 * set (the stored subset's own request) are not, because the same load sets them again for
 * whoever opens the link.
 */

const DATA = 'data.';

/** The `data.*` settings, in declaration order. */
export const DATA_SETTINGS = SETTINGS.filter((s) => s.field?.startsWith(DATA));

/** `data.trainPerClass` -> `trainPerClass`. */
function fieldOf(setting: Setting): keyof SubsetFields {
  return setting.field?.slice(DATA.length) as keyof SubsetFields;
}

/**
 * The values of the `data.*` settings: the chosen fields as the link spells them (text that
 * cannot be read gives the default, silently: the field itself shows the error), or the defaults.
 */
export function dataValues(
  data: Pick<DataState, 'fields' | 'fieldsChosen'>,
): Record<string, SettingValue> {
  const out: Record<string, SettingValue> = {};
  for (const s of DATA_SETTINGS) {
    out[s.key] = data.fieldsChosen ? readSetting(s, data.fields[fieldOf(s)]).value : s.default;
  }
  return out;
}

/**
 * Sets the subset fields from a link's values, but only where they differ from what the store's
 * link says now: a link without `data.*` keys leaves a loaded subset alone, and an unchanged
 * subset is not drawn again.
 */
export function applyDataValues(
  data: StoreApi<DataState>,
  values: Readonly<Record<string, SettingValue>>,
): void {
  const now = dataValues(data.getState());
  if (DATA_SETTINGS.every((s) => values[s.key] === now[s.key])) return;
  const patch: Partial<Record<keyof SubsetFields, string>> = {};
  for (const s of DATA_SETTINGS) patch[fieldOf(s)] = String(values[s.key] ?? s.default);
  data.getState().setSubsetFields(patch);
}
