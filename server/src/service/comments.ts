// Where a line's YAML comment starts: the one comment scanner of the service (completion, the cursor's
// context and suppression comments all read it). A `#` starts a comment at the line's start or after a
// blank, outside quotes; a quote opens at the start or after a blank or `:[{,-`; inside double quotes
// `\"` is an escaped quote, inside single quotes `''` is one.

/** The column of the `#` that starts the line's comment, or -1 when the line has none. */
export function commentStart(line: string): number {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === quote) {
        if (quote === "'" && line[i + 1] === "'") i++;
        else quote = undefined;
      } else if (ch === '\\' && quote === '"') i++;
      continue;
    }
    if ((ch === '"' || ch === "'") && (i === 0 || /[\s:[{,-]/.test(line[i - 1]))) quote = ch;
    else if (ch === '#' && (i === 0 || /\s/.test(line[i - 1]))) return i;
  }
  return -1;
}
