// The exit codes of `eci`, one meaning each (listed in `eci --help` and docs/cli.md).
export const EXIT = {
  /** Success: no errors (warnings allowed); dry run passed; group created; request printed. */
  ok: 0,
  /** The document has error diagnostics (validate), or was refused before sending (request, dry-run, create). */
  invalid: 1,
  /** Usage or set-up problem: bad option, unreadable/missing file, no match, no credentials, --region mismatch. */
  usage: 2,
  /** The service answered with an error (dry run failed, create refused). */
  service: 3,
  /** No usable answer: connection refused/reset, timeout, non-JSON answer, request too large for the front end. */
  network: 4,
  /** The followed group failed (create --wait, status --wait): the reason explained, the document line named. */
  groupFailed: 5,
  /** The wait limit passed (--wait-timeout) before the group was Running or failed. */
  waitLimit: 6,
  /** stdout could not be written (a full disk, a closed pipe): the output is lost; stderr says what happened. */
  outputFailed: 7,
  /** Interrupted (Ctrl-C) while a call was in flight. */
  cancelled: 130,
  /** Terminated (SIGTERM) while a call was in flight; handled as Ctrl-C is. */
  terminated: 143,
} as const;
