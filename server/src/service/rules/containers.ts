// Container rules: unique names across Container and InitContainer, init containers with name and
// image, a terminal for /bin/bash.
import { wirePathOf } from '../schema';
import { allContainers, objectItems, present, type RuleChecker } from './context';

export const containerRules: RuleChecker = {
  ids: ['container.duplicate-name', 'init-container.name-and-image', 'container.tty-for-bash'],
  check(ctx) {
    const firstUse = new Map<string, string>();
    for (const { list, index, item } of allContainers(ctx.value)) {
      const name = item.Name;
      if (typeof name !== 'string') continue;
      const where = `${list} #${index + 1}`;
      const first = firstUse.get(name);
      if (first) ctx.report('container.duplicate-name', [list, index, 'Name'], ctx.m.rule.duplicateContainerName(name, first));
      else firstUse.set(name, where);
    }
    for (const [i, item] of objectItems(ctx.value.InitContainer)) {
      const missing = ['Name', 'Image'].filter((k) => !present(item, k));
      if (missing.length) ctx.report('init-container.name-and-image', ['InitContainer', i], ctx.m.rule.initContainerMissing(wirePathOf(['InitContainer', i]), missing), 'parent');
    }
    for (const [i, item] of objectItems(ctx.value.Container)) {
      const command = item.Command;
      if (!Array.isArray(command) || typeof command[0] !== 'string') continue;
      if (!/^(\/usr)?(\/bin\/)?bash$/.test(command[0].trim())) continue;
      // `bash -c "..."` runs a script and exits by design; only an interactive shell needs the terminal.
      const args = [...command.slice(1), ...(Array.isArray(item.Arg) ? item.Arg : [])];
      if (args.some((a) => typeof a === 'string' && /^-\w*c/.test(a))) continue;
      if (item.Tty !== true) ctx.report('container.tty-for-bash', ['Container', i, 'Command'], ctx.m.rule.ttyForBash(wirePathOf(['Container', i])), 'key');
    }
  },
};
