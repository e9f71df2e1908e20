// The local simulator of the Alibaba Cloud services the product calls (ECI, VPC, ECS): used by
// `eci simulator` and by the tests, never by anything else unless asked for.
export {
  startSimulator,
  closedPort,
  type Simulator,
  type SimulatorOptions,
  type Fault,
  type ReceivedRequest,
} from './server';
export { ManualClock, systemClock, type Clock } from './clock';
export { seededAccount, type Account } from './account';
export { DEFAULT_TIMING, type LifecycleTiming } from './lifecycle';
export {
  acs3Signature,
  canonicalRequest,
  documentedErrors,
  parseQuery,
  percentEncode,
  type AccessKeyRecord,
} from './protocol';
