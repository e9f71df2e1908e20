// Following a container's log by polling (DescribeContainerLog with Timestamps): each answer
// overlaps the previous one; only the lines not seen before are new. Shared by the CLI's
// `eci logs --follow` and the editor's log view.

const STAMP = /^(\d{4}-\d{2}-\d{2}T\S+Z) (.*)$/;

export interface LogFollower {
  /** The new lines (text, without their time) of one answer, each line once. */
  take(content: string): string[];
}

/**
 * A follower of one container's log. Lines are ordered by their time: a line older than the newest
 * seen is old; lines with the newest time are remembered so that a repeat is not printed twice.
 */
export function createLogFollower(): LogFollower {
  let newest = '';
  let atNewest = new Map<string, number>();
  return {
    take(content) {
      const out: string[] = [];
      const seenNow = new Map<string, number>();
      for (const line of content.split('\n')) {
        if (!line) continue;
        const m = STAMP.exec(line);
        const stamp = m ? m[1] : '';
        const text = m ? m[2] : line;
        if (stamp && stamp < newest) continue;
        if (stamp && stamp === newest) {
          // The same line may be printed several times at one instant: count them.
          const n = (seenNow.get(text) ?? 0) + 1;
          seenNow.set(text, n);
          if (n <= (atNewest.get(text) ?? 0)) continue;
        }
        if (stamp && stamp > newest) {
          newest = stamp;
          atNewest = new Map();
          seenNow.clear();
          seenNow.set(text, 1);
        }
        atNewest.set(text, Math.max(atNewest.get(text) ?? 0, seenNow.get(text) ?? 1));
        out.push(text);
      }
      return out;
    },
  };
}

/** How often a followed log is polled. */
export const LOG_FOLLOW_POLL_MS = 2000;
