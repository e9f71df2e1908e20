// The tests' ECI endpoint: the product's simulator (simulator/src) under its historical name.
// It speaks the real wire protocol (RPC over `POST /`, ACS3-HMAC-SHA256 signatures verified
// independently of the SDK, the service's error bodies, front-end limits, injectable faults,
// ClientToken honoured) and keeps container groups with a simulated lifecycle.
//
// Listens on 127.0.0.1:0; the test closes it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../simulator/src/server';

export {
  acs3Signature,
  canonicalRequest,
  documentedErrors,
  parseQuery,
  percentEncode,
  type AccessKeyRecord,
  type CanonicalInput,
} from '../../simulator/src/protocol';
export { closedPort, type Fault, type ReceivedRequest } from '../../simulator/src/server';

export type EciEndpointOptions = SimulatorOptions;
export type EciEndpoint = Simulator;

export function startEciEndpoint(options: EciEndpointOptions): Promise<EciEndpoint> {
  return startSimulator(options);
}

/** The repository root (this file runs from out/test/support or test/support). */
export function repoRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'eci-container-groups' && existsSync(join(dir, 'scripts', 'test.mjs'))) return dir;
    } catch {
      /* keep looking upwards */
    }
    dir = join(dir, '..');
  }
  throw new Error(`package.json of eci-container-groups not found above ${__dirname}`);
}
