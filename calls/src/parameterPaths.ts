// Where a service error lands in the document: the flattened wire keys that the parameter paths of a
// `service-error` outcome (`Container[].Name`, `VSwitchId`, `Container.1.Image`) name. Both front doors
// place their findings with it (the editor's diagnostics, the CLI's file:line:column lines).
import { compareWireKeys } from './display';

/**
 * The flattened wire keys (keys of `locations`) that a parameter path names. A path is either a
 * flattened key (`Container.1.Name`), or a reference path with `[]` for any list index
 * (`Container[].Name`, `VSwitchId`). A path naming an object or list (`Container[].Port`) matches
 * the first key below it, so that the diagnostic lands at the start of that part of the document.
 */
export function keysForParameterPath(path: string, locationKeys: readonly string[]): string[] {
  const escaped = path
    .split('[]')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\.\\d+');
  const exact = new RegExp(`^${escaped}$`);
  const below = new RegExp(`^${escaped}\\.`);
  const sorted = [...locationKeys].sort(compareWireKeys);
  const leaves = sorted.filter((k) => exact.test(k));
  if (leaves.length > 0) return leaves;
  // One diagnostic per matched object: the first key under each distinct prefix.
  const seen = new Set<string>();
  const firsts: string[] = [];
  for (const k of sorted) {
    const m = below.exec(k);
    if (!m) continue;
    const prefix = m[0];
    if (seen.has(prefix)) continue;
    seen.add(prefix);
    firsts.push(k);
  }
  return firsts;
}

/** The wire keys all of `paths` name, each once, in the order found. */
export function keysForParameterPaths(paths: readonly string[], locationKeys: readonly string[]): string[] {
  const found = new Set<string>();
  for (const p of paths) for (const k of keysForParameterPath(p, locationKeys)) found.add(k);
  return [...found];
}
