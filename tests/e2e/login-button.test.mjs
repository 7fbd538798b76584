// The login button ([workos_login] shortcode) on a page of the served sandbox site, and the
// admin-bar environment badge, in a real browser:
//  - logged out, the page shows the button, pointing at wp-login.php with the page as redirect_to;
//  - the sandbox administrator signs in with WordPress's own form (?fallback=1) and the page then
//    says who is signed in, with a sign-out link;
//  - wp-admin shows the badge "WorkOS: Staging" (amber), and "WorkOS: Production" (green) once
//    production is the active environment;
//  - a new visitor clicks the button, signs in on WorkOS's hosted page (the emulator) and lands
//    back on the page signed in; the sign-out link signs them out.
//
// The page and the settings are made with PHP run against $SANDBOX_STATE/site and put back as
// they were at the end (options, the page, the user the WorkOS sign-in created).
//
// Needs SANDBOX_WP_URL, SANDBOX_STATE, SANDBOX_EMULATOR_PORT and WORKOS_TEST_OUTPUT (./test sets them).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { requireEnv, readEnvFile, CHROMIUM_ARGS, servedSite } from './lib/sandbox.mjs';
import { fillWordPressLogin, submitWordPressLogin } from './lib/wp-login-form.mjs';

const SITE = requireEnv('SANDBOX_WP_URL').replace(/\/+$/, '');
const STATE = requireEnv('SANDBOX_STATE');
const WORKOS = `http://127.0.0.1:${requireEnv('SANDBOX_EMULATOR_PORT')}`;
const OUT = requireEnv('WORKOS_TEST_OUTPUT');
const SITE_DIR = path.join(STATE, 'site');
const CREDENTIALS = readEnvFile(path.join(STATE, 'credentials.env'));
const ADMIN_USER = process.env.SANDBOX_ADMIN_USER || 'admin';
const SLUG = 'workos-login-button-e2e';
const LABEL = 'Sign in with WorkOS';
const VISITOR = 'katherine@acme.test';

const { configure, wp } = servedSite(SITE, SITE_DIR);

describe('the login button and the admin-bar badge on the served site', () => {
  let browser;
  let saved;
  let pageUrl;
  const problems = [];

  before(async () => {
    mkdirSync(OUT, { recursive: true });
    saved = JSON.parse(wp(`echo json_encode(array(
      'options' => array(
        'workos_active_environment' => get_option('workos_active_environment', null),
        'workos_staging' => get_option('workos_staging', null),
        'workos_production' => get_option('workos_production', null),
        'show_avatars' => get_option('show_avatars', null),
      ),
      'visitor_existed' => (bool) get_user_by('email', $data),
    ));`, VISITOR));
    configure('login_mode=redirect', 'allow_password_fallback=true');
    // No Gravatar: the sandbox has no network, and a broken image is not what we look at.
    const created = JSON.parse(wp(`update_option('show_avatars', 0);
      $old = get_page_by_path($data['slug'], OBJECT, 'page');
      if ($old) { wp_delete_post($old->ID, true); }
      $id = wp_insert_post(array('post_type' => 'page', 'post_status' => 'publish', 'post_name' => $data['slug'],
        'post_title' => 'Members area', 'post_content' => $data['content']), true);
      if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message()); exit(1); }
      echo json_encode(array('id' => $id, 'url' => get_permalink($id)));`,
    { slug: SLUG, content: `<!-- wp:shortcode -->\n[workos_login label="${LABEL}" redirect_to="/${SLUG}/" show_icon="yes"]\n<!-- /wp:shortcode -->` }));
    saved.page = created.id;
    pageUrl = created.url;
    assert.equal(pageUrl, `${SITE}/${SLUG}/`);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    if (!saved) return;
    wp(`require_once ABSPATH . 'wp-admin/includes/user.php';
      foreach ($data['options'] as $name => $value) { null === $value ? delete_option($name) : update_option($name, $value); }
      if ($data['page']) { wp_delete_post($data['page'], true); }
      if (!$data['visitor_existed']) { $user = get_user_by('email', $data['visitor']); if ($user) { wp_delete_user($user->ID); } }`,
    { ...saved, visitor: VISITOR });
  });

  async function newPage() {
    const page = await (await browser.newContext({ viewport: { width: 1200, height: 800 } })).newPage();
    page.setDefaultTimeout(15000);
    page.on('response', (response) => {
      if (response.status() >= 400 && response.url().startsWith(SITE)) {
        problems.push(`${response.status()} ${response.request().method()} ${response.url()}`);
      }
    });
    page.on('pageerror', (error) => problems.push(`JavaScript: ${error.message}`));
    return page;
  }

  // Keeps a picture of whatever the page showed when a step failed.
  async function step(page, name, body) {
    try {
      await body();
    } catch (error) {
      await page.screenshot({ path: path.join(OUT, `failure-login-button-${name}.png`), fullPage: true }).catch(() => {});
      throw error;
    }
  }

  let admin;

  test('a logged-out visitor sees the button, pointing at the sign-in page', async () => {
    admin = await newPage();
    await step(admin, 'logged-out', async () => {
      await admin.goto(pageUrl);
      const button = admin.locator('.workos-login-button__link');
      await button.waitFor({ state: 'visible' });
      assert.equal((await button.textContent()).trim(), LABEL);
      assert.equal(await admin.locator('.workos-login-button svg').count(), 1, 'the lock icon');
      // Our stylesheet wins over the theme's link colours: white on near-black.
      assert.deepEqual(await button.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]),
        ['rgb(255, 255, 255)', 'rgb(29, 35, 39)']);
      const href = new URL(await button.getAttribute('href'));
      assert.equal(`${href.origin}${href.pathname}`, `${SITE}/wp-login.php`);
      assert.equal(href.searchParams.get('redirect_to'), pageUrl);
      assert.equal(await admin.locator('.workos-login-button__logout').count(), 0);
      await button.scrollIntoViewIfNeeded();
      await admin.screenshot({ path: path.join(OUT, 'login-button-logged-out.png') });
    });
  });

  test('the administrator signs in with the WordPress form and the page says who is signed in', async () => {
    await step(admin, 'signed-in', async () => {
      await admin.goto(`${SITE}/wp-login.php?fallback=1&redirect_to=${encodeURIComponent(pageUrl)}`);
      await fillWordPressLogin(admin, ADMIN_USER, CREDENTIALS.SANDBOX_ADMIN_PASSWORD);
      await submitWordPressLogin(admin, pageUrl);

      const who = admin.locator('.workos-login-button__user');
      await who.waitFor({ state: 'visible' });
      assert.match((await who.textContent()).trim(), /^Signed in as \S+/);
      const logout = admin.locator('.workos-login-button__logout');
      assert.equal((await logout.textContent()).trim(), 'Sign out');
      const href = new URL(await logout.getAttribute('href'));
      assert.equal(href.pathname, '/wp-login.php');
      assert.equal(href.searchParams.get('action'), 'logout');
      assert.ok(href.searchParams.get('_wpnonce'), 'a nonce');
      assert.equal(href.searchParams.get('redirect_to'), pageUrl);
      assert.equal(await admin.locator('.workos-login-button__link').count(), 0, 'no sign-in button any more');
      // The badge is on the front end's admin bar too.
      assert.equal((await admin.locator('#wp-admin-bar-workos-environment').textContent()).trim(), 'WorkOS: Staging');
      await who.scrollIntoViewIfNeeded();
      await admin.screenshot({ path: path.join(OUT, 'login-button-signed-in.png') });
    });
  });

  test('wp-admin shows the environment badge, staging and production in different colours', async () => {
    await step(admin, 'badge', async () => {
      await admin.goto(`${SITE}/wp-admin/`);
      const badge = admin.locator('#wp-admin-bar-workos-environment');
      await badge.waitFor({ state: 'visible' });
      assert.equal((await badge.textContent()).trim(), 'WorkOS: Staging');
      assert.match(await badge.getAttribute('class'), /\bworkos-env-staging\b/);
      const item = badge.locator('.ab-item');
      assert.equal(await item.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(219, 166, 23)');
      await admin.screenshot({ path: path.join(OUT, 'admin-bar-badge-staging.png'), clip: { x: 0, y: 0, width: 1200, height: 120 } });

      // Production active (same emulator credentials): green.
      wp(`update_option('workos_production', get_option('workos_staging')); update_option('workos_active_environment', 'production');`);
      await admin.reload();
      assert.equal((await badge.textContent()).trim(), 'WorkOS: Production');
      assert.match(await badge.getAttribute('class'), /\bworkos-env-production\b/);
      assert.equal(await item.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(0, 138, 32)');
      await admin.screenshot({ path: path.join(OUT, 'admin-bar-badge-production.png'), clip: { x: 0, y: 0, width: 1200, height: 120 } });

      // Not configured: grey, and says so.
      wp(`update_option('workos_production', array());`);
      await admin.reload();
      assert.equal((await badge.textContent()).trim(), 'WorkOS: not configured');
      assert.equal(await item.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(100, 105, 112)');
      await admin.screenshot({ path: path.join(OUT, 'admin-bar-badge-unconfigured.png'), clip: { x: 0, y: 0, width: 1200, height: 120 } });
      wp(`update_option('workos_active_environment', 'staging');`);
      assert.deepEqual(problems, [], 'same-site HTTP errors or JavaScript errors');
    });
  });

  test('the block editor offers the block and previews it, rendered by the server', async () => {
    await step(admin, 'editor', async () => {
      await admin.goto(`${SITE}/wp-admin/post-new.php?post_type=page`);
      await admin.waitForFunction(() => window.wp?.blocks?.getBlockType?.('workos/login-button'));
      const type = await admin.evaluate(() => {
        const t = window.wp.blocks.getBlockType('workos/login-button');
        return { title: t.title, category: t.category, dynamic: t.save() === null, hasRedirect: 'redirect_to' in t.attributes };
      });
      assert.deepEqual(type, { title: 'WorkOS Login Button', category: 'widgets', dynamic: true, hasRedirect: true });
      await admin.evaluate(() => {
        const { select, dispatch } = window.wp.data;
        if (select('core/edit-post').isFeatureActive('welcomeGuide')) dispatch('core/edit-post').toggleFeature('welcomeGuide');
        const block = window.wp.blocks.createBlock('workos/login-button', { button_text: 'Editor preview', show_icon: true });
        dispatch('core/block-editor').insertBlocks(block);
        dispatch('core/block-editor').selectBlock(block.clientId);
      });
      const preview = admin.locator('.wp-block-workos-login-button .workos-login-button__link');
      await preview.waitFor({ state: 'visible' });
      assert.equal((await preview.textContent()).trim(), 'Editor preview');
      assert.equal(await preview.evaluate((el) => getComputedStyle(el).color), 'rgb(255, 255, 255)', 'not the theme\'s link colour');
      // The sidebar has the block's settings.
      await admin.getByLabel('Button text').waitFor({ state: 'visible' });
      await admin.screenshot({ path: path.join(OUT, 'login-button-block-editor.png') });
      assert.deepEqual(problems, [], 'same-site HTTP errors or JavaScript errors');
    });
  });

  test('a new visitor clicks the button, signs in on WorkOS and comes back signed in', async () => {
    const visitor = await newPage();
    await step(visitor, 'visitor', async () => {
      await visitor.goto(pageUrl);
      await visitor.click('.workos-login-button__link');
      await visitor.waitForURL((url) => url.href.startsWith(`${WORKOS}/`));
      await visitor.fill('#email', VISITOR);
      await visitor.fill('#password', 'Password123!');
      await Promise.all([visitor.waitForURL(pageUrl), visitor.click('#submit')]);

      const who = visitor.locator('.workos-login-button__user');
      await who.waitFor({ state: 'visible' });
      assert.match((await who.textContent()).trim(), /^Signed in as /);
      await who.scrollIntoViewIfNeeded();
      await visitor.screenshot({ path: path.join(OUT, 'login-button-workos-visitor.png') });

      await Promise.all([visitor.waitForURL(pageUrl), visitor.click('.workos-login-button__logout')]);
      await visitor.locator('.workos-login-button__link').waitFor({ state: 'visible' });
      assert.equal(await visitor.locator('.workos-login-button__user').count(), 0);
      await visitor.screenshot({ path: path.join(OUT, 'login-button-after-sign-out.png') });
      assert.deepEqual(problems, [], 'same-site HTTP errors or JavaScript errors');
    });
  });
});
