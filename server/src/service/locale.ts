// The display language, read from whatever an editor, a CLI flag or the environment says: one
// implementation for the language service, the server, the CLI and the call layer.

export type Locale = 'en' | 'ja';

/**
 * Japanese for `ja` and its regional and POSIX forms (`ja-JP`, `ja_JP`, `ja_JP.UTF-8`, `ja.UTF-8`,
 * `ja_JP@...`); English for anything else (`jav` is not Japanese).
 */
export function localeOf(locale: string | undefined): Locale {
  return locale && /^ja([_.@-]|$)/i.test(locale.trim()) ? 'ja' : 'en';
}

/**
 * The locale the environment names, in the POSIX order LC_ALL, LC_MESSAGES, LANG (empty values
 * skipped); undefined when none is set. What a terminal program or a server started by an editor
 * that says nothing about the language goes by.
 */
export function environmentLocale(env: Record<string, string | undefined>): string | undefined {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const v = env[name];
    if (v && v.trim()) return v;
  }
  return undefined;
}
