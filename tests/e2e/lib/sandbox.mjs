// What every browser test needs from the sandbox ./test started: its environment variables, the
// credential files it wrote, and how to start Debian's Chromium on this closed network.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export function requireEnv(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run the e2e tests through ./test, or start a sandbox and export ` +
      'SANDBOX_WP_URL, SANDBOX_STATE, SANDBOX_EMULATOR_PORT and WORKOS_TEST_OUTPUT');
  }
  return value;
}

// KEY='value' lines of the sandbox's credentials.env files.
export function readEnvFile(file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the sandbox credentials ${file}: ${error.message}`);
  }
  const values = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z_]+)='([^']*)'$/.exec(line.trim());
    if (match) values[match[1]] = match[2];
  }
  return values;
}

// Toolchain guide §7: --no-sandbox because CI runs as root; the rest keep Chromium off the
// (closed) network and quiet.
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-default-apps', '--disable-extensions', '--no-default-browser-check',
];

// The served WordPress from the test's side: configure-workos.php for WorkOS settings, and PHP run
// inside it (database wp). Data goes in as JSON through the environment, never spliced into code.
export function servedSite(siteUrl, siteDir) {
  const configureScript = new URL('../../../sandbox/lib/wordpress/configure-workos.php', import.meta.url).pathname;
  return {
    configure(...settings) {
      return execFileSync('php', [configureScript, siteDir, siteUrl, ...settings], { encoding: 'utf8' });
    },
    wp(code, data = null) {
      const url = new URL(siteUrl);
      const boot = `$_SERVER['HTTP_HOST']=${JSON.stringify(url.host)};$_SERVER['SERVER_NAME']=${JSON.stringify(url.hostname)};` +
        `$_SERVER['REQUEST_URI']='/';require ${JSON.stringify(`${siteDir}/wp-load.php`)};` +
        `$data=json_decode((string) getenv('WORKOS_E2E_DATA'), true);`;
      return execFileSync('php', ['-r', boot + code], {
        encoding: 'utf8', env: { ...process.env, WP_DB_NAME: 'wp', WORKOS_E2E_DATA: JSON.stringify(data) },
      });
    },
  };
}
