// The official WorkOS Node SDK against the emulator (issue 3: "A third party must be able to point
// an official WorkOS SDK at it (base URL override) and work").
//
//   node --test --test-concurrency=1 sdk.test.mjs
//   WORKOS_EMULATOR_BIN=/path/to/workos-emulator  (default: build/sandbox/emulator/workos-emulator)
//
// @workos-inc/node is pinned by package.json/package-lock.json (8.13.0: the last release whose
// engines field accepts Node 20; 9.x and later require Node >= 22.11). The SDK is configured only
// through its public constructor options (apiHostname, port, https: false, clientId); every call
// goes through the SDK's own HTTP client, serializers, error classes, session sealing, JWKS
// helper and webhook verification. Assertions are on the values the SDK returns.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import {
    BadRequestException, GenericServerException, NotFoundException, OauthException, RateLimitExceededException,
    SignatureVerificationException, UnauthorizedException, UnprocessableEntityException, WorkOS,
} from '@workos-inc/node';

import { emulatorBinary, startEmulator } from './lib/emulator.mjs';
import { startReceiver } from './lib/webhooks.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const SDK_VERSION = JSON.parse(readFileSync(path.join(here, 'node_modules', '@workos-inc', 'node', 'package.json'), 'utf8')).version;

const API_KEY = 'sk_test_sdk_node';
const CLIENT_ID = 'client_sdk_node';
const REDIRECT_URI = 'http://127.0.0.1:9/sdk/callback'; // registered with --redirect-uri; never contacted (redirects are read, not followed)
const PASSWORD = 'Password123!';                           // every user of the demo seed
const COOKIE_PASSWORD = randomBytes(24).toString('hex');   // 48 characters (the SDK's sealing needs >= 32)
const WEBHOOK_SECRET = `whsec_sdk_${randomBytes(12).toString('hex')}`;

let emu;
let workos;
let receiver;
const ids = {};

// The emulator's control API (not WorkOS; not something the SDK knows).
async function control(method, route, body, expect = [200, 201]) {
    const res = await fetch(emu.baseUrl + route, {
        method, headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    assert.ok([].concat(expect).includes(res.status), `${method} ${route}: got ${res.status}: ${text.slice(0, 500)}`);
    return text ? JSON.parse(text) : undefined;
}

// Runs `fn`, expects it to throw an instance of `Class`, returns the error for further checks.
async function rejects(fn, Class, what) {
    try {
        await fn();
    } catch (e) {
        assert.ok(e instanceof Class, `${what}: expected ${Class.name}, got ${e?.name}: ${e?.message} ${JSON.stringify(e?.rawData ?? '')}`);
        return e;
    }
    assert.fail(`${what}: expected ${Class.name}, but the call succeeded`);
}

// Every event of `options` in ascending order, page by page with `after` cursors.
async function allEvents(options) {
    const events = [];
    let page = await workos.events.listEvents({ limit: 100, order: 'asc', ...options });
    for (let i = 0; i < 100; i++) {
        events.push(...page.data);
        if (!page.listMetadata.after) return events;
        page = await workos.events.listEvents({ limit: 100, order: 'asc', ...options, after: page.listMetadata.after });
    }
    throw new Error('more than 100 pages of events');
}

const decodeJwt = (jwt) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));

// ---------------------------------------------------------------- the hosted pages, like a browser

const decodeEntities = (s) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

// The first <form> of an HTML page: action, id, hidden fields and radio choices, attribute order
// independent.
function parseForm(html) {
    const form = html.match(/<form\b([^>]*)>([\s\S]*?)<\/form>/i);
    assert.ok(form, `no <form> in the page:\n${html.slice(0, 1500)}`);
    const attrs = (tag) => Object.fromEntries([...tag.matchAll(/([\w-]+)(?:="([^"]*)")?/g)].map(([, k, v]) => [k.toLowerCase(), decodeEntities(v ?? '')]));
    const formAttrs = attrs(form[1]);
    const inputs = [...form[2].matchAll(/<input\b([^>]*)>/gi)].map((m) => attrs(m[1]));
    return {
        id: formAttrs.id,
        action: formAttrs.action,
        method: (formAttrs.method ?? 'get').toLowerCase(),
        hidden: Object.fromEntries(inputs.filter((i) => i.type === 'hidden').map((i) => [i.name, i.value])),
        inputs,
    };
}

// Submits a form like a browser (urlencoded POST) without following the redirect.
async function submit(pageUrl, form, values) {
    assert.equal(form.method, 'post');
    const res = await fetch(new URL(form.action, pageUrl), {
        method: 'POST', redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...form.hidden, ...values }).toString(),
    });
    return { res, text: await res.text() };
}

// Opens an authorization URL made by the SDK, signs in with the form, picks `organizationId` on
// the organization picker if one is shown; returns the redirect back to the application.
async function signInThroughHostedPage(authorizationUrl, email, { organizationId, expectPicker = false } = {}) {
    const page = await fetch(authorizationUrl, { redirect: 'manual' });
    const html = await page.text();
    assert.equal(page.status, 200, `GET ${authorizationUrl}: ${html.slice(0, 500)}`);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(html, /<h1>Sign in<\/h1>/);
    const signIn = parseForm(html);
    assert.equal(signIn.id, 'sign-in-form');
    assert.ok(signIn.inputs.some((i) => i.id === 'email' && i.type === 'email'), 'the sign-in form has #email');
    assert.ok(signIn.inputs.some((i) => i.id === 'password' && i.type === 'password'), 'the sign-in form has #password');
    assert.match(html, /id="submit"/);
    let { res, text } = await submit(authorizationUrl, signIn, { email, password: PASSWORD });
    if (expectPicker) {
        assert.equal(res.status, 200, `the organization picker after signing in: ${text.slice(0, 500)}`);
        assert.match(text, /Choose an organization/);
        const picker = parseForm(text);
        const choices = picker.inputs.filter((i) => i.type === 'radio' && i.name === 'selected_organization').map((i) => i.value);
        assert.ok(choices.includes(organizationId), `the picker offers ${organizationId}: ${choices.join(', ')}`);
        assert.ok(picker.inputs.some((i) => i.id === `organization-${organizationId}`), `#organization-${organizationId} on the picker`);
        ({ res, text } = await submit(authorizationUrl, picker, { selected_organization: organizationId }));
    }
    assert.equal(res.status, 302, `expected a redirect back to the application, got ${res.status}: ${text.slice(0, 500)}`);
    const location = new URL(res.headers.get('location'));
    assert.equal(`${location.origin}${location.pathname}`, REDIRECT_URI);
    return location;
}

// ------------------------------------------------------------------------------------ harness

before(async () => {
    emu = await startEmulator({
        bin: emulatorBinary(),
        args: ['--port', '0', '--control', '--api-key', API_KEY, '--client-id', CLIENT_ID, '--redirect-uri', REDIRECT_URI],
    });
    const url = new URL(emu.baseUrl);
    // Exactly what docs/sandbox.md tells a third party to write.
    workos = new WorkOS(API_KEY, { apiHostname: url.hostname, port: Number(url.port), https: false, clientId: CLIENT_ID });
    receiver = await startReceiver();
    await control('POST', '/_emulator/webhooks', { url: receiver.url, secret: WEBHOOK_SECRET }, 201);
});

after(async () => {
    await receiver?.close();
    await emu?.stop();
});

describe(`@workos-inc/node ${SDK_VERSION} against the emulator`, () => {
    test('configuration: the base URL override, the API key and the client ID', async (t) => {
        t.diagnostic(`@workos-inc/node ${SDK_VERSION} (Node ${process.versions.node}), emulator ${emu.baseUrl}`);
        assert.equal(workos.baseURL, emu.baseUrl, 'the SDK talks to the emulator, not api.workos.com');
        assert.equal(workos.version, SDK_VERSION);
        assert.equal(workos.userManagement.getJwksUrl(CLIENT_ID), `${emu.baseUrl}/sso/jwks/${CLIENT_ID}`);
        const health = await control('GET', '/_emulator/health');
        assert.equal(health.client_id, CLIENT_ID, '--client-id is the environment\'s client ID with the demo seed');

        const url = new URL(emu.baseUrl);
        const wrongKey = new WorkOS('sk_test_wrong', { apiHostname: url.hostname, port: Number(url.port), https: false, clientId: CLIENT_ID });
        const e = await rejects(() => wrongKey.organizations.listOrganizations(), UnauthorizedException, 'a wrong API key');
        assert.equal(e.status, 401);
    });

    test('organizations: list (cursors and autoPagination), create, get, get by external id, update, roles, delete', async () => {
        // Manual pagination with `after` cursors, one organization per page.
        const walked = [];
        let page = await workos.organizations.listOrganizations({ limit: 1, order: 'asc' });
        for (;;) {
            assert.equal(page.data.length, 1);
            walked.push(...page.data);
            if (!page.listMetadata.after) break;
            page = await workos.organizations.listOrganizations({ limit: 1, order: 'asc', after: page.listMetadata.after });
        }
        assert.deepEqual(walked.map((o) => o.name), ['Acme Corp', 'Globex']);
        const acme = walked[0];
        ids.acme = acme.id;
        ids.globex = walked[1].id;
        assert.equal(acme.object, 'organization');
        assert.equal(acme.externalId, 'acme-001');
        assert.deepEqual(acme.metadata, { tier: 'enterprise' });
        assert.deepEqual(acme.domains.map((d) => [d.domain, d.state, d.organizationId]), [['acme.test', 'verified', acme.id]]);

        const all = await (await workos.organizations.listOrganizations()).autoPagination();
        assert.deepEqual(all.map((o) => o.id).sort(), walked.map((o) => o.id).sort());
        const byDomain = await workos.organizations.listOrganizations({ domains: ['globex.test'] });
        assert.deepEqual(byDomain.data.map((o) => o.name), ['Globex']);

        const created = await workos.organizations.createOrganization({
            name: 'SDK Industries', domainData: [{ domain: 'sdk-industries.test', state: 'verified' }],
            externalId: 'sdk-industries-1', metadata: { plan: 'gold' },
        });
        ids.sdkOrg = created.id;
        assert.match(created.id, /^org_/);
        assert.equal(created.name, 'SDK Industries');
        assert.equal(created.externalId, 'sdk-industries-1');
        assert.deepEqual(created.metadata, { plan: 'gold' });
        assert.deepEqual(created.domains.map((d) => [d.domain, d.state]), [['sdk-industries.test', 'verified']]);
        assert.equal(typeof created.createdAt, 'string');

        assert.equal((await workos.organizations.getOrganization(created.id)).name, 'SDK Industries');
        assert.equal((await workos.organizations.getOrganizationByExternalId('sdk-industries-1')).id, created.id);

        const updated = await workos.organizations.updateOrganization({
            organization: created.id, name: 'SDK Industries Ltd', metadata: { plan: 'platinum' }, stripeCustomerId: 'cus_sdk',
        });
        assert.equal(updated.id, created.id);
        assert.equal(updated.name, 'SDK Industries Ltd');
        assert.deepEqual(updated.metadata, { plan: 'platinum' });
        assert.equal(updated.stripeCustomerId, 'cus_sdk');
        assert.equal((await workos.organizations.getOrganization(created.id)).name, 'SDK Industries Ltd');

        // Roles through both SDK entry points: organizations (legacy /organizations/{id}/roles)
        // and authorization (/authorization/organizations/{id}/roles).
        const legacy = await workos.organizations.listOrganizationRoles({ organizationId: acme.id });
        const current = await workos.authorization.listOrganizationRoles(acme.id);
        for (const roles of [legacy, current]) {
            assert.equal(roles.object, 'list');
            const slugs = roles.data.map((r) => r.slug);
            for (const slug of ['admin', 'editor', 'member']) assert.ok(slugs.includes(slug), `role ${slug} in ${slugs.join(', ')}`);
            const admin = roles.data.find((r) => r.slug === 'admin');
            assert.equal(admin.name, 'Admin');
            assert.ok(admin.permissions.includes('users:manage'));
            assert.equal(admin.type, 'EnvironmentRole');
        }
        assert.deepEqual(legacy.data.map((r) => r.slug), current.data.map((r) => r.slug));

        await rejects(() => workos.organizations.getOrganization('org_01NOTTHERE0000000000000000'), NotFoundException, 'an unknown organization');
        const doomed = await workos.organizations.createOrganization({ name: 'SDK Doomed' });
        await workos.organizations.deleteOrganization(doomed.id);
        await rejects(() => workos.organizations.getOrganization(doomed.id), NotFoundException, 'a deleted organization');
    });

    test('users: list (cursors and autoPagination, filters), get, create, update, delete', async () => {
        const walked = [];
        let page = await workos.userManagement.listUsers({ limit: 7, order: 'asc' });
        assert.equal(page.data.length, 7);
        for (;;) {
            walked.push(...page.data);
            if (!page.listMetadata.after) break;
            page = await workos.userManagement.listUsers({ limit: 7, order: 'asc', after: page.listMetadata.after });
        }
        assert.equal(walked.length, 20, 'the demo seed has 20 users');
        assert.equal(new Set(walked.map((u) => u.id)).size, 20, 'no user twice across pages');

        const all = await (await workos.userManagement.listUsers()).autoPagination();
        assert.deepEqual(all.map((u) => u.id).sort(), walked.map((u) => u.id).sort());
        // With a limit, autoPagination returns only the first page (the SDK's documented behaviour).
        assert.equal((await (await workos.userManagement.listUsers({ limit: 3 })).autoPagination()).length, 3);

        const ada = walked.find((u) => u.email === 'ada@acme.test');
        ids.ada = ada.id;
        ids.grace = walked.find((u) => u.email === 'grace@acme.test').id;
        assert.equal(ada.object, 'user');
        assert.equal(ada.firstName, 'Ada');
        assert.equal(ada.lastName, 'Lovelace');
        assert.equal(ada.emailVerified, true);

        const byEmail = await workos.userManagement.listUsers({ email: 'grace@acme.test' });
        assert.deepEqual(byEmail.data.map((u) => u.id), [ids.grace]);
        const inGlobex = await (await workos.userManagement.listUsers({ organizationId: ids.globex })).autoPagination();
        assert.ok(inGlobex.some((u) => u.id === ids.grace), 'Grace is in Globex');
        assert.ok(!inGlobex.some((u) => u.id === ids.ada), 'Ada is not in Globex');

        const got = await workos.userManagement.getUser(ada.id);
        assert.deepEqual(got, ada);

        const created = await workos.userManagement.createUser({
            email: 'mary@sdk-industries.test', password: 'Sdk-Passw0rd!', firstName: 'Mary', lastName: 'Jackson',
            emailVerified: true, externalId: 'mary-sdk', metadata: { team: 'wind-tunnel' },
        });
        ids.mary = created.id;
        assert.match(created.id, /^user_/);
        assert.equal(created.email, 'mary@sdk-industries.test');
        assert.equal(created.firstName, 'Mary');
        assert.equal(created.emailVerified, true);
        assert.equal(created.externalId, 'mary-sdk');
        assert.deepEqual(created.metadata, { team: 'wind-tunnel' });
        assert.equal((await workos.userManagement.getUserByExternalId('mary-sdk')).id, created.id);

        const updated = await workos.userManagement.updateUser({ userId: created.id, firstName: 'Mary W.', locale: 'en-US', metadata: { team: 'langley' } });
        assert.equal(updated.firstName, 'Mary W.');
        assert.equal(updated.lastName, 'Jackson');
        assert.equal(updated.locale, 'en-US');
        assert.deepEqual(updated.metadata, { team: 'langley' });
        // The password given at creation works.
        const signedIn = await workos.userManagement.authenticateWithPassword({ email: 'mary@sdk-industries.test', password: 'Sdk-Passw0rd!' });
        assert.equal(signedIn.user.id, created.id);

        const dup = await rejects(() => workos.userManagement.createUser({ email: 'MARY@sdk-industries.test' }), BadRequestException, 'a duplicate email');
        assert.equal(dup.code, 'user_creation_error');
        assert.ok(dup.errors.some((e) => e.code === 'email_not_available'), JSON.stringify(dup.errors));

        const temp = await workos.userManagement.createUser({ email: 'temp@sdk-industries.test' });
        await workos.userManagement.deleteUser(temp.id);
        const gone = await rejects(() => workos.userManagement.getUser(temp.id), NotFoundException, 'a deleted user');
        assert.equal(gone.status, 404);
    });

    test('autoPagination follows list_metadata.after across pages of 100', async () => {
        // The SDK's autoPagination asks for limit=100 per page: more than 100 users make it turn pages.
        for (let i = 0; i < 85; i++)
            await workos.userManagement.createUser({ email: `bulk${String(i).padStart(2, '0')}@sdk-bulk.test`, firstName: 'Bulk' });
        const first = await workos.userManagement.listUsers({ limit: 100 });
        assert.equal(first.data.length, 100);
        assert.ok(first.listMetadata.after, 'a second page exists');
        const all = await (await workos.userManagement.listUsers()).autoPagination();
        assert.equal(all.length, 20 + 1 + 85, 'the seed\'s 20, Mary and 85 bulk users');
        assert.equal(new Set(all.map((u) => u.id)).size, all.length, 'no user twice');
        assert.deepEqual(all.slice(0, 100).map((u) => u.id), first.data.map((u) => u.id), 'the first page, then the rest (order desc)');
        const ascending = await (await workos.userManagement.listUsers({ order: 'asc' })).autoPagination();
        assert.deepEqual(ascending.map((u) => u.id), [...all].reverse().map((u) => u.id));
    });

    test('organization memberships: create, get, list with statuses, update, deactivate, reactivate, delete', async () => {
        const m = await workos.userManagement.createOrganizationMembership({ userId: ids.mary, organizationId: ids.sdkOrg, roleSlug: 'admin' });
        assert.match(m.id, /^om_/);
        assert.equal(m.object, 'organization_membership');
        assert.equal(m.userId, ids.mary);
        assert.equal(m.organizationId, ids.sdkOrg);
        assert.equal(m.status, 'active');
        assert.equal(m.role.slug, 'admin');
        assert.equal(m.organizationName, 'SDK Industries Ltd');

        const got = await workos.userManagement.getOrganizationMembership(m.id);
        assert.equal(got.id, m.id);
        assert.equal(got.role.slug, 'admin');

        const graces = await (await workos.userManagement.listOrganizationMemberships({ userId: ids.grace })).autoPagination();
        assert.deepEqual(graces.map((x) => x.organizationId).sort(), [ids.acme, ids.globex].sort());
        const acmeMembers = [];
        let page = await workos.userManagement.listOrganizationMemberships({ organizationId: ids.acme, limit: 4 });
        for (;;) {
            acmeMembers.push(...page.data);
            if (!page.listMetadata.after) break;
            page = await workos.userManagement.listOrganizationMemberships({ organizationId: ids.acme, limit: 4, after: page.listMetadata.after });
        }
        assert.ok(acmeMembers.length > 4, 'several pages of Acme members');
        assert.ok(acmeMembers.every((x) => x.organizationId === ids.acme));

        const updated = await workos.userManagement.updateOrganizationMembership(m.id, { roleSlug: 'member' });
        assert.equal(updated.role.slug, 'member');

        const deactivated = await workos.userManagement.deactivateOrganizationMembership(m.id);
        assert.equal(deactivated.status, 'inactive');
        const activeOnly = await workos.userManagement.listOrganizationMemberships({ organizationId: ids.sdkOrg, statuses: ['active'] });
        assert.deepEqual(activeOnly.data.map((x) => x.id), []);
        const inactive = await workos.userManagement.listOrganizationMemberships({ organizationId: ids.sdkOrg, statuses: ['active', 'inactive'] });
        assert.deepEqual(inactive.data.map((x) => [x.id, x.status]), [[m.id, 'inactive']]);

        const reactivated = await workos.userManagement.reactivateOrganizationMembership(m.id);
        assert.equal(reactivated.status, 'active');
        assert.equal(reactivated.role.slug, 'member');

        const again = await rejects(() => workos.userManagement.createOrganizationMembership({ userId: ids.mary, organizationId: ids.sdkOrg }),
                                    GenericServerException, 'a second active membership');
        assert.equal(again.status, 400);
        assert.equal(again.rawData.code, 'organization_membership_already_exists');

        const temp = await workos.userManagement.createOrganizationMembership({ userId: ids.mary, organizationId: ids.globex });
        await workos.userManagement.deleteOrganizationMembership(temp.id);
        await rejects(() => workos.userManagement.getOrganizationMembership(temp.id), NotFoundException, 'a deleted membership');
    });

    test('directory sync: directories, directory users and groups', async () => {
        const directories = await (await workos.directorySync.listDirectories()).autoPagination();
        const okta = directories.find((d) => d.name === 'Acme Okta');
        assert.ok(okta, `Acme Okta among ${directories.map((d) => d.name).join(', ')}`);
        assert.equal(okta.object, 'directory');
        assert.equal(okta.organizationId, ids.acme);
        assert.equal(okta.type, 'okta scim v2.0');
        assert.equal(okta.state, 'active');
        assert.deepEqual((await workos.directorySync.listDirectories({ organizationId: ids.globex })).data, []);
        assert.deepEqual((await workos.directorySync.getDirectory(okta.id)).id, okta.id);

        const groups = await (await workos.directorySync.listGroups({ directory: okta.id })).autoPagination();
        assert.deepEqual(groups.map((g) => g.name).sort(), ['Admins', 'Editors', 'Engineering']);
        const engineering = groups.find((g) => g.name === 'Engineering');
        assert.equal(engineering.directoryId, okta.id);
        assert.equal(engineering.organizationId, ids.acme);
        assert.equal((await workos.directorySync.getGroup(engineering.id)).name, 'Engineering');

        const users = [];
        let page = await workos.directorySync.listUsers({ directory: okta.id, limit: 4 });
        for (;;) {
            users.push(...page.data);
            if (!page.listMetadata.after) break;
            page = await workos.directorySync.listUsers({ directory: okta.id, limit: 4, after: page.listMetadata.after });
        }
        assert.equal(users.length, 6, 'six directory users in the demo seed');
        assert.equal(users.filter((u) => u.state === 'inactive').length, 1, 'one of them inactive');
        const adaDir = users.find((u) => u.email === 'ada@acme.test');
        assert.ok(adaDir, 'Ada is a directory user');
        assert.equal(adaDir.object, 'directory_user');
        assert.equal(adaDir.firstName, 'Ada');
        assert.ok(Array.isArray(adaDir.groups));
        const inEngineering = await (await workos.directorySync.listUsers({ group: engineering.id })).autoPagination();
        assert.ok(inEngineering.length >= 1);
        assert.ok(inEngineering.every((u) => u.groups.some((g) => g.id === engineering.id)), 'every user listed by group is in it');
        const one = await workos.directorySync.getUser(adaDir.id);
        assert.equal(one.email, 'ada@acme.test');
        assert.deepEqual(one.groups.map((g) => g.id).sort(), adaDir.groups.map((g) => g.id).sort());
    });

    test('audit logs: createEvent with an idempotency key (replayed, then reused with another body)', async () => {
        const key = `sdk-${randomBytes(6).toString('hex')}`;
        const event = {
            action: 'document.updated', occurredAt: new Date(), version: 1,
            actor: { id: ids.ada, type: 'user', name: 'Ada Lovelace', metadata: { role: 'admin' } },
            targets: [{ id: 'doc_42', type: 'document', name: 'Notes on the Analytical Engine' }],
            context: { location: '203.0.113.7', userAgent: 'sdk-tests' },
            metadata: { source: 'sdk' },
        };
        assert.equal(await workos.auditLogs.createEvent(ids.acme, event, { idempotencyKey: key }), undefined);
        await workos.auditLogs.createEvent(ids.acme, event, { idempotencyKey: key }); // same key, same body: replayed
        const received = (await control('GET', `/_emulator/audit_events?organization_id=${ids.acme}`)).data
            .filter((e) => e.action === 'document.updated');
        assert.equal(received.length, 1, 'an idempotent replay records nothing new');
        const [stored] = received;
        assert.equal(stored.organization_id, ids.acme);
        assert.equal(stored.actor.id, ids.ada);
        assert.equal(stored.targets[0].id, 'doc_42');
        assert.equal(stored.context.user_agent, 'sdk-tests');
        assert.equal(stored.occurred_at, event.occurredAt.toISOString());

        const reused = await rejects(() => workos.auditLogs.createEvent(ids.acme, { ...event, action: 'document.deleted' }, { idempotencyKey: key }),
                                     GenericServerException, 'an idempotency key reused with another body');
        assert.equal(reused.status, 400);
        assert.equal(reused.rawData.code, 'idempotency_key_reused');
        // Without a key the SDK makes one up (workos-node-<uuid>): still accepted.
        await workos.auditLogs.createEvent(ids.acme, { ...event, action: 'document.viewed' });
        const viewed = (await control('GET', `/_emulator/audit_events?organization_id=${ids.acme}`)).data.filter((e) => e.action === 'document.viewed');
        assert.equal(viewed.length, 1);
    });

    test('authenticateWithPassword, organization selection, refresh tokens and their errors', async () => {
        const ada = await workos.userManagement.authenticateWithPassword({
            email: 'ada@acme.test', password: PASSWORD, ipAddress: '203.0.113.9', userAgent: 'sdk-tests',
        });
        assert.equal(ada.user.id, ids.ada);
        assert.equal(ada.user.email, 'ada@acme.test');
        assert.equal(ada.organizationId, ids.acme);
        assert.equal(ada.authenticationMethod, 'Password');
        assert.equal(typeof ada.refreshToken, 'string');
        const claims = decodeJwt(ada.accessToken);
        assert.equal(claims.sub, ids.ada);
        assert.equal(claims.org_id, ids.acme);
        assert.equal(claims.role, 'admin');
        assert.match(claims.sid, /^session_/);

        const bad = await rejects(() => workos.userManagement.authenticateWithPassword({ email: 'ada@acme.test', password: 'wrong-password' }),
                                  GenericServerException, 'a wrong password');
        assert.equal(bad.status, 400);
        assert.equal(bad.rawData.code, 'invalid_credentials');

        // Grace belongs to Acme and Globex: the SDK raises the 403 with what the application needs
        // to let her choose.
        const pick = await rejects(() => workos.userManagement.authenticateWithPassword({ email: 'grace@acme.test', password: PASSWORD }),
                                   GenericServerException, 'a user with two organizations');
        assert.equal(pick.status, 403);
        assert.equal(pick.rawData.code, 'organization_selection_required');
        assert.equal(typeof pick.rawData.pending_authentication_token, 'string');
        assert.equal(pick.rawData.user.id, ids.grace);
        assert.deepEqual(pick.rawData.organizations.map((o) => o.id).sort(), [ids.acme, ids.globex].sort());
        const grace = await workos.userManagement.authenticateWithOrganizationSelection({
            pendingAuthenticationToken: pick.rawData.pending_authentication_token, organizationId: ids.globex,
        });
        assert.equal(grace.user.id, ids.grace);
        assert.equal(grace.organizationId, ids.globex);
        assert.equal(decodeJwt(grace.accessToken).org_id, ids.globex);
        const spent = await rejects(() => workos.userManagement.authenticateWithOrganizationSelection({
            pendingAuthenticationToken: pick.rawData.pending_authentication_token, organizationId: ids.globex,
        }), GenericServerException, 'a spent pending authentication token');
        assert.equal(spent.rawData.code, 'invalid_pending_authentication_token');

        // Refresh: new tokens, same session; organizationId re-scopes; refresh tokens are single use.
        const refreshed = await workos.userManagement.authenticateWithRefreshToken({ refreshToken: grace.refreshToken });
        assert.notEqual(refreshed.refreshToken, grace.refreshToken);
        assert.notEqual(refreshed.accessToken, grace.accessToken);
        assert.equal(refreshed.user.id, ids.grace);
        assert.equal(decodeJwt(refreshed.accessToken).sid, decodeJwt(grace.accessToken).sid);
        const switched = await workos.userManagement.authenticateWithRefreshToken({ refreshToken: refreshed.refreshToken, organizationId: ids.acme });
        assert.equal(switched.organizationId, ids.acme);
        assert.equal(decodeJwt(switched.accessToken).org_id, ids.acme);
        const reused = await rejects(() => workos.userManagement.authenticateWithRefreshToken({ refreshToken: grace.refreshToken }),
                                     OauthException, 'a refresh token used twice');
        assert.equal(reused.status, 400);
        assert.equal(reused.error, 'invalid_grant');

        // Sessions of the user, through the SDK.
        const sessions = await (await workos.userManagement.listSessions(ids.grace)).autoPagination();
        const sid = decodeJwt(grace.accessToken).sid;
        const session = sessions.find((s) => s.id === sid);
        assert.ok(session, `Grace's session ${sid} in ${sessions.map((s) => s.id).join(', ')}`);
        assert.equal(session.userId, ids.grace);
        assert.equal(session.status, 'active');
    });

    test('getAuthorizationUrl: the hosted sign-in page renders, the form posts, authenticateWithCode takes the code', async () => {
        const state = `sdk state ${randomBytes(4).toString('hex')}`;
        const authorizationUrl = workos.userManagement.getAuthorizationUrl({
            provider: 'authkit', redirectUri: REDIRECT_URI, state, loginHint: 'ada@acme.test',
        });
        assert.ok(authorizationUrl.startsWith(`${emu.baseUrl}/user_management/authorize?`), authorizationUrl);
        const page = await (await fetch(authorizationUrl)).text();
        assert.match(page, /value="ada@acme\.test"/, 'login_hint pre-fills the email');

        const back = await signInThroughHostedPage(authorizationUrl, 'ada@acme.test');
        assert.equal(back.searchParams.get('state'), state, 'the state comes back untouched');
        const code = back.searchParams.get('code');
        assert.ok(code, `a code in ${back}`);
        const auth = await workos.userManagement.authenticateWithCode({ code });
        assert.equal(auth.user.id, ids.ada);
        assert.equal(auth.organizationId, ids.acme);
        assert.equal(auth.authenticationMethod, 'Password');
        const spent = await rejects(() => workos.userManagement.authenticateWithCode({ code }), OauthException, 'a code used twice');
        assert.equal(spent.error, 'invalid_grant');

        // PKCE through the SDK (getAuthorizationUrlWithPKCE), and the organization picker for Grace.
        const pkce = await workos.userManagement.getAuthorizationUrlWithPKCE({ provider: 'authkit', redirectUri: REDIRECT_URI });
        assert.match(pkce.url, /code_challenge_method=S256/);
        const backPkce = await signInThroughHostedPage(pkce.url, 'grace@acme.test', { organizationId: ids.globex, expectPicker: true });
        assert.equal(backPkce.searchParams.get('state'), pkce.state);
        const pkceCode = backPkce.searchParams.get('code');
        await rejects(() => workos.userManagement.authenticateWithCode({ code: pkceCode, codeVerifier: `${pkce.codeVerifier}x` }),
                      OauthException, 'a wrong code_verifier');
        // The code is spent by the failed attempt (single use, like production): sign in again.
        const again = await signInThroughHostedPage(pkce.url, 'grace@acme.test', { organizationId: ids.globex, expectPicker: true });
        const graceAuth = await workos.userManagement.authenticateWithCode({ code: again.searchParams.get('code'), codeVerifier: pkce.codeVerifier });
        assert.equal(graceAuth.user.id, ids.grace);
        assert.equal(graceAuth.organizationId, ids.globex);
        // The public-client variant (no client secret) works too.
        const third = await signInThroughHostedPage(pkce.url, 'grace@acme.test', { organizationId: ids.acme, expectPicker: true });
        const publicAuth = await workos.userManagement.authenticateWithCodeAndVerifier({ code: third.searchParams.get('code'), codeVerifier: pkce.codeVerifier });
        assert.equal(publicAuth.organizationId, ids.acme);
    });

    test('the access token verifies with the SDK\'s JWKS and sealed-session helpers; revokeSession; getLogoutUrl', async () => {
        const auth = await workos.userManagement.authenticateWithPassword({
            email: 'ada@acme.test', password: PASSWORD, session: { sealSession: true, cookiePassword: COOKIE_PASSWORD },
        });
        assert.equal(typeof auth.sealedSession, 'string');
        const claims = decodeJwt(auth.accessToken);

        // authenticateWithSessionCookie: unseals, fetches the emulator's JWKS (getJwksUrl) and
        // verifies the RS256 signature and expiry with the SDK's jose.
        const cookie = await workos.userManagement.authenticateWithSessionCookie({ sessionData: auth.sealedSession, cookiePassword: COOKIE_PASSWORD });
        assert.equal(cookie.authenticated, true, `authenticateWithSessionCookie: ${JSON.stringify(cookie)}`);
        assert.equal(cookie.sessionId, claims.sid);
        assert.equal(cookie.organizationId, ids.acme);
        assert.equal(cookie.role, 'admin');
        assert.deepEqual(cookie.roles, ['admin']);
        assert.ok(cookie.permissions.includes('users:manage'));
        assert.equal(cookie.user.id, ids.ada);
        assert.equal(cookie.accessToken, auth.accessToken);

        // The same through the CookieSession object; refresh() rotates and re-seals.
        const session = workos.userManagement.loadSealedSession({ sessionData: auth.sealedSession, cookiePassword: COOKIE_PASSWORD });
        assert.equal((await session.authenticate()).authenticated, true);
        const refreshed = await session.refresh();
        assert.equal(refreshed.authenticated, true, JSON.stringify(refreshed));
        assert.notEqual(refreshed.sealedSession, auth.sealedSession);
        assert.equal(refreshed.sessionId, claims.sid);
        assert.equal(refreshed.organizationId, ids.acme);
        const again = await workos.userManagement.authenticateWithSessionCookie({ sessionData: refreshed.sealedSession, cookiePassword: COOKIE_PASSWORD });
        assert.equal(again.authenticated, true);

        // The SDK's JWKS helper resolves the token's key; a signature over other bytes fails.
        const jwks = await workos.userManagement.getJWKS();
        const [h, p, s] = auth.accessToken.split('.');
        const header = JSON.parse(Buffer.from(h, 'base64url').toString());
        assert.equal(header.alg, 'RS256');
        const key = await jwks(header, { payload: p, signature: s });
        const verify = (payload) => crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, Buffer.from(s, 'base64url'), Buffer.from(`${h}.${payload}`));
        assert.equal(await verify(p), true);
        assert.equal(await verify(Buffer.from(JSON.stringify({ ...claims, role: 'owner' })).toString('base64url')), false);

        // Logout URL: the SDK's, from the sealed session and directly; following it ends the session.
        const fromCookie = await session.getLogoutUrl({ returnTo: 'http://127.0.0.1:9/bye' });
        const logoutUrl = workos.userManagement.getLogoutUrl({ sessionId: claims.sid, returnTo: 'http://127.0.0.1:9/bye' });
        assert.equal(fromCookie, logoutUrl);
        assert.ok(logoutUrl.startsWith(`${emu.baseUrl}/user_management/sessions/logout?`), logoutUrl);
        const out = await fetch(logoutUrl, { redirect: 'manual' });
        await out.text();
        assert.equal(out.status, 302);
        assert.equal(out.headers.get('location'), 'http://127.0.0.1:9/bye');
        const afterLogout = await workos.userManagement.loadSealedSession({ sessionData: refreshed.sealedSession, cookiePassword: COOKIE_PASSWORD }).refresh();
        assert.deepEqual(afterLogout, { authenticated: false, reason: 'invalid_grant' }, 'a logged-out session cannot refresh');

        // revokeSession: another session, revoked through the API; its refresh token stops working.
        const other = await workos.userManagement.authenticateWithPassword({ email: 'ada@acme.test', password: PASSWORD });
        const otherSid = decodeJwt(other.accessToken).sid;
        assert.equal(await workos.userManagement.revokeSession({ sessionId: otherSid }), undefined);
        const listed = (await (await workos.userManagement.listSessions(ids.ada)).autoPagination()).find((x) => x.id === otherSid);
        assert.equal(listed?.status, 'revoked');
        const dead = await rejects(() => workos.userManagement.authenticateWithRefreshToken({ refreshToken: other.refreshToken }),
                                   OauthException, 'the refresh token of a revoked session');
        assert.equal(dead.error, 'invalid_grant');
        const unknown = await rejects(() => workos.userManagement.revokeSession({ sessionId: 'session_01NOTTHERE0000000000000' }),
                                      GenericServerException, 'revoking an unknown session');
        assert.equal(unknown.status, 400);
    });

    test('password reset, email verification and magic auth through the SDK', async () => {
        const reset = await workos.userManagement.createPasswordReset({ email: 'alan@acme.test' });
        assert.equal(reset.email, 'alan@acme.test');
        assert.equal(typeof reset.passwordResetToken, 'string');
        assert.ok(reset.passwordResetUrl.startsWith(`${emu.baseUrl}/reset-password?token=`), reset.passwordResetUrl);
        assert.equal((await workos.userManagement.getPasswordReset(reset.id)).id, reset.id);
        const { user: alan } = await workos.userManagement.resetPassword({ token: reset.passwordResetToken, newPassword: 'N3w-Sdk-Passw0rd!' });
        assert.equal(alan.email, 'alan@acme.test');
        assert.equal((await workos.userManagement.authenticateWithPassword({ email: 'alan@acme.test', password: 'N3w-Sdk-Passw0rd!' })).user.id, alan.id);

        const joan = (await workos.userManagement.listUsers({ email: 'joan@acme.test' })).data[0];
        assert.equal(joan.emailVerified, false);
        const { user: sentTo } = await workos.userManagement.sendVerificationEmail({ userId: joan.id });
        assert.equal(sentTo.id, joan.id);
        const mails = (await control('GET', '/_emulator/emails?email=joan%40acme.test&type=email_verification'));
        const mail = (Array.isArray(mails) ? mails : mails.data).at(-1);
        assert.equal((await workos.userManagement.getEmailVerification(mail.id)).code, mail.code);
        const { user: verified } = await workos.userManagement.verifyEmail({ userId: joan.id, code: mail.code });
        assert.equal(verified.emailVerified, true);

        const magic = await workos.userManagement.createMagicAuth({ email: 'katherine@acme.test' });
        assert.equal(magic.email, 'katherine@acme.test');
        assert.equal((await workos.userManagement.getMagicAuth(magic.id)).id, magic.id);
        const viaMagic = await workos.userManagement.authenticateWithMagicAuth({ email: 'katherine@acme.test', code: magic.code });
        assert.equal(viaMagic.user.email, 'katherine@acme.test');
        assert.equal(viaMagic.authenticationMethod, 'MagicAuth');
    });

    test('events.listEvents: type filters, organization filter, range, cursors; errors as SDK exceptions', async () => {
        const now = Date.now();
        const ranged = await workos.events.listEvents({
            events: ['user.created', 'user.updated'], rangeStart: new Date(now - 3600e3).toISOString(), rangeEnd: new Date(now + 60e3).toISOString(), limit: 100,
        });
        const everyUserEvent = await allEvents({ events: ['user.created', 'user.updated'] });
        assert.equal(ranged.data.length, Math.min(100, everyUserEvent.length), `every user.created/updated event is in the last hour (${everyUserEvent.length} in all)`);
        assert.ok(ranged.data.every((e) => e.event === 'user.created' || e.event === 'user.updated'), ranged.data.map((e) => e.event).join(', '));
        assert.ok(ranged.data.every((e) => Date.parse(e.createdAt) >= now - 3600e3 && Date.parse(e.createdAt) <= now + 60e3));
        assert.deepEqual((await workos.events.listEvents({ events: ['user.created'], rangeEnd: new Date(now - 3600e3).toISOString() })).data, [],
                         'nothing before the emulator started');

        const data = everyUserEvent;
        const maryCreated = data.find((e) => e.event === 'user.created' && e.data.id === ids.mary);
        assert.ok(maryCreated, 'Mary\'s user.created, deserialized by the SDK');
        assert.match(maryCreated.id, /^event_/);
        assert.equal(maryCreated.data.email, 'mary@sdk-industries.test');
        assert.equal(maryCreated.data.firstName, 'Mary');
        assert.equal(typeof maryCreated.createdAt, 'string');
        const maryUpdated = data.find((e) => e.event === 'user.updated' && e.data.id === ids.mary);
        assert.equal(maryUpdated?.data.firstName, 'Mary W.');
        assert.ok(data.indexOf(maryCreated) < data.indexOf(maryUpdated), 'ascending order');

        // Organization events one per page: cursors through the SDK.
        const walked = await allEvents({ events: ['organization.created', 'organization.updated', 'organization.deleted'], limit: 1 });
        assert.ok(walked.length >= 4, `${walked.length} organization events`);
        assert.deepEqual(walked.filter((e) => e.data.id === ids.sdkOrg).map((e) => e.event), ['organization.created', 'organization.updated']);
        assert.ok(walked.some((e) => e.event === 'organization.deleted' && e.data.name === 'SDK Doomed'));

        const membershipEvents = await workos.events.listEvents({ events: ['organization_membership.created', 'organization_membership.updated'], organizationId: ids.sdkOrg });
        assert.ok(membershipEvents.data.length >= 2);
        assert.ok(membershipEvents.data.every((e) => e.data.organizationId === ids.sdkOrg));
        const sessionCreated = await workos.events.listEvents({ events: ['session.created'], limit: 5 });
        assert.ok(sessionCreated.data.length > 0 && sessionCreated.data.every((e) => e.event === 'session.created'));
        const authEvents = await workos.events.listEvents({ events: ['authentication.password_failed'] });
        assert.ok(authEvents.data.some((e) => e.data.email === 'ada@acme.test' && e.data.status === 'failed'), JSON.stringify(authEvents.data[0]));

        const invalid = await rejects(() => workos.events.listEvents({ events: ['user.created'], rangeStart: new Date(now - 40 * 86400e3).toISOString() }),
                                      UnprocessableEntityException, 'a range longer than 30 days');
        assert.equal(invalid.status, 422);
    });

    test('webhooks: a delivery to a local receiver verifies with workos.webhooks.constructEvent', async () => {
        const user = await workos.userManagement.createUser({ email: 'webhook@sdk-industries.test', firstName: 'Hook' });
        const [delivery] = (await receiver.waitFor((ds) => ds.some((d) => d.raw.includes(user.id) && d.raw.includes('"user.created"')), 20000,
                                                   `the user.created delivery of ${user.id}`))
            .filter((d) => d.raw.includes(user.id) && d.raw.includes('"user.created"'));
        const sigHeader = delivery.headers['workos-signature'];
        assert.ok(sigHeader, 'a WorkOS-Signature header');
        const payload = JSON.parse(delivery.raw);
        const event = await workos.webhooks.constructEvent({ payload, sigHeader, secret: WEBHOOK_SECRET });
        assert.equal(event.event, 'user.created');
        assert.equal(event.id, payload.id);
        assert.equal(event.data.id, user.id);
        assert.equal(event.data.email, 'webhook@sdk-industries.test');
        assert.equal(event.data.firstName, 'Hook');
        // The same event as the Events API lists it.
        const listed = (await workos.events.listEvents({ events: ['user.created'] })).data.find((e) => e.id === payload.id);
        assert.deepEqual(listed, event);

        assert.equal(await workos.webhooks.verifyHeader({ payload, sigHeader, secret: WEBHOOK_SECRET }), true);
        await rejects(() => workos.webhooks.constructEvent({ payload, sigHeader, secret: 'whsec_wrong' }), SignatureVerificationException, 'a wrong secret');
        await rejects(() => workos.webhooks.constructEvent({ payload: { ...payload, data: { ...payload.data, email: 'eve@evil.test' } }, sigHeader, secret: WEBHOOK_SECRET }),
                      SignatureVerificationException, 'a tampered payload');

        // Every delivery of this run verifies (the SDK re-serializes the parsed body: the
        // emulator's bytes must be exactly JSON.stringify of what they parse to).
        for (const d of receiver.deliveries) {
            const e = await workos.webhooks.constructEvent({ payload: JSON.parse(d.raw), sigHeader: d.headers['workos-signature'], secret: WEBHOOK_SECRET });
            assert.ok(e?.event, `delivery ${d.raw.slice(0, 120)} deserializes to a known event type`);
        }
    });

    test('a rate limit is raised as RateLimitExceededException with Retry-After', async () => {
        await control('POST', '/_emulator/faults', { path: '/organizations', status: 429, retry_after: 7, count: 1 });
        const e = await rejects(() => workos.organizations.listOrganizations(), RateLimitExceededException, 'an injected 429');
        assert.equal(e.status, 429);
        assert.equal(e.retryAfter, 7);
        assert.equal((await workos.organizations.listOrganizations()).data.length >= 2, true, 'the next call goes through');
    });
});
