// Container rules: unique names across Container and InitContainer, init containers with name and
// image, a terminal for /bin/bash.
import { wirePathOf } from '../schema';
import { allContainers, objectItems, present, type RuleFamily } from './context';

export const containerRules: RuleFamily = {
  rules: {
    'container.duplicate-name': {},
    'init-container.name-and-image': { saysMissing: true },
    'container.tty-for-bash': {
      saysMissing: true,
      fixes: (f, d) => {
        const container = f.ctx.pathForWire(d.range, 'Container[]', false);
        const edit = container && f.ctx.setPair(container, 'Tty', true);
        return edit ? [f.quickFix(f.t.setValue('Tty', 'true'), [edit], d, true)] : [];
      },
    },
  },
  check(ctx) {
    const firstUse = new Map<string, string>();
    for (const { list, index, item } of allContainers(ctx.value)) {
      const name = item.Name;
      if (typeof name !== 'string') continue;
      const where = `${list} #${index + 1}`;
      const first = firstUse.get(name);
      if (first)
        ctx.report('container.duplicate-name', [list, index, 'Name'], ctx.m.rule.duplicateContainerName(name, first));
      else firstUse.set(name, where);
    }
    for (const [i, item] of objectItems(ctx.value.InitContainer)) {
      const missing = ['Name', 'Image'].filter((k) => !present(item, k));
      if (missing.length)
        ctx.report(
          'init-container.name-and-image',
          ['InitContainer', i],
          ctx.m.rule.initContainerMissing(wirePathOf(['InitContainer', i]), missing),
          'parent',
        );
    }
    for (const [i, item] of objectItems(ctx.value.Container)) {
      const command = item.Command;
      if (!Array.isArray(command) || typeof command[0] !== 'string') continue;
      if (!/^(\/usr)?(\/bin\/)?bash$/.test(command[0].trim())) continue;
      // `bash -c "..."` and `bash /app/run.sh` run a script and exit by design; only an interactive
      // shell (options alone, no script, no -c) needs the terminal.
      const args = [...command.slice(1), ...(Array.isArray(item.Arg) ? item.Arg : [])];
      const runsScript = args.some(
        (a) => typeof a !== 'string' || !a.trim().startsWith('-') || /^-[a-zA-Z]*c/.test(a.trim()),
      );
      if (runsScript) continue;
      if (item.Tty !== true)
        ctx.report(
          'container.tty-for-bash',
          ['Container', i, 'Command'],
          ctx.m.rule.ttyForBash(wirePathOf(['Container', i])),
          'key',
        );
    }
  },
};
