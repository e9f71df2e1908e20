// Redaction of the language server trace (`eci.trace.server`: messages/compact/verbose, text or
// JSON format), pure and unit-tested. The trace would otherwise hold the documents' text
// (didOpen/didChange carry it, with any registry password or hidden environment value in it) and
// the wire request's secret values (the `eci/wireRequest` result). Both are removed before a line
// reaches the trace channel; any secret value the extension already knows is masked as well.
import { MASK, redactSecrets } from '../../calls/src/redaction';

/** What replaces a document text (or a changed range's text) in the trace. */
export const TEXT_NOT_LOGGED = '<document text not logged: it may hold secrets>';

/** JSON string fields named `text` (didOpen's textDocument.text, didChange's contentChanges[].text). */
const TEXT_FIELD = /("text"\s*:\s*)"(?:[^"\\]|\\.)*"/g;

/** Masks, in place, the secret values of every wire request result (`{params, secrets}`) inside `value`. */
function maskWireResults(value: unknown, depth = 0): void {
  if (depth > 64 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) maskWireResults(v, depth + 1);
    return;
  }
  const o = value as Record<string, unknown>;
  if (o.params && typeof o.params === 'object' && Array.isArray(o.secrets)) {
    const params = o.params as Record<string, unknown>;
    for (const key of o.secrets) if (typeof key === 'string' && key in params && params[key] !== '') params[key] = MASK;
  }
  for (const v of Object.values(o)) maskWireResults(v, depth + 1);
}

/** One trace message (a header line then `Params: {json}` / `Result: {json}`, or one JSON object) without secrets. */
export function redactTraceMessage(message: string, knownSecrets: Iterable<string> = []): string {
  let out = message.replace(TEXT_FIELD, (_m, prefix: string) => `${prefix}"${TEXT_NOT_LOGGED}"`);
  let head = '';
  let json = out;
  if (!out.trimStart().startsWith('{')) {
    const m = /(Params|Result|Error data): /.exec(out);
    head = m ? out.slice(0, m.index + m[0].length) : out;
    json = m ? out.slice(m.index + m[0].length) : '';
  }
  if (json.trim() !== '') {
    try {
      const value: unknown = JSON.parse(json);
      maskWireResults(value);
      out = head + JSON.stringify(value, null, /\n\s/.test(json) ? 4 : undefined);
    } catch {
      // The tracer writes JSON here; what cannot be read as JSON is dropped rather than risked.
      out = `${head}<not logged>`;
    }
  }
  return redactSecrets(out, knownSecrets);
}
