// Redaction: every secret value out of any text the call layer hands on (messages, service answers,
// errors), in every encoding it can travel or be echoed in.
import { escape as qsEscape } from 'node:querystring';
import { parse as urlParse } from 'node:url';

/** What a secret value is replaced with. */
export const MASK = '********';

/** A function the call layer (or the service answering it) encodes a value with. */
export type WireEncoder = (value: string) => string;

/**
 * The encodings a secret can travel or be echoed in, each a per-character function:
 * - the URL as sent: @alicloud/tea-typescript writes the query with `querystring.stringify`, then its
 *   HTTP client (httpx) parses the URL with `url.parse`, which escapes `'` as `%27` (the wire has
 *   `Pw!*(x)%27q%27`); the bare `querystring.escape` form is matched too;
 * - the SDK's RFC 3986 encoding (@alicloud/openapi-util `getEncodeParam`: `'` -> `%27`), used for the
 *   canonical query the signature covers; the call layer registers the SDK's own function when it loads
 *   the SDK (registerWireEncoder), this copy of its rule stands in until then;
 * - form encoding (`application/x-www-form-urlencoded`: space -> `+`), as a front end re-encodes a query.
 * Every one of them applied twice (a double-encoded echo) is matched too, and percent-escapes match
 * with upper- or lower-case hex.
 */
const BASE_ENCODERS: WireEncoder[] = [
  (v) => urlParse(`http://h/?v=${qsEscape(v)}`).search!.slice(3),
  qsEscape,
  (v) => encodeURIComponent(v).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
  (v) => new URLSearchParams({ v }).toString().slice(2),
];
const registeredEncoders: WireEncoder[] = [];

/** Adds the SDK's own encoder (the one it signs and sends with), so that redaction follows it exactly. */
export function registerWireEncoder(encoder: WireEncoder): void {
  if (registeredEncoders.includes(encoder)) return;
  registeredEncoders.push(encoder);
  matcherCache.clear();
}

/** Every encoding redaction looks for: raw, each encoder, and each pair of encoders applied in turn. */
function encoders(): WireEncoder[] {
  const single = [...BASE_ENCODERS, ...registeredEncoders];
  return [
    (v: string) => v,
    ...single,
    ...single.flatMap((outer) => single.map((inner) => (v: string) => outer(inner(v)))),
  ];
}

/** A secret this long or longer is also redacted when only a prefix of it is echoed (a truncated message). */
export const PARTIAL_SECRET_MIN_CHARS = 8;

/** One encoded character as a regular expression: literal, except that `%xx` matches either case of hex. */
function tokenSource(encoded: string): string {
  let out = '';
  for (let i = 0; i < encoded.length; i++) {
    const c = encoded[i];
    if (c === '%' && /^[0-9A-Fa-f]{2}$/.test(encoded.slice(i + 1, i + 3))) {
      out +=
        '%' +
        [...encoded.slice(i + 1, i + 3)]
          .map((h) => (/[0-9]/.test(h) ? h : `[${h.toLowerCase()}${h.toUpperCase()}]`))
          .join('');
      i += 2;
    } else out += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return out;
}

interface SecretMatcher {
  /** Finds where the secret (or, for a long one, a prefix of at least PARTIAL_SECRET_MIN_CHARS) starts. */
  head: RegExp;
  /** The rest of the characters, one sticky expression each, to extend a match as far as it goes. */
  tail: RegExp[];
}

const matcherCache = new Map<string, SecretMatcher>();

/**
 * One matcher per secret: each character may appear in any of the encodings (longest form tried first,
 * so `%2527` wins over `%25`), which also covers an echo that mixes them.
 */
function matcherFor(secret: string): SecretMatcher {
  const cached = matcherCache.get(secret);
  if (cached) return cached;
  const chars = [...secret];
  const all = encoders();
  const tokens = chars.map((c) => {
    const forms = new Set<string>();
    for (const encode of all) {
      try {
        forms.add(tokenSource(encode(c)));
      } catch {
        /* a lone surrogate cannot be percent-encoded: no such form exists on the wire */
      }
    }
    return `(?:${[...forms].sort((a, b) => b.length - a.length).join('|')})`;
  });
  const headLength = chars.length >= PARTIAL_SECRET_MIN_CHARS ? PARTIAL_SECRET_MIN_CHARS : chars.length;
  const m: SecretMatcher = {
    head: new RegExp(tokens.slice(0, headLength).join(''), 'g'),
    tail: tokens.slice(headLength).map((t) => new RegExp(t, 'y')),
  };
  if (matcherCache.size > 256) matcherCache.clear();
  matcherCache.set(secret, m);
  return m;
}

/**
 * Replaces every occurrence of each secret value in `text` with `********` (longest first): as written,
 * in every encoding the call layer produces (and double-encoded, and with lower-case hex), and for a
 * secret of PARTIAL_SECRET_MIN_CHARS characters or more, any echo of at least its first
 * PARTIAL_SECRET_MIN_CHARS characters (a message truncated in the middle of the secret).
 */
export function redactSecrets(text: string, secretValues: Iterable<string | undefined>): string {
  const values = [
    ...new Set([...secretValues].filter((v): v is string => typeof v === 'string' && v.length >= 1)),
  ].sort((a, b) => b.length - a.length);
  let out = text;
  for (const v of values) {
    const m = matcherFor(v);
    m.head.lastIndex = 0;
    let result = '';
    let from = 0;
    for (let hit = m.head.exec(out); hit; hit = m.head.exec(out)) {
      let end = hit.index + hit[0].length;
      for (const t of m.tail) {
        t.lastIndex = end;
        const more = t.exec(out);
        if (!more) break;
        end += more[0].length;
      }
      result += out.slice(from, hit.index) + MASK;
      from = end;
      m.head.lastIndex = end;
    }
    out = result + out.slice(from);
  }
  return out;
}
