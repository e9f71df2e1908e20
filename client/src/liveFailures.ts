// The words of a failed call about a live group (describe, logs, restart, delete, ...) in the display
// language: the call layer's explanation of a service error, its details of a network error.
import * as vscode from 'vscode';
import { describeNetworkError, explainServiceError } from '../../calls/src/describe';
import type { OperationFailure } from '../../calls/src/lifecycleTypes';

export function failureText(outcome: OperationFailure): string {
  switch (outcome.type) {
    case 'service-error': {
      const { explanation, action } = explainServiceError(outcome, vscode.env.language);
      return [
        `${outcome.code}: ${explanation}`,
        action,
        outcome.message,
        outcome.requestId ? `RequestId: ${outcome.requestId}` : '',
      ]
        .filter(Boolean)
        .join(' ');
    }
    case 'network-error':
      return `${vscode.l10n.t('No usable answer from ECI')} (${outcome.kind}): ${describeNetworkError(outcome, vscode.env.language)}`;
    case 'cancelled':
      return vscode.l10n.t('Cancelled.');
  }
}

/** What a command about a live group returns when its call failed. */
export interface CallFailed {
  kind: 'call-failed';
  type: OperationFailure['type'];
  code?: string;
  message: string;
}

export function callFailed(outcome: OperationFailure, scrub: (s: string) => string): CallFailed {
  return {
    kind: 'call-failed',
    type: outcome.type,
    ...(outcome.type === 'service-error' ? { code: outcome.code } : {}),
    message: scrub(failureText(outcome)),
  };
}
