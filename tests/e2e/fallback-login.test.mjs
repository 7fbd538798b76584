// Break-glass sign-in in a real browser: the sandbox site in redirect mode with
// allow_password_fallback on, WorkOS down (the site's WorkOS base URL pointed at a closed port),
// and the administrator still signing in with WordPress's own form at /wp-login.php?fallback=1,
// landing on the role-based login URL, then signing out onto the role-based logout URL.
//
// The served site is configured by a PHP step against $SANDBOX_STATE/site (database wp) and put
// back as it was afterwards. Needs SANDBOX_WP_URL, SANDBOX_STATE, SANDBOX_EMULATOR_PORT and
// WORKOS_TEST_OUTPUT (./test sets them).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { requireEnv, readEnvFile, CHROMIUM_ARGS } from './lib/sandbox.mjs';
import { fillWordPressLogin, submitWordPressLogin } from './lib/wp-login-form.mjs';

const SITE = requireEnv('SANDBOX_WP_URL').replace(/\/+$/, '');
const STATE = requireEnv('SANDBOX_STATE');
const WORKOS = `http://127.0.0.1:${requireEnv('SANDBOX_EMULATOR_PORT')}`;
const OUT = requireEnv('WORKOS_TEST_OUTPUT');
const ADMIN_USER = process.env.SANDBOX_ADMIN_USER || 'admin';
const SITE_CREDENTIALS = readEnvFile(path.join(STATE, 'credentials.env'));
const WORKOS_CREDENTIALS = readEnvFile(path.join(STATE, 'emulator', 'credentials.env'));
const LOGIN_URL_PATH = '/wp-admin/edit.php';
const LOGOUT_URL = '/sample-page/?signed-out=administrator';

// Runs in the served site: "snapshot" prints what the test changes, "configure" applies settings,
// "restore" puts a snapshot back. Arguments: mode, JSON.
const SITE_PHP = String.raw`
$url = parse_url( $argv[3] );
$_SERVER['HTTP_HOST'] = $url['host'] . ':' . $url['port'];
$_SERVER['REQUEST_URI'] = '/';
require $argv[4] . '/wp-load.php';
$mode  = $argv[1];
$input = json_decode( $argv[2], true );
$admin = get_user_by( 'login', $input['admin'] );
if ( ! $admin ) { fwrite( STDERR, "no user {$input['admin']}\n" ); exit( 1 ); }
$names = array( 'workos_active_environment', 'workos_staging', 'workos_api_base_url' );
if ( 'snapshot' === $mode ) {
	$options = array();
	foreach ( $names as $name ) { $options[ $name ] = get_option( $name, null ); }
	echo wp_json_encode( array( 'options' => $options, 'link' => get_user_meta( $admin->ID, '_workos_user_id', true ) ) );
	exit;
}
if ( 'configure' === $mode ) {
	foreach ( $input['options'] as $name => $value ) {
		if ( 'workos_staging' === $name ) { $value = array_merge( (array) get_option( $name, array() ), $value ); }
		update_option( $name, $value );
	}
	if ( isset( $input['link'] ) ) { update_user_meta( $admin->ID, '_workos_user_id', $input['link'] ); }
} elseif ( 'restore' === $mode ) {
	foreach ( $names as $name ) {
		null === $input['options'][ $name ] ? delete_option( $name ) : update_option( $name, $input['options'][ $name ] );
	}
	'' === $input['link'] ? delete_user_meta( $admin->ID, '_workos_user_id' ) : update_user_meta( $admin->ID, '_workos_user_id', $input['link'] );
}
echo wp_json_encode( array( 'ok' => true, 'enabled' => WorkOSCompanion\Config\Config::is_enabled() ) );
`;

function site(mode, input) {
  const out = execFileSync('php', ['-r', SITE_PHP, '--', mode, JSON.stringify({ admin: ADMIN_USER, ...input }), SITE, path.join(STATE, 'site')], {
    env: { ...process.env, WP_DB_NAME: 'wp' },
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').pop());
}

// A loopback port nothing listens on (taken from the kernel, then released): WorkOS is "down".
function closedPort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function workosUserId(email) {
  const res = await fetch(`${WORKOS}/user_management/users?email=${encodeURIComponent(email)}`, {
    headers: { Authorization: `Bearer ${WORKOS_CREDENTIALS.SANDBOX_WORKOS_API_KEY}` },
  });
  assert.equal(res.status, 200, 'the emulator lists users');
  const body = await res.json();
  assert.equal(body.data.length, 1, `one WorkOS user ${email}`);
  return body.data[0].id;
}

describe('break-glass ?fallback=1 sign-in while WorkOS is down', () => {
  let browser;
  let context;
  let page;
  let snapshot;
  const pageErrors = [];
  const serverErrors = [];

  before(async () => {
    mkdirSync(OUT, { recursive: true });
    snapshot = site('snapshot', {});
    const configured = site('configure', {
      options: {
        workos_active_environment: 'staging',
        workos_api_base_url: WORKOS,
        workos_staging: {
          api_key: WORKOS_CREDENTIALS.SANDBOX_WORKOS_API_KEY,
          client_id: WORKOS_CREDENTIALS.SANDBOX_WORKOS_CLIENT_ID,
          environment_id: 'environment_sandbox',
          login_mode: 'redirect',
          allow_password_fallback: true,
          redirect_urls: { administrator: { url: LOGIN_URL_PATH, first_login_only: false } },
          logout_redirect_urls: { administrator: LOGOUT_URL },
        },
      },
      // The administrator is linked to a WorkOS user, as after a first WorkOS sign-in.
      link: await workosUserId('ada@acme.test'),
    });
    assert.equal(configured.enabled, true, 'the served site is enabled for WorkOS');

    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
    page = await context.newPage();
    page.setDefaultTimeout(15000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 500 && response.url().startsWith(SITE)) serverErrors.push(`${response.status()} ${response.url()}`);
    });
  });

  after(async () => {
    await browser?.close();
    if (snapshot) site('restore', snapshot);
  });

  async function step(name, body) {
    try {
      await body();
    } catch (error) {
      await page?.screenshot({ path: path.join(OUT, `fallback-failure-${name}.png`), fullPage: true }).catch(() => {});
      throw error;
    }
  }

  // Chromium's own error page is sometimes not ready to be captured right after the failure.
  async function screenshotErrorPage(file) {
    for (let attempt = 1; ; attempt++) {
      try {
        await page.waitForLoadState('load').catch(() => {});
        await page.screenshot({ path: file });
        return;
      } catch (error) {
        if (attempt >= 10) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  }

  test('with WorkOS up, wp-login.php hands over to the hosted sign-in', async () => {
    await step('redirect', async () => {
      await page.goto(`${SITE}/wp-login.php`);
      await page.waitForSelector('#email');
      assert.ok(page.url().startsWith(`${WORKOS}/`), `on WorkOS: ${page.url()}`);
      await page.screenshot({ path: path.join(OUT, 'fallback-1-redirect-mode.png') });
    });
  });

  test('with WorkOS down, the hosted sign-in cannot be reached', async () => {
    await step('down', async () => {
      const down = `http://127.0.0.1:${await closedPort()}`;
      site('configure', { options: { workos_api_base_url: down } });
      const failed = [];
      const onFailed = (request) => failed.push(`${request.url()} ${request.failure()?.errorText}`);
      page.on('requestfailed', onFailed);
      const error = await page.goto(`${SITE}/wp-login.php`).then(() => null, (e) => e);
      page.off('requestfailed', onFailed);
      assert.ok(error, 'the navigation fails');
      assert.match(error.message, /ERR_CONNECTION_REFUSED/);
      assert.ok(failed.some((line) => line.startsWith(`${down}/user_management/authorize?`)),
        `it was WorkOS's sign-in that could not be reached: ${failed.join(', ')}`);
      await screenshotErrorPage(path.join(OUT, 'fallback-2-workos-down.png'));
    });
  });

  test('/wp-login.php?fallback=1 shows WordPress\'s own form', async () => {
    await step('form', async () => {
      const response = await page.goto(`${SITE}/wp-login.php?fallback=1`);
      assert.equal(response.status(), 200);
      assert.equal(new URL(page.url()).origin, SITE, 'stayed on the site');
      await page.waitForSelector('#loginform');
      assert.equal(await page.locator('#loginform input[type=hidden][name=fallback]').getAttribute('value'), '1',
        'the form posts fallback=1 along');
      await fillWordPressLogin(page, ADMIN_USER, SITE_CREDENTIALS.SANDBOX_ADMIN_PASSWORD);
      await page.screenshot({ path: path.join(OUT, 'fallback-3-native-form.png') });
    });
  });

  test('the administrator signs in and lands on the role-based login URL', async () => {
    await step('signin', async () => {
      await submitWordPressLogin(page, `**${LOGIN_URL_PATH}`);
      await page.waitForSelector('#wpadminbar');
      assert.equal(new URL(page.url()).pathname, LOGIN_URL_PATH);
      assert.match(await page.title(), /^Posts/);
      const cookies = await context.cookies(SITE);
      assert.ok(cookies.some((c) => c.name.startsWith('wordpress_logged_in_')), 'signed in');
      await page.screenshot({ path: path.join(OUT, 'fallback-4-signed-in.png') });
    });
  });

  test('logout lands on the role-based logout URL, signed out', async () => {
    await step('logout', async () => {
      const logout = await page.locator('#wp-admin-bar-logout a').getAttribute('href');
      assert.ok(logout, 'a Log Out link');
      await page.goto(logout);
      await page.waitForURL('**/sample-page/**');
      const landed = new URL(page.url());
      assert.equal(landed.origin, SITE);
      assert.equal(`${landed.pathname}${landed.search}`, LOGOUT_URL);
      const cookies = await context.cookies(SITE);
      assert.ok(!cookies.some((c) => c.name.startsWith('wordpress_logged_in_')), 'the login cookie is gone');
      assert.equal(await page.locator('#wpadminbar').count(), 0, 'no admin bar: signed out');
      await page.screenshot({ path: path.join(OUT, 'fallback-5-logged-out.png') });
      assert.deepEqual(pageErrors, [], 'uncaught JavaScript errors');
      assert.deepEqual(serverErrors, [], 'site responses with a 5xx status');
    });
  });
});
