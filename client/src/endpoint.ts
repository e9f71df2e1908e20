// Reading the `eci.endpoint` setting (pure; unit-tested).

/**
 * Splits `http://127.0.0.1:8080/`, `https://host`, `host:port` into host[:port] and protocol
 * (https unless `http://` is written). Undefined for an empty setting or anything else
 * (a path, credentials in the URL, spaces).
 */
export function parseEndpoint(raw: string): { host: string; protocol: 'https' | 'http' } | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  const m = /^(?:(https?):\/\/)?([A-Za-z0-9.-]+(?::\d{1,5})?)\/?$/i.exec(text);
  if (!m) return undefined;
  const port = /:(\d+)$/.exec(m[2]);
  if (port && (Number(port[1]) < 1 || Number(port[1]) > 65535)) return undefined;
  return { host: m[2], protocol: m[1]?.toLowerCase() === 'http' ? 'http' : 'https' };
}
