// wp-admin in a real browser: Debian's /usr/bin/chromium (headless) through playwright-core,
// against the sandbox ./test started. Logs in as the sandbox administrator, checks the dashboard
// and that the WorkOS Companion plugin is active, and that no request failed on the way.
//
// Needs SANDBOX_WP_URL, SANDBOX_STATE (for credentials.env) and WORKOS_TEST_OUTPUT (screenshots).
// Run: cd tests/e2e && npm ci && node --test --test-concurrency=1 wp-admin.test.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { requireEnv, readEnvFile, CHROMIUM_ARGS } from './lib/sandbox.mjs';
import { fillWordPressLogin, submitWordPressLogin } from './lib/wp-login-form.mjs';

function readCredentials(file) {
  const values = readEnvFile(file);
  if (!values.SANDBOX_ADMIN_PASSWORD) throw new Error(`no SANDBOX_ADMIN_PASSWORD in ${file}`);
  return values;
}

async function loadChromium() {
  try {
    return (await import('playwright-core')).chromium;
  } catch (error) {
    throw new Error(`playwright-core is not installed: run "npm ci" in tests/e2e (${error.message})`);
  }
}

const BASE = requireEnv('SANDBOX_WP_URL').replace(/\/+$/, '');
const STATE = requireEnv('SANDBOX_STATE');
const OUT = requireEnv('WORKOS_TEST_OUTPUT');
const ADMIN_USER = process.env.SANDBOX_ADMIN_USER || 'admin';
const CREDENTIALS = readCredentials(path.join(STATE, 'credentials.env'));
const PLUGIN_FILE = 'workos-companion/workos-companion.php';

describe('wp-admin with the WorkOS Companion', () => {
  let browser;
  let page;
  const failedRequests = [];
  const badResponses = [];
  const pageErrors = [];

  before(async () => {
    mkdirSync(OUT, { recursive: true });
    const chromium = await loadChromium();
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    page.setDefaultTimeout(15000);
    page.on('requestfailed', (request) =>
      failedRequests.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText ?? 'failed'}`));
    page.on('response', (response) => {
      if (response.status() >= 400 && response.url().startsWith(BASE)) {
        badResponses.push(`${response.status()} ${response.request().method()} ${response.url()}`);
      }
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  after(async () => {
    await browser?.close();
  });

  // Keeps a picture of whatever the page showed when a step failed.
  async function step(name, body) {
    try {
      await body();
    } catch (error) {
      await page?.screenshot({ path: path.join(OUT, `failure-${name}.png`), fullPage: true }).catch(() => {});
      throw error;
    }
  }

  function assertNoFailures() {
    assert.deepEqual(failedRequests, [], 'requests that failed');
    assert.deepEqual(badResponses, [], 'same-site responses with an HTTP error status');
    assert.deepEqual(pageErrors, [], 'uncaught JavaScript errors');
  }

  test('the administrator logs in and sees the dashboard', async () => {
    await step('login', async () => {
      await page.goto(`${BASE}/wp-login.php`);
      await fillWordPressLogin(page, ADMIN_USER, CREDENTIALS.SANDBOX_ADMIN_PASSWORD);
      await submitWordPressLogin(page, '**/wp-admin/**');
      await page.waitForSelector('#wpadminbar');
      await page.waitForLoadState('networkidle');

      assert.match(await page.title(), /^Dashboard/);
      assert.equal((await page.textContent('#wpbody-content h1'))?.trim(), 'Dashboard');
      assert.equal(new URL(page.url()).pathname, '/wp-admin/');
      await page.screenshot({ path: path.join(OUT, 'wp-dashboard.png') });
      assertNoFailures();
    });
  });

  test('the plugins page lists WorkOS Companion as active', async () => {
    await step('plugins', async () => {
      await page.goto(`${BASE}/wp-admin/plugins.php`);
      await page.waitForLoadState('networkidle');
      assert.match(await page.title(), /^Plugins/);

      const row = page.locator(`tr[data-plugin="${PLUGIN_FILE}"]`);
      assert.equal(await row.count(), 1, `a row for ${PLUGIN_FILE}`);
      assert.equal((await row.locator('td.plugin-title strong').textContent())?.trim(), 'WorkOS Companion');
      assert.match((await row.getAttribute('class')) ?? '', /\bactive\b/);
      const deactivate = row.locator('span.deactivate a');
      assert.equal(await deactivate.count(), 1, 'a Deactivate link');
      assert.equal((await deactivate.textContent())?.trim(), 'Deactivate');
      assert.equal(await row.locator('span.activate a').count(), 0, 'no Activate link');

      await row.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(OUT, 'wp-plugins.png') });
      assertNoFailures();
    });
  });
});
