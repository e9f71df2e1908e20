// Faults between this machine and the service: retries with one ClientToken, timeouts, dropped
// connections, HTML gateway pages, oversized requests, refused connections and cancellation.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { callCreateContainerGroup } from '../../calls/src/operations/createContainerGroup';
import { MINIMAL, callOptions, endpoint, wire } from './helpers';
import { closedPort } from '../support/eciEndpoint';

test('two 503 answers, then success: three attempts, one ClientToken, exactly one group', async () => {
  const ep = await endpoint();
  try {
    ep.inject({
      kind: 'error',
      code: 'ServiceUnavailable',
      status: 503,
      message: 'The request has failed due to a temporary failure of the server.',
    });
    ep.inject({
      kind: 'error',
      code: 'ServiceUnavailable',
      status: 503,
      message: 'The request has failed due to a temporary failure of the server.',
    });
    const attempts: [number, string | undefined][] = [];
    const outcome = await callCreateContainerGroup(
      callOptions(ep, wire(MINIMAL), { onAttempt: (n, reason) => attempts.push([n, reason]) }),
    );
    assert.equal(outcome.type, 'created', JSON.stringify(outcome));
    if (outcome.type !== 'created') return;
    assert.equal(outcome.attempts, 3);
    assert.deepEqual(attempts, [
      [1, undefined],
      [2, 'ServiceUnavailable (HTTP 503)'],
      [3, 'ServiceUnavailable (HTTP 503)'],
    ]);
    assert.equal(ep.requests.length, 3);
    assert.deepEqual(new Set(ep.requests.map((r) => r.params.ClientToken)), new Set([outcome.clientToken]));
    assert.ok(ep.requests.every((r) => r.signature === 'valid'));
    // Each attempt is signed afresh (a new nonce), or the service would refuse the replay.
    assert.equal(new Set(ep.requests.map((r) => r.headers['x-acs-signature-nonce'])).size, 3);
    assert.equal(ep.groups.size, 1);
  } finally {
    await ep.close();
  }
});

test('the group is created but the answer is lost (connection dropped): the retry returns the same group, never a second one', async () => {
  const ep = await endpoint();
  try {
    ep.inject({ kind: 'drop-after-create' });
    const outcome = await callCreateContainerGroup(callOptions(ep, wire(MINIMAL)));
    assert.equal(outcome.type, 'created', JSON.stringify(outcome));
    if (outcome.type !== 'created') return;
    assert.equal(outcome.attempts, 2);
    assert.equal(ep.groups.size, 1);
    assert.equal(ep.groups.get(outcome.clientToken), outcome.containerGroupId);
    assert.equal(ep.requests[0].params.ClientToken, ep.requests[1].params.ClientToken);
  } finally {
    await ep.close();
  }
});

test('throttling, an InternalError and a dropped connection in a row are all retried', async () => {
  const ep = await endpoint();
  try {
    ep.inject({
      kind: 'error',
      code: 'Throttling.User',
      status: 400,
      message: 'Request was denied due to user flow control.',
    });
    ep.inject({
      kind: 'error',
      code: 'InternalError',
      status: 500,
      message: 'The request processing has failed due to some unknown error.',
    });
    ep.inject({ kind: 'drop' });
    const outcome = await callCreateContainerGroup(callOptions(ep, wire(MINIMAL), { maxAttempts: 4 }));
    assert.equal(outcome.type, 'created', JSON.stringify(outcome));
    assert.equal(outcome.attempts, 4);
    assert.equal(ep.groups.size, 1);
  } finally {
    await ep.close();
  }
});

test('a daily quota (Throttling.Vcpu.PerDay) is not retried', async () => {
  const ep = await endpoint();
  try {
    ep.inject({ kind: 'error', code: 'Throttling.Vcpu.PerDay' });
    const outcome = await callCreateContainerGroup(callOptions(ep, wire(MINIMAL)));
    assert.equal(outcome.type, 'service-error');
    if (outcome.type === 'service-error') assert.equal(outcome.httpStatus, 403);
    assert.equal(ep.requests.length, 1);
  } finally {
    await ep.close();
  }
});

test('HTML 502 pages on every attempt: a clear bad-response after the attempts, not a SyntaxError', async () => {
  const ep = await endpoint();
  try {
    ep.inject({ kind: 'html', status: 502 }, { kind: 'html', status: 502 }, { kind: 'html', status: 502 });
    const outcome = await callCreateContainerGroup(callOptions(ep, wire(MINIMAL), { maxAttempts: 3 }));
    assert.equal(outcome.type, 'network-error', JSON.stringify(outcome));
    if (outcome.type !== 'network-error') return;
    assert.equal(outcome.kind, 'bad-response');
    assert.match(outcome.message, /HTTP 502 \(text\/html\)/);
    assert.match(outcome.message, /3 attempts/);
    assert.doesNotMatch(outcome.message, /SyntaxError|Unexpected token/);
    assert.equal(ep.requests.length, 3);
    assert.equal(ep.groups.size, 0);
  } finally {
    await ep.close();
  }
});

test('one HTML 502 page, then success', async () => {
  const ep = await endpoint();
  try {
    ep.inject({ kind: 'html', status: 502 });
    const outcome = await callCreateContainerGroup(callOptions(ep, wire(MINIMAL)));
    assert.equal(outcome.type, 'created');
    assert.equal(outcome.attempts, 2);
  } finally {
    await ep.close();
  }
});

test('a slow answer beyond the read timeout is a timeout, retried; the answer in time succeeds', async () => {
  const ep = await endpoint();
  try {
    ep.inject({ kind: 'slow', delayMs: 1500 });
    const started = Date.now();
    const outcome = await callCreateContainerGroup(
      callOptions(ep, wire(MINIMAL), { timeouts: { connectMs: 1000, readMs: 400 } }),
    );
    assert.equal(outcome.type, 'created', JSON.stringify(outcome));
    assert.equal(outcome.attempts, 2);
    assert.ok(Date.now() - started < 1500, 'the first attempt was abandoned at the read timeout');
  } finally {
    await ep.close();
  }
});

test('a slow answer within the read timeout is waited for (the SDK default of 3 s does not apply)', async () => {
  const ep = await endpoint();
  try {
    ep.inject({ kind: 'slow', delayMs: 700 });
    const outcome = await callCreateContainerGroup(
      callOptions(ep, wire(MINIMAL), { timeouts: { connectMs: 300, readMs: 3000 } }),
    );
    assert.equal(outcome.type, 'created', JSON.stringify(outcome));
    assert.equal(outcome.attempts, 1);
  } finally {
    await ep.close();
  }
});

test('no answer on any attempt: network-error timeout after maxAttempts', async () => {
  const ep = await endpoint();
  try {
    ep.inject({ kind: 'hang' }, { kind: 'hang' });
    const outcome = await callCreateContainerGroup(
      callOptions(ep, wire(MINIMAL), { timeouts: { connectMs: 500, readMs: 300 }, maxAttempts: 2 }),
    );
    assert.equal(outcome.type, 'network-error', JSON.stringify(outcome));
    if (outcome.type !== 'network-error') return;
    assert.equal(outcome.kind, 'timeout');
    assert.match(outcome.message, /within 0\.3 s/);
    assert.equal(outcome.attempts, 2);
    assert.equal(ep.requests.length, 2);
  } finally {
    await ep.close();
  }
});

test('a ConfigFile too large for the front end is reported as too-large, naming the size and the ConfigFile content', async () => {
  const ep = await endpoint({ maxUrlBytes: 16 * 1024, maxHeaderBytes: 256 * 1024 });
  try {
    const content = Buffer.from('x'.repeat(24 * 1024)).toString('base64');
    const doc = `${MINIMAL}Volume:
  - Name: config
    Type: ConfigFileVolume
    ConfigFileVolume:
      ConfigFileToPath:
        - Path: app.conf
          Content: ${content}
`;
    const outcome = await callCreateContainerGroup(callOptions(ep, wire(doc)));
    assert.equal(outcome.type, 'network-error', JSON.stringify(outcome));
    if (outcome.type !== 'network-error') return;
    assert.equal(outcome.kind, 'too-large');
    assert.match(outcome.message, /HTTP 414/);
    assert.match(outcome.message, /URL query string/);
    assert.match(outcome.message, /Volume\.1\.ConfigFileVolume\.ConfigFileToPath\.1\.Content/);
    assert.match(outcome.message, /\d+\.\d KB/);
    assert.equal(ep.requests.length, 1, 'not retried');
    assert.equal(ep.requests[0].status, 414);
  } finally {
    await ep.close();
  }
});

test('a request head beyond the front end header limit (431) is reported as too-large', async () => {
  const ep = await endpoint({ maxUrlBytes: 1024 * 1024, maxHeaderBytes: 8 * 1024 });
  try {
    const content = 'y'.repeat(12 * 1024);
    const doc = `${MINIMAL}Volume:
  - Name: config
    Type: ConfigFileVolume
    ConfigFileVolume:
      ConfigFileToPath:
        - Path: big.txt
          Content: ${content}
`;
    const outcome = await callCreateContainerGroup(callOptions(ep, wire(doc)));
    assert.equal(outcome.type, 'network-error', JSON.stringify(outcome));
    if (outcome.type !== 'network-error') return;
    assert.equal(outcome.kind, 'too-large');
    assert.match(outcome.message, /HTTP 431/);
  } finally {
    await ep.close();
  }
});

test('nothing listening: refused at once, not retried, and the message names host and port', async () => {
  const port = await closedPort();
  const ep = await endpoint();
  try {
    const attempts: number[] = [];
    const outcome = await callCreateContainerGroup(
      callOptions(ep, wire(MINIMAL), { endpoint: `127.0.0.1:${port}`, onAttempt: (n) => attempts.push(n) }),
    );
    assert.equal(outcome.type, 'network-error');
    if (outcome.type !== 'network-error') return;
    assert.equal(outcome.kind, 'refused');
    assert.match(outcome.message, new RegExp(`127\\.0\\.0\\.1:${port}`));
    assert.deepEqual(attempts, [1]);
  } finally {
    await ep.close();
  }
});

test('cancelling while the service is slow ends the call at once, says the request was sent, keeps the ClientToken', async () => {
  const ep = await endpoint();
  try {
    ep.inject({ kind: 'slow', delayMs: 4000 });
    const controller = new AbortController();
    const started = Date.now();
    const call = callCreateContainerGroup(callOptions(ep, wire(MINIMAL), { signal: controller.signal }));
    await ep.waitForRequests(1);
    controller.abort();
    const outcome = await call;
    assert.equal(outcome.type, 'cancelled', JSON.stringify(outcome));
    if (outcome.type !== 'cancelled') return;
    assert.ok(Date.now() - started < 3000);
    assert.equal(outcome.requestSent, true);
    assert.equal(outcome.clientToken, ep.requests[0].params.ClientToken);
    assert.equal(ep.requests.length, 1);
  } finally {
    await ep.close();
  }
});

test('cancelling during the backoff before a retry stops the retries', async () => {
  const ep = await endpoint();
  try {
    ep.inject({ kind: 'error', code: 'ServiceUnavailable', status: 503 });
    const controller = new AbortController();
    const outcome = await callCreateContainerGroup(
      callOptions(ep, wire(MINIMAL), {
        backoffBaseMs: 5000,
        signal: controller.signal,
        onAttempt: (n) => {
          if (n === 1) void ep.waitForRequests(1).then(() => setImmediate(() => controller.abort()));
        },
      }),
    );
    assert.equal(outcome.type, 'cancelled', JSON.stringify(outcome));
    assert.equal(ep.requests.length, 1);
    assert.equal(ep.groups.size, 0);
  } finally {
    await ep.close();
  }
});

test('a signal aborted before the call sends nothing', async () => {
  const ep = await endpoint();
  try {
    const controller = new AbortController();
    controller.abort();
    const outcome = await callCreateContainerGroup(callOptions(ep, wire(MINIMAL), { signal: controller.signal }));
    assert.equal(outcome.type, 'cancelled');
    if (outcome.type === 'cancelled') assert.equal(outcome.requestSent, false);
    assert.equal(ep.requests.length, 0);
  } finally {
    await ep.close();
  }
});

test('a host name that does not resolve is reported as such, once', async () => {
  const ep = await endpoint();
  try {
    const attempts: number[] = [];
    const outcome = await callCreateContainerGroup(
      callOptions(ep, wire(MINIMAL), { endpoint: 'eci.no-such-region.invalid', onAttempt: (n) => attempts.push(n) }),
    );
    assert.equal(outcome.type, 'network-error');
    if (outcome.type !== 'network-error') return;
    assert.equal(outcome.kind, 'refused');
    assert.match(outcome.message, /eci\.no-such-region\.invalid could not be resolved/);
    assert.deepEqual(attempts, [1]);
    assert.equal(ep.requests.length, 0);
  } finally {
    await ep.close();
  }
});

test('retries wait with exponential backoff: at least half of base, then of 2 x base', async () => {
  const ep = await endpoint();
  try {
    ep.inject(
      { kind: 'error', code: 'ServiceUnavailable', status: 503 },
      { kind: 'error', code: 'ServiceUnavailable', status: 503 },
    );
    const times: number[] = [];
    const outcome = await callCreateContainerGroup(
      callOptions(ep, wire(MINIMAL), { backoffBaseMs: 200, onAttempt: () => times.push(Date.now()) }),
    );
    assert.equal(outcome.type, 'created');
    assert.equal(times.length, 3);
    assert.ok(times[1] - times[0] >= 100, `first wait ${times[1] - times[0]} ms`);
    assert.ok(times[2] - times[1] >= 200, `second wait ${times[2] - times[1]} ms`);
  } finally {
    await ep.close();
  }
});
