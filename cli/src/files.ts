// Turns the PATH|GLOB arguments of `eci validate` into a list of files to read.
//   - an existing file is taken as named (whatever its name);
//   - an existing directory is searched recursively for *.eci.yaml / *.eci.yml;
//   - anything else containing `*`, `?` or `[` is a glob over files (`**` spans directories);
//   - anything else is reported as not found.
// node_modules and .git are never entered while searching (unless a glob names them literally).
// Symbolic links to files are followed; symbolic links to directories are not (no cycles).
import { readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join, resolve, relative, isAbsolute, sep } from 'node:path';
import type { FileKindName } from './locale';

export const DOCUMENT_SUFFIXES = ['.eci.yaml', '.eci.yml'];
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

export interface FileProblem {
  /** The argument or path concerned, as the user would recognise it. */
  path: string;
  /** What went wrong, in the caller's words (`kind` lets the caller localise). */
  kind: 'not-found' | 'no-match' | 'no-documents' | 'unreadable-directory' | 'not-regular' | 'bad-pattern';
  /** The errno (unreadable-directory), the kind of file (not-regular), the faulty class (bad-pattern). */
  detail?: string;
}

export interface FileList {
  /** Absolute paths, in argument order, each once. */
  files: string[];
  problems: FileProblem[];
}

export function isDocumentName(name: string): boolean {
  return DOCUMENT_SUFFIXES.some((s) => name.endsWith(s) && name.length > s.length);
}

export function hasGlobMagic(arg: string): boolean {
  return /[*?[]/.test(arg);
}

export function expandArguments(args: string[], cwd: string): FileList {
  const files: string[] = [];
  const seen = new Set<string>();
  const problems: FileProblem[] = [];
  const add = (abs: string) => {
    if (!seen.has(abs)) {
      seen.add(abs);
      files.push(abs);
    }
  };

  for (const arg of args) {
    const abs = resolve(cwd, arg);
    const st = statOrUndefined(abs);
    if (st?.isFile()) {
      add(abs);
    } else if (st?.isDirectory()) {
      const found: string[] = [];
      const problemsBefore = problems.length;
      walk(abs, (p, name) => isDocumentName(name) && found.push(p), problems, cwd);
      if (found.length === 0 && problems.length === problemsBefore) {
        problems.push({ path: arg, kind: 'no-documents' });
      }
      found.sort().forEach(add);
    } else if (st) {
      // A FIFO, a device or a socket: named, never opened (reading one can block or never end).
      problems.push({ path: arg, kind: 'not-regular', detail: specialKind(st) });
    } else if (hasGlobMagic(arg)) {
      let found: string[];
      try {
        found = expandGlob(arg, cwd, problems);
      } catch (err) {
        if (!(err instanceof GlobPatternError)) throw err;
        problems.push({ path: arg, kind: 'bad-pattern', detail: err.characterClass });
        continue;
      }
      if (found.length === 0) problems.push({ path: arg, kind: 'no-match' });
      found.sort().forEach(add);
    } else {
      problems.push({ path: arg, kind: 'not-found' });
    }
  }
  return { files, problems };
}

/** Expands one glob (relative to cwd or absolute) to the absolute paths of the files it matches. */
export function expandGlob(pattern: string, cwd: string, problems: FileProblem[] = []): string[] {
  const normalized = pattern.split(sep).join('/');
  const absolute = isAbsolute(normalized);
  const segments = normalized.split('/').filter((s, i) => s !== '' || i === 0);
  // The static prefix: segments before the first one with glob characters.
  let firstMagic = segments.findIndex((s) => hasGlobMagic(s));
  if (firstMagic < 0) firstMagic = segments.length;
  const baseSegments = segments.slice(0, firstMagic);
  const base = absolute ? resolve('/', ...baseSegments.filter(Boolean)) : resolve(cwd, ...baseSegments);
  const patternSegments = segments.slice(firstMagic);
  if (patternSegments.length === 0) return [];
  const matcher = globToRegExp(patternSegments.join('/'));
  const namesSkippedLiterally = new Set(patternSegments.filter((s) => SKIPPED_DIRECTORIES.has(s)));
  const out: string[] = [];
  if (!statOrUndefined(base)?.isDirectory()) return out;
  walk(
    base,
    (p) => {
      const rel = relative(base, p).split(sep).join('/');
      if (matcher.test(rel)) out.push(p);
    },
    problems,
    cwd,
    namesSkippedLiterally,
  );
  return out;
}

/** A glob that cannot be a pattern (`[z-a]`: a range out of order). */
export class GlobPatternError extends Error {
  constructor(readonly characterClass: string) {
    super(`the character class ${characterClass} is not valid`);
  }
}

/** What a path that is neither a regular file nor a directory is (for messages). */
export function specialKind(st: Stats): FileKindName {
  if (st.isFIFO()) return 'fifo';
  if (st.isCharacterDevice()) return 'character-device';
  if (st.isBlockDevice()) return 'block-device';
  if (st.isSocket()) return 'socket';
  return 'other';
}

/**
 * A glob over '/'-separated relative paths: `**` (a whole segment) matches zero or more
 * directories, `*` any run of characters within a segment, `?` one character, `[abc]`/`[!a-z]`
 * one character of a class. Wildcards do not match a leading `.` of a segment (as in a shell).
 */
export function globToRegExp(glob: string): RegExp {
  const segments = glob.split('/');
  let re = '^';
  segments.forEach((seg, i) => {
    const last = i === segments.length - 1;
    if (seg === '**') {
      // zero or more whole segments that do not start with '.'
      re += last ? '(?:(?!\\.)[^/]*(?:/(?!\\.)[^/]*)*)?' : '(?:(?!\\.)[^/]*/)*';
      return;
    }
    if (!seg.startsWith('.') && /^[*?[]/.test(seg)) re += '(?!\\.)';
    for (let k = 0; k < seg.length; k++) {
      const c = seg[k];
      if (c === '*') re += '[^/]*';
      else if (c === '?') re += '[^/]';
      else if (c === '[') {
        const close = seg.indexOf(']', k + 2);
        if (close < 0) {
          re += '\\[';
          continue;
        }
        let body = seg.slice(k + 1, close);
        const negated = body.startsWith('!') || body.startsWith('^');
        if (negated) body = body.slice(1);
        const cls = `[${negated ? '^/' : ''}${body.replace(/[\\\]^]/g, (m) => '\\' + m)}]`;
        try {
          new RegExp(cls);
        } catch {
          throw new GlobPatternError(seg.slice(k, close + 1));
        }
        re += cls;
        k = close;
      } else re += c.replace(/[.+^${}()|\\]/g, (m) => '\\' + m);
    }
    if (!last) re += '/';
  });
  return new RegExp(re + '$');
}

function walk(
  dir: string,
  onFile: (path: string, name: string) => void,
  problems: FileProblem[],
  cwd: string,
  allowedSkipped: Set<string> = new Set(),
): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    problems.push({
      path: displayPath(dir, cwd),
      kind: 'unreadable-directory',
      detail: (err as NodeJS.ErrnoException).code ?? (err as Error).message,
    });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (SKIPPED_DIRECTORIES.has(e.name) && !allowedSkipped.has(e.name)) continue;
      walk(p, onFile, problems, cwd, allowedSkipped);
    } else if (e.isFile()) {
      onFile(p, e.name);
    } else if (e.isSymbolicLink()) {
      if (statOrUndefined(p)?.isFile()) onFile(p, e.name);
    }
  }
}

function statOrUndefined(p: string) {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}

/** A path as shown to the user: relative to cwd when inside it, absolute otherwise; always with '/'. */
export function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  if (rel === '') return '.';
  if (rel.startsWith('..') || isAbsolute(rel)) return abs;
  return rel.split(sep).join('/');
}
