// Debian packages that test layers and `npm start` need (Chromium for the VS Code runtime; Neovim,
// Emacs and Eglot for the editors layer), installed on first use: with apt-get when this runs as
// root on Debian (as on a fresh CI machine), so that `npm test` needs no set-up of its own; elsewhere
// an error says what to install. Off Debian (no dpkg) nothing is checked: the caller finds its tools.
import { spawnSync } from 'node:child_process';

/** Whether a Debian package is installed (false where there is no dpkg). */
export function debianPackageInstalled(name) {
  return spawnSync('dpkg', ['-s', name], { stdio: 'ignore' }).status === 0;
}

/**
 * Installs the missing packages of `packages` (`apt-get update` once, then one `apt-get install`).
 *   purpose  what needs them, for the messages ("the VS Code runtime", "the editors test layer")
 *   log      where progress goes (stderr by default)
 */
export function ensureDebianPackages(
  packages,
  { purpose = 'this command', log = (m) => process.stderr.write(`${m}\n`) } = {},
) {
  if (process.platform !== 'linux' || spawnSync('dpkg', ['--version'], { stdio: 'ignore' }).status !== 0) return;
  const missing = packages.filter((p) => !debianPackageInstalled(p));
  if (!missing.length) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Debian packages needed by ${purpose} are missing: run \`sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}\``,
    );
  }
  log(`installing Debian packages for ${purpose}: ${missing.join(' ')}`);
  const started = Date.now();
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Another apt-get (a second test layer, the user's own) may hold the dpkg lock: wait for it rather than fail.
  const wait = ['-o', 'DPkg::Lock::Timeout=600'];
  for (const args of [
    [...wait, 'update', '-qq'],
    [...wait, 'install', '-y', '-qq', ...missing],
  ]) {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (r.status !== 0)
      throw new Error(
        `apt-get ${args.join(' ')} failed (exit ${r.status}); install ${missing.join(' ')} and run again`,
      );
  }
  log(`installed ${missing.join(' ')} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  // node scripts/debian-packages.mjs PACKAGE...   (what the test layers run before they start)
  try {
    ensureDebianPackages(process.argv.slice(2), { purpose: 'the command line' });
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
