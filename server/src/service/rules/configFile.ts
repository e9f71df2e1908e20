// ConfigFile volume rules: Base64 content, 32 KB per file, 60 KB per volume, octal modes.
import { isScalar } from 'yaml';
import { locate } from '../ast';
import { wirePathOf } from '../schema';
import { scalarString } from '../tree';
import { objectItems, present, isObject, type RuleFamily } from './context';

/** One file, decoded (reference line 1678). */
const MAX_FILE_BYTES = 32 * 1024;
/** Decimal forms of common modes (as JSON Kubernetes manifests write them) -> the octal spelling. */
const DECIMAL_MODES: Readonly<Record<string, string>> = {
  '420': '0644',
  '493': '0755',
  '365': '0555',
  '292': '0444',
  '384': '0600',
};

/** All Content values of one volume, as Base64 text (reference line 1626). */
const MAX_VOLUME_CHARS = 60 * 1024;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function isBase64(s: string): boolean {
  return s.length % 4 === 0 && BASE64.test(s);
}

function decodedBytes(s: string): number {
  const padding = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  return (s.length / 4) * 3 - padding;
}

export const configFileRules: RuleFamily = {
  rules: {
    'config-file.base64': {
      fixes: (f, d) => {
        const at = f.ctx.valueAt(d.range);
        if (!at || !isScalar(at.node)) return [];
        const content = scalarString(at.node);
        if (content === undefined) return [];
        const encoded = Buffer.from(content, 'utf8').toString('base64');
        return [f.quickFix(f.t.base64(wirePathOf(at.path)), [f.ctx.replaceNode(at.node, encoded)], d, true)];
      },
    },
    'config-file.max-file-size': {},
    'config-file.max-volume-size': {},
    'config-file.mode-octal': {},
    'config-file.mode-decimal': {
      fixes: (f, d) => {
        const at = f.ctx.valueAt(d.range);
        if (!at || !isScalar(at.node)) return [];
        const written = String(at.node.value);
        const octal = DECIMAL_MODES[written];
        return octal ? [f.quickFix(f.t.octalMode(written, octal), [f.ctx.replaceNode(at.node, octal)], d, true)] : [];
      },
    },
  },
  check(ctx) {
    for (const [i, vol] of objectItems(ctx.value.Volume)) {
      const cfg = vol.ConfigFileVolume;
      if (!isObject(cfg)) continue;
      const checkMode = (path: (string | number)[]) => {
        const node = locate(ctx.parsed, path).value;
        if (!node || !isScalar(node) || !node.range) return;
        const written = ctx.parsed.text
          .slice(node.range[0], node.range[1])
          .trim()
          .replace(/^["']|["']$/g, '');
        const octal = DECIMAL_MODES[written];
        if (octal)
          ctx.report('config-file.mode-decimal', path, ctx.m.rule.modeDecimal(wirePathOf(path), written, octal));
        else if (!/^[0-7]{1,4}$/.test(written))
          ctx.report('config-file.mode-octal', path, ctx.m.rule.modeNotOctal(wirePathOf(path), written));
      };
      if (present(cfg, 'DefaultMode')) checkMode(['Volume', i, 'ConfigFileVolume', 'DefaultMode']);
      let total = 0;
      const files = objectItems(cfg.ConfigFileToPath);
      for (const [j, file] of files) {
        const path = ['Volume', i, 'ConfigFileVolume', 'ConfigFileToPath', j];
        if (present(file, 'Mode')) checkMode([...path, 'Mode']);
        if (typeof file.Content !== 'string') continue;
        total += file.Content.length;
        if (!isBase64(file.Content)) {
          ctx.report(
            'config-file.base64',
            [...path, 'Content'],
            ctx.m.rule.configFileNotBase64(wirePathOf([...path, 'Content'])),
          );
          continue;
        }
        const bytes = decodedBytes(file.Content);
        if (bytes > MAX_FILE_BYTES)
          ctx.report(
            'config-file.max-file-size',
            [...path, 'Content'],
            ctx.m.rule.configFileTooLarge(bytes, MAX_FILE_BYTES),
          );
      }
      if (total > MAX_VOLUME_CHARS) {
        ctx.report(
          'config-file.max-volume-size',
          ['Volume', i, 'ConfigFileVolume', 'ConfigFileToPath'],
          ctx.m.rule.configVolumeTooLarge(total, MAX_VOLUME_CHARS),
          'key',
        );
      }
    }
  },
};
