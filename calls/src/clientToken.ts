// The ClientToken rule, decided here for every front door. A create sends one ClientToken on every
// attempt: the document's own, else one the caller names (`eci create --client-token`), else a random
// UUID. The service returns the group an earlier request with the same token created instead of
// creating a second one, so a retry, or sending the document again after a lost answer, is safe.
import { randomUUID } from 'node:crypto';
import type { EciCallOutcome } from './types';

export type ClientTokenChoice =
  | { ok: true; token: string; source: 'document' | 'caller' | 'generated' }
  /** The caller named a token that differs from the document's: the document's is never overwritten. */
  | { ok: false; documentToken: string; requested: string };

/**
 * Sets `params.ClientToken` for a create by the rule above and says where it came from. Sending the
 * same parameters again (a retry) keeps the token: the call layer applies this rule too, so a token
 * chosen before the call (to show it first) is the one sent.
 */
export function chooseClientToken(params: Record<string, string>, requested?: string): ClientTokenChoice {
  const documentToken = params.ClientToken;
  if (documentToken) {
    if (requested !== undefined && requested !== documentToken) return { ok: false, documentToken, requested };
    return { ok: true, token: documentToken, source: 'document' };
  }
  params.ClientToken = requested ?? randomUUID();
  return { ok: true, token: params.ClientToken, source: requested !== undefined ? 'caller' : 'generated' };
}

/** The ClientToken a create sends: the document's own, else a new one (set in `params`). */
export function ensureClientToken(params: Record<string, string>): string {
  const choice = chooseClientToken(params);
  return choice.ok ? choice.token : choice.documentToken;
}

/**
 * Whether a create's container group may exist although no answer said so: a request left this machine
 * and its answer was lost (`network-error`) or no longer awaited (`cancelled`). Its ClientToken then
 * makes sending the document again safe. Never for a dry run (it has no ClientToken of its own).
 */
export function mayHaveBeenCreated(
  outcome: EciCallOutcome,
): outcome is Extract<EciCallOutcome, { type: 'network-error' | 'cancelled' }> & { clientToken: string } {
  return (
    (outcome.type === 'network-error' || outcome.type === 'cancelled') &&
    outcome.requestSent &&
    outcome.clientToken !== undefined
  );
}
