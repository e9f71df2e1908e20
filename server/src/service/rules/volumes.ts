// Volume rules: unique names, mounts naming a defined volume, settings matching the volume's Type.
import { isMap } from 'yaml';
import type { CodeAction } from 'vscode-languageserver-types';
import { childSchema, isObjectSchema, schemaAtPath } from '../schema';
import { nodeAtOffset, pairOf, scalarString } from '../tree';
import type { QuickFix } from '../fix';
import { allContainers, allUnset, explainedBySchema, objectItems, present, type RuleFamily } from './context';

/** The settings objects a volume item may carry (EmptyDirVolume, NFSVolume, ...), read from the schema. */
function volumeKinds(): string[] {
  const item = schemaAtPath(['Volume', 0]);
  return Object.keys(item?.properties ?? {}).filter((k) => isObjectSchema(childSchema(item, k)));
}

export const volumeRules: RuleFamily = {
  rules: {
    'volume.duplicate-name': {},
    'volume-mount.unknown-volume': { fixes: (f, d) => createVolume(f, d) },
    'volume.type-mismatch': { saysMissing: true, fixes: (f, d) => matchType(f, d) },
    'volume.unset-settings-of-other-type': {},
  },
  check(ctx) {
    const volumes = objectItems(ctx.value.Volume);
    const names = new Set<string>();
    for (const [i, vol] of volumes) {
      if (typeof vol.Name !== 'string') continue;
      if (names.has(vol.Name))
        ctx.report('volume.duplicate-name', ['Volume', i, 'Name'], ctx.m.rule.duplicateVolumeName(vol.Name));
      else names.add(vol.Name);
    }
    /** The defined names as shown in a message (the first ones of a long list). */
    const shown = [...names].slice(0, 20);
    // A volume whose Name is empty, misspelt (`Nmae:`) or not a string, or a Volume that
    // is misspelt or not a list of mappings, is the schema's finding: the defined names are not all
    // known then, and a mount naming that volume would be reported twice (and falsely). An empty
    // `Volume:` defines no volume, truly: its mounts are reported (the quick fix fills the list).
    const list = ctx.value.Volume;
    const namesKnown =
      list === null ||
      (list === undefined && !explainedBySchema(ctx.value, [], 'Volume')) ||
      (Array.isArray(list) &&
        volumes.length === list.length &&
        volumes.every(
          ([i, vol]) =>
            typeof vol.Name === 'string' || (!('Name' in vol) && !explainedBySchema(vol, ['Volume', i], 'Name')),
        ));
    for (const { list, index, item } of namesKnown ? allContainers(ctx.value) : []) {
      for (const [j, mount] of objectItems(item.VolumeMount)) {
        if (typeof mount.Name !== 'string') continue;
        if (names.has(mount.Name)) continue;
        // Volumes written without a Name are not "no Volume": say what is missing.
        const message =
          !shown.length && volumes.length
            ? ctx.m.rule.unknownVolumeNoneNamed(mount.Name)
            : ctx.m.rule.unknownVolume(mount.Name, shown);
        ctx.report('volume-mount.unknown-volume', [list, index, 'VolumeMount', j, 'Name'], message);
      }
    }
    const kinds = volumeKinds();
    for (const [i, vol] of volumes) {
      const settings = kinds.filter((k) => present(vol, k));
      const type = typeof vol.Type === 'string' ? vol.Type : undefined;
      if (type && kinds.includes(type)) {
        for (const s of settings) {
          if (s === type) continue;
          // Generators send every kind's fields, empty when unset: that is "not set", not a conflict.
          if (allUnset(vol[s]))
            ctx.report(
              'volume.unset-settings-of-other-type',
              ['Volume', i, s],
              ctx.m.rule.volumeUnsetSettingsOfOtherType(s, type),
              'key',
            );
          else
            ctx.report('volume.type-mismatch', ['Volume', i, s], ctx.m.rule.volumeSettingsOfOtherType(s, type), 'key');
        }
      } else if (!type && !present(vol, 'Type')) {
        for (const s of settings)
          ctx.report('volume.type-mismatch', ['Volume', i, s], ctx.m.rule.volumeSettingsWithoutType(s), 'key');
      }
    }
  },
};

/** The volume type the quick fix creates for a mount that names no volume: needs no other settings. */
const NEW_VOLUME_TYPE = 'EmptyDirVolume';

/** Defines the volume a mount names, as an empty directory. */
const createVolume: QuickFix = (f, d) => {
  const at = f.ctx.valueAt(d.range);
  const name = at ? scalarString(at.node) : undefined;
  if (!name) return [];
  const edit = f.ctx.appendListItem(['Volume'], { Name: name, Type: NEW_VOLUME_TYPE });
  return edit ? [f.quickFix(f.t.createVolume(name, NEW_VOLUME_TYPE), [edit], d, true)] : [];
};

/** Settings of another type (`EmptyDirVolume:` in an NFSVolume): set Type to them, or remove them. */
const matchType: QuickFix = (f, d) => {
  const { ctx } = f;
  // The range is the settings key (`EmptyDirVolume:`) of a volume whose Type is another one, or absent.
  const at = nodeAtOffset(ctx.parsed, ctx.parsed.offsetAt(d.range.start));
  if (!at.onKey || at.path.length !== 3 || at.path[0] !== 'Volume' || typeof at.path[1] !== 'number') return [];
  const settings = String(at.path[2]);
  const volumePath = at.path.slice(0, 2);
  const volume = ctx.nodeAt(volumePath);
  if (!isMap(volume)) return [];
  const out: CodeAction[] = [];
  const setType = ctx.setPair(volumePath, 'Type', settings);
  if (setType) out.push(f.quickFix(f.t.setValue('Type', settings), [setType], d, !pairOf(volume, 'Type')));
  if (pairOf(volume, 'Type')) out.push(...f.removeKey(d));
  return out;
};
