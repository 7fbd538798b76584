// The sandbox's WorkOS emulator in a real browser: AuthKit's hosted sign-in page, the
// organization picker, the redirect back to the site's registered callback with a single-use code
// and the untouched state, then the code exchanged for tokens like the companion will do.
//
// Needs SANDBOX_WP_URL, SANDBOX_STATE, SANDBOX_EMULATOR_PORT and WORKOS_TEST_OUTPUT (./test sets them).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { requireEnv, readEnvFile, CHROMIUM_ARGS } from './lib/sandbox.mjs';

const SITE = requireEnv('SANDBOX_WP_URL').replace(/\/+$/, '');
const WORKOS = `http://127.0.0.1:${requireEnv('SANDBOX_EMULATOR_PORT')}`;
const OUT = requireEnv('WORKOS_TEST_OUTPUT');
const WORKOS_ENV = readEnvFile(path.join(requireEnv('SANDBOX_STATE'), 'emulator', 'credentials.env'));
const CALLBACK = `${SITE}/workos/callback`;

function authorizeUrl(state) {
  const q = new URLSearchParams({ client_id: WORKOS_ENV.SANDBOX_WORKOS_CLIENT_ID, response_type: 'code',
    redirect_uri: CALLBACK, provider: 'authkit', state });
  return `${WORKOS}/user_management/authorize?${q}`;
}

async function api(method, route, body) {
  const res = await fetch(`${WORKOS}${route}`, {
    method,
    headers: { Authorization: `Bearer ${WORKOS_ENV.SANDBOX_WORKOS_API_KEY}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json().catch(() => null) };
}

describe('AuthKit sign-in on the sandbox emulator', () => {
  let browser;
  let page;

  before(async () => {
    mkdirSync(OUT, { recursive: true });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    page = await (await browser.newContext({ viewport: { width: 1000, height: 760 } })).newPage();
    page.setDefaultTimeout(15000);
  });

  // What the site's callback receives (handling it is the companion's job): the browser's
  // arrival there, taken at the moment of the redirect.
  const atCallback = (url) => url.href.startsWith(CALLBACK);

  after(async () => { await browser?.close(); });

  test('a wrong password stays on the page with an error and no redirect', async () => {
    await page.goto(authorizeUrl('wrong-password'));
    await page.fill('#email', 'ada@acme.test');
    await page.fill('#password', 'not-the-password');
    await page.click('#submit');
    await page.waitForSelector('#error');
    assert.match(await page.textContent('#error'), /\S/);
    assert.equal(await page.inputValue('#email'), 'ada@acme.test');
    assert.ok(!atCallback(new URL(page.url())));
    await page.screenshot({ path: path.join(OUT, 'emulator-authkit-error.png') });
  });

  test('a member of two organizations picks one and returns with a code and the state', async () => {
    const state = randomBytes(12).toString('base64url') + '+/=&x';  // must come back untouched
    await page.goto(authorizeUrl(state));
    assert.equal((await page.textContent('#environment')).trim(), 'WorkOS Emulator');
    await page.screenshot({ path: path.join(OUT, 'emulator-authkit-sign-in.png') });
    await page.fill('#email', 'grace@acme.test');
    await page.fill('#password', 'Password123!');
    await page.click('#submit');

    await page.waitForSelector('#organization-form');
    await page.screenshot({ path: path.join(OUT, 'emulator-authkit-organizations.png') });
    const orgs = await api('GET', '/organizations?search=Globex');
    const globex = orgs.json.data[0].id;
    await page.check(`#organization-${globex}`);
    await Promise.all([page.waitForURL(atCallback, { waitUntil: 'commit' }), page.click('#submit')]);

    const arrived = new URL(page.url());
    const code = arrived.searchParams.get('code');
    assert.equal(arrived.searchParams.get('state'), state);
    assert.ok(code && code.length >= 16, 'a code');

    const exchanged = await fetch(`${WORKOS}/user_management/authenticate`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ grant_type: 'authorization_code', client_id: WORKOS_ENV.SANDBOX_WORKOS_CLIENT_ID,
        client_secret: WORKOS_ENV.SANDBOX_WORKOS_API_KEY, code }),
    });
    assert.equal(exchanged.status, 200);
    const tokens = await exchanged.json();
    assert.equal(tokens.user.email, 'grace@acme.test');
    assert.equal(tokens.organization_id, globex);
    const claims = JSON.parse(Buffer.from(tokens.access_token.split('.')[1], 'base64url').toString());
    assert.equal(claims.org_id, globex);
    assert.equal(claims.sub, tokens.user.id);
    assert.ok(claims.sid.startsWith('session_'));

    // Single use: the same code again is refused in OAuth shape.
    const again = await fetch(`${WORKOS}/user_management/authenticate`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ grant_type: 'authorization_code', client_id: WORKOS_ENV.SANDBOX_WORKOS_CLIENT_ID,
        client_secret: WORKOS_ENV.SANDBOX_WORKOS_API_KEY, code }),
    });
    assert.equal(again.status, 400);
    assert.equal((await again.json()).error, 'invalid_grant');
  });

  test('an unregistered redirect URI gets an error page, never a redirect', async () => {
    const q = new URLSearchParams({ client_id: WORKOS_ENV.SANDBOX_WORKOS_CLIENT_ID, response_type: 'code',
      redirect_uri: 'https://evil.example/steal', provider: 'authkit', state: 's' });
    const response = await page.goto(`${WORKOS}/user_management/authorize?${q}`);
    assert.equal(response.status(), 400);
    assert.equal(new URL(page.url()).origin, WORKOS);
  });
});
