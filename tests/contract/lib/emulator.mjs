// Starts workos-emulator as a child process and reads its base URL from the first stdout line.
//
// The emulator runs under a small /bin/sh guard that holds a pipe from this process: when this
// process ends for any reason (test failure, timeout, SIGKILL), the pipe closes and the guard
// kills the emulator. No process is left behind.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..', '..');

export function emulatorBinary() {
    return process.env.WORKOS_EMULATOR_BIN || path.join(repoRoot, 'build', 'sandbox', 'emulator', 'workos-emulator');
}

const GUARD = [
    'exec 3<&0',
    '"$0" "$@" </dev/null &',
    'pid=$!',
    '( read -r _ <&3; kill "$pid" 2>/dev/null ) &',
    'watcher=$!',
    'wait "$pid"; status=$?',
    'kill "$watcher" 2>/dev/null',
    'exit "$status"',
].join('\n');

export async function startEmulator({ bin = emulatorBinary(), args = [], startTimeoutMs = 20000 } = {}) {
    if (!existsSync(bin))
        throw new Error(`workos-emulator not found at ${bin}: build it (cmake --build build --target workos-emulator) or set WORKOS_EMULATOR_BIN`);
    const child = spawn('/bin/sh', ['-c', GUARD, bin, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-20000); });
    child.stdout.setEncoding('utf8');
    const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));

    const baseUrl = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`workos-emulator printed no base URL within ${startTimeoutMs} ms; stderr:\n${stderr}`)),
                                 startTimeoutMs);
        const onData = (d) => {
            stdout += d;
            const nl = stdout.indexOf('\n');
            if (nl < 0) return;
            clearTimeout(timer);
            child.stdout.off('data', onData);
            child.stdout.on('data', () => {}); // keep draining
            resolve(stdout.slice(0, nl).trim());
        };
        child.stdout.on('data', onData);
        exited.then(({ code, signal }) => {
            clearTimeout(timer);
            reject(new Error(`workos-emulator exited (code ${code}, signal ${signal}) before printing its URL; stderr:\n${stderr}`));
        });
    }).catch(async (e) => { await stop(); throw e; });

    if (!/^http:\/\/[^/]+$/.test(baseUrl))
        throw new Error(`unexpected first stdout line from workos-emulator: ${JSON.stringify(baseUrl)}`);

    let stopped = false;
    async function stop() {
        if (stopped) return;
        stopped = true;
        child.stdin.end(); // the guard kills the emulator
        const timeout = new Promise((resolve) => setTimeout(() => resolve(null), 5000).unref());
        if ((await Promise.race([exited, timeout])) === null) {
            child.kill('SIGKILL');
            await exited;
        }
    }
    return { baseUrl, stop, stderr: () => stderr, pid: child.pid };
}
