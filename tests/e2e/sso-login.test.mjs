// Signing in to the served sandbox site with WorkOS, in a real browser:
//  - redirect mode: /wp-login.php → the emulator's hosted AuthKit page → /workos/callback →
//    wp-admin, as the role the WorkOS role maps to (Ada: WorkOS admin → administrator);
//  - a callback that fails ends on the companion's error page with its ways back;
//  - headless mode: WordPress's own form, the password checked by WorkOS (Alan: editor → editor).
//
// The site is configured with sandbox/lib/wordpress/configure-workos.php and put back as it was
// (options and the users this test created) at the end.
//
// Needs SANDBOX_WP_URL, SANDBOX_STATE, SANDBOX_EMULATOR_PORT and WORKOS_TEST_OUTPUT (./test sets them).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { requireEnv, CHROMIUM_ARGS, servedSite } from './lib/sandbox.mjs';
import { fillWordPressLogin, submitWordPressLogin } from './lib/wp-login-form.mjs';

const SITE = requireEnv('SANDBOX_WP_URL').replace(/\/+$/, '');
const STATE = requireEnv('SANDBOX_STATE');
const WORKOS = `http://127.0.0.1:${requireEnv('SANDBOX_EMULATOR_PORT')}`;
const OUT = requireEnv('WORKOS_TEST_OUTPUT');
const SITE_DIR = path.join(STATE, 'site');
const PASSWORD = 'Password123!';
const USERS = ['ada@acme.test', 'alan@acme.test'];

const { configure, wp } = servedSite(SITE, SITE_DIR);

describe('signing in to WordPress with WorkOS', () => {
  let browser;
  let saved;

  before(async () => {
    mkdirSync(OUT, { recursive: true });
    saved = JSON.parse(wp(`echo json_encode(array(
      'options' => array(
        'workos_active_environment' => get_option('workos_active_environment', null),
        'workos_staging' => get_option('workos_staging', null),
        'workos_production' => get_option('workos_production', null),
      ),
      'existing' => array_values(array_filter($data, function ($email) { return (bool) get_user_by('email', $email); })),
    ));`, USERS));
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    if (!saved) return;
    // Options back as they were; users this test created removed.
    wp(`require_once ABSPATH . 'wp-admin/includes/user.php';
      foreach ($data['options'] as $name => $value) { null === $value ? delete_option($name) : update_option($name, $value); }
      foreach ($data['created'] as $email) { $user = get_user_by('email', $email); if ($user) { wp_delete_user($user->ID); } }`,
    { options: saved.options, created: USERS.filter((email) => !saved.existing.includes(email)) });
  });

  async function newPage() {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15000);
    return page;
  }

  async function shot(page, name) {
    await page.screenshot({ path: path.join(OUT, `sso-${name}.png`) });
  }

  async function step(page, name, body) {
    try {
      await body();
    } catch (error) {
      await page.screenshot({ path: path.join(OUT, `failure-sso-${name}.png`), fullPage: true }).catch(() => {});
      throw error;
    }
  }

  test('redirect mode: wp-login.php → hosted AuthKit → wp-admin as administrator', async () => {
    configure('login_mode=redirect', 'allow_password_fallback=true');
    const page = await newPage();
    await step(page, 'redirect', async () => {
      // The hand-over to WorkOS: a 302 that no cache may keep.
      const handover = [];
      page.on('response', (r) => { if (r.url().startsWith(`${SITE}/wp-login.php`)) handover.push(r); });
      await page.goto(`${SITE}/wp-login.php?redirect_to=${encodeURIComponent(`${SITE}/wp-admin/options-general.php`)}`);
      assert.ok(page.url().startsWith(`${WORKOS}/user_management/authorize?`), page.url());
      assert.equal(handover[0].status(), 302);
      const headers = await handover[0].allHeaders();
      assert.equal(headers['cdn-cache-control'], 'no-store');
      assert.equal(headers['cloudflare-cdn-cache-control'], 'no-store');
      assert.match(headers['cache-control'], /no-cache/);
      const authorize = new URL(page.url());
      assert.equal(authorize.searchParams.get('redirect_uri'), `${SITE}/workos/callback`);
      assert.ok(authorize.searchParams.get('state').includes('.'), 'a signed state');
      await page.waitForSelector('#email');
      await shot(page, '1-hosted-sign-in');

      await page.fill('#email', 'ada@acme.test');
      await page.fill('#password', PASSWORD);
      await Promise.all([page.waitForURL(`${SITE}/wp-admin/options-general.php`), page.click('#submit')]);
      await page.waitForSelector('#wpadminbar');
      // options-general.php opens for manage_options only: Ada arrived as an administrator.
      assert.equal((await page.textContent('#wpbody-content h1')).trim(), 'General Settings');
      assert.match(await page.textContent('#wp-admin-bar-my-account'), /Ada Lovelace/);
      await shot(page, '2-wp-admin-administrator');

      const users = await page.goto(`${SITE}/wp-admin/users.php?s=ada%40acme.test`);
      assert.equal(users.status(), 200);
      assert.match(await page.textContent('#the-list'), /Administrator/);
      await shot(page, '3-users-ada-administrator');
    });
    await page.context().close();
  });

  test('a callback that cannot be completed shows the error page with the ways back', async () => {
    configure('login_mode=redirect', 'allow_password_fallback=true');
    const page = await newPage();
    await step(page, 'error-page', async () => {
      const response = await page.goto(`${SITE}/workos/callback?code=not-a-code&state=forged.state`);
      assert.equal(response.status(), 403);
      assert.equal((await response.allHeaders())['cdn-cache-control'], 'no-store');
      assert.match(await page.textContent('#workos-error-message'), /could not be verified/);
      assert.equal(await page.getAttribute('#workos-back-to-login', 'href'), `${SITE}/wp-login.php`);
      assert.equal(await page.getAttribute('#workos-password-fallback', 'href'), `${SITE}/wp-login.php?fallback=1`);
      await shot(page, '4-error-page');

      const denied = await page.goto(`${SITE}/workos/callback?error=access_denied&error_description=${encodeURIComponent('The user cancelled the sign-in.')}`);
      assert.equal(denied.status(), 403);
      assert.match(await page.textContent('#workos-error-message'), /The user cancelled the sign-in\./);

      // The way back to the password form shows WordPress's own form, not WorkOS.
      await page.click('#workos-password-fallback');
      await page.waitForSelector('#loginform');
      assert.ok(page.url().startsWith(`${SITE}/wp-login.php?fallback=1`));
      await shot(page, '5-fallback-form');
    });
    await page.context().close();
  });

  test('headless mode: WordPress form, WorkOS password, wp-admin as editor', async () => {
    configure('login_mode=headless', 'allow_password_fallback=true');
    const page = await newPage();
    await step(page, 'headless', async () => {
      await page.goto(`${SITE}/wp-login.php`);
      assert.ok(page.url().startsWith(`${SITE}/wp-login.php`), 'no hand-over to WorkOS in headless mode');
      await fillWordPressLogin(page, 'alan@acme.test', PASSWORD);
      await shot(page, '6-headless-form');
      await submitWordPressLogin(page, `${SITE}/wp-admin/**`);
      await page.waitForSelector('#wpadminbar');
      assert.match(await page.textContent('#wp-admin-bar-my-account'), /Alan Turing/);
      await shot(page, '7-headless-wp-admin-editor');

      // An editor: posts yes, site settings no.
      assert.equal((await page.goto(`${SITE}/wp-admin/edit.php`)).status(), 200);
      const settings = await page.goto(`${SITE}/wp-admin/options-general.php`);
      assert.equal(settings.status(), 403);
      assert.match(await page.textContent('body'), /Sorry, you are not allowed/);
    });
    await page.context().close();
  });

  test('headless mode: a wrong password is refused on the form', async () => {
    configure('login_mode=headless', 'allow_password_fallback=true');
    const page = await newPage();
    await step(page, 'headless-wrong', async () => {
      await page.goto(`${SITE}/wp-login.php`);
      await fillWordPressLogin(page, 'alan@acme.test', 'not-the-password');
      await Promise.all([page.waitForLoadState('load'), page.click('#wp-submit')]);
      await page.waitForSelector('#login_error');
      assert.ok(page.url().startsWith(`${SITE}/wp-login.php`));
      await shot(page, '8-headless-wrong-password');
    });
    await page.context().close();
  });
});
