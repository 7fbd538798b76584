// A webhook endpoint for the tests: records every delivery with its raw body and headers.
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';

export async function startReceiver() {
    const deliveries = [];
    const waiters = [];
    const server = http.createServer((req, res) => {
        const chunks = [];
        req.on('data', (c) => chunks.push(c));
        req.on('end', () => {
            deliveries.push({ method: req.method, url: req.url, headers: req.headers, raw: Buffer.concat(chunks).toString('utf8'),
                              receivedAt: Date.now() });
            res.writeHead(200, { 'Content-Type': 'application/json' });
            res.end('{}');
            for (const w of [...waiters]) w();
        });
    });
    server.keepAliveTimeout = 1000;
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${server.address().port}/webhooks/workos`;

    // Resolves once `predicate(deliveries)` holds, or rejects after timeoutMs.
    function waitFor(predicate, timeoutMs, what) {
        return new Promise((resolve, reject) => {
            const check = () => {
                if (!predicate(deliveries)) return false;
                clearTimeout(timer);
                waiters.splice(waiters.indexOf(check), 1);
                resolve(deliveries);
                return true;
            };
            const timer = setTimeout(() => {
                waiters.splice(waiters.indexOf(check), 1);
                reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; ${deliveries.length} deliveries received`));
            }, timeoutMs);
            waiters.push(check);
            check();
        });
    }

    async function close() {
        server.closeAllConnections?.();
        await new Promise((resolve) => server.close(resolve));
    }
    return { url, deliveries, waitFor, close };
}

// WorkOS-Signature: "t=<unix milliseconds>, v1=<hex HMAC-SHA256(secret, `${t}.${raw body}`)>".
export function verifySignature(header, raw, secret, { now = Date.now(), toleranceMs = 180000 } = {}) {
    if (typeof header !== 'string') return { ok: false, reason: 'no WorkOS-Signature header' };
    const parts = Object.fromEntries(header.split(',').map((p) => p.trim().split('=')).map(([k, ...v]) => [k, v.join('=')]));
    if (!/^\d{13}$/.test(parts.t ?? '')) return { ok: false, reason: `t is not a millisecond timestamp: ${JSON.stringify(parts.t)}` };
    if (!/^[0-9a-f]{64}$/.test(parts.v1 ?? '')) return { ok: false, reason: `v1 is not a hex SHA-256 digest: ${JSON.stringify(parts.v1)}` };
    if (Math.abs(now - Number(parts.t)) > toleranceMs) return { ok: false, reason: `t=${parts.t} is outside the ${toleranceMs} ms tolerance` };
    const expected = createHmac('sha256', secret).update(`${parts.t}.${raw}`).digest();
    const got = Buffer.from(parts.v1, 'hex');
    if (got.length !== expected.length || !timingSafeEqual(got, expected))
        return { ok: false, reason: `v1 does not match HMAC-SHA256 of "${parts.t}.<body>"` };
    return { ok: true, t: Number(parts.t) };
}
