// The two sources of diagnostics the extension tells apart (no `vscode` import: unit-tested). Kept out of
// errorDiagnostics.ts so that the test can read them, and not imported from the service so that
// activation does not bundle the service's diagnostics code.

/** The source of the language server's diagnostics (server/src/service/diagnose.ts DIAGNOSTIC_SOURCE). */
export const SERVER_DIAGNOSTIC_SOURCE = 'eci';

/** The source of the service's answers placed on the parameters they concern (a collection of its own). */
export const SERVICE_ANSWER_SOURCE = 'eci-service';
