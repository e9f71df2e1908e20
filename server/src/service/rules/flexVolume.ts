// FlexVolume rules: Options is a JSON object; for cloud disks its keys, sizes and encryption.
import { nearest } from '../suggest';
import { objectItems, isObject, type RuleFamily } from './context';

/** The driver whose options are documented (reference lines 1698-1712). */
const DISK_DRIVER = 'alicloud/disk';
const DISK_OPTION_KEYS = ['volumeId', 'volumeSize', 'performanceLevel', 'deleteWithInstance', 'encrypted', 'kmsKeyId'];
const BOOLEAN_OPTIONS = ['deleteWithInstance', 'encrypted'];
/** Cloud disk size in GiB (reference line 1708). */
const MIN_DISK_GIB = 20;
const MAX_DISK_GIB = 32768;

const isTrue = (v: unknown) => v === true || v === 'true';
const isBooleanLike = (v: unknown) => typeof v === 'boolean' || v === 'true' || v === 'false';

export const flexVolumeRules: RuleFamily = {
  rules: {
    'flex-volume.options-json': {},
    'flex-volume.undocumented-option': {},
    'flex-volume.volume-size': {},
    'flex-volume.kms-requires-encrypted': {},
  },
  check(ctx) {
    for (const [i, vol] of objectItems(ctx.value.Volume)) {
      const flex = vol.FlexVolume;
      // Options: "" is "not set" (generators send it for every volume).
      if (!isObject(flex) || typeof flex.Options !== 'string' || flex.Options === '') continue;
      const path = ['Volume', i, 'FlexVolume', 'Options'];
      let options: unknown;
      try {
        options = JSON.parse(flex.Options);
      } catch (err) {
        ctx.report('flex-volume.options-json', path, ctx.m.rule.flexOptionsNotJson((err as Error).message));
        continue;
      }
      if (!isObject(options)) {
        ctx.report('flex-volume.options-json', path, ctx.m.rule.flexOptionsNotJson(ctx.m.rule.flexOptionsNotObject));
        continue;
      }
      const isDisk = flex.Driver === DISK_DRIVER;
      if (isDisk) {
        // The reference lists the keys it documents; the driver reads the options and may take others.
        const unknown = Object.keys(options).filter((k) => !DISK_OPTION_KEYS.includes(k));
        if (unknown.length) {
          const suggestions = unknown
            .map((k) => nearest(k, DISK_OPTION_KEYS))
            .filter((s): s is string => s !== undefined);
          ctx.report(
            'flex-volume.undocumented-option',
            path,
            ctx.m.rule.flexOptionsUndocumentedKey(unknown, DISK_OPTION_KEYS, suggestions),
          );
        }
      }
      const notBoolean = BOOLEAN_OPTIONS.find(
        (k) => k in options! && !isBooleanLike((options as Record<string, unknown>)[k]),
      );
      if (notBoolean) {
        ctx.report('flex-volume.options-json', path, ctx.m.rule.flexOptionsNotBoolean(notBoolean));
        continue;
      }
      if ('volumeSize' in options) {
        const raw = options.volumeSize;
        const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
        if (!Number.isInteger(n) || n < MIN_DISK_GIB || n > MAX_DISK_GIB) {
          ctx.report(
            'flex-volume.volume-size',
            path,
            ctx.m.rule.flexVolumeSize(JSON.stringify(raw), MIN_DISK_GIB, MAX_DISK_GIB),
          );
        }
      }
      if ('kmsKeyId' in options && options.kmsKeyId !== '' && !isTrue(options.encrypted)) {
        ctx.report('flex-volume.kms-requires-encrypted', path, ctx.m.rule.flexKmsWithoutEncrypted());
      }
    }
  },
};
