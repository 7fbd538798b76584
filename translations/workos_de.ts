<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ActivityCache</name>
    <message>
        <source>Activity cache (%1): %2 failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the activity cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the activity cache %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>setting up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The activity cache %1 was written by a newer console (schema %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>creating the tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting a transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>storing event %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>storing events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>preparing the query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>querying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clearing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>indexing events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActivityCommand</name>
    <message>
        <source>Pull the site&apos;s activity log into the offline cache; list, search and export it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pull | list | search TEXT | export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only event types starting with this (login, webhook_…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this WordPress user (id or e-mail).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From this date or time (ISO 8601, UTC).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to this date or time (ISO 8601, UTC).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most this many events (list, search: 50; export: all).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>table, json, csv, yaml or ids (export: csv or json).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export: write to this file instead of standard output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: wpworkos activity pull
       wpworkos activity list [--type PREFIX] [--user ID|EMAIL] [--since WHEN] [--until WHEN] [--limit N] [--format F]
       wpworkos activity search TEXT [same filters]
       wpworkos activity export [--format csv|json] [--output FILE] [same filters]
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wpworkos activity: --%1 must be a date or time in ISO 8601 (2026-11-27 or 2026-11-27T10:00:00Z)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wpworkos activity: --limit must be a number from 1 to 1000000
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wpworkos activity export: --format must be csv or json
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wpworkos activity: --format must be table, json, csv, yaml or ids
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The activity cache of &apos;%1&apos; was unreadable; it was set aside and starts empty. Run: wpworkos activity pull</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source><byte value="xd"/>Pulling activity… %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Pulled %n new event(s) from &apos;%1&apos;; the cache holds %2.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The cache of &apos;%1&apos; is empty. Run: wpworkos activity pull</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s) to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangelogCommand</name>
    <message>
        <source>Show the changelog of the site&apos;s WorkOS Companion plugin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only what is newer than this version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>markdown or json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: wpworkos changelog [--since VERSION] [--format markdown|json]
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing newer than %1 (the site runs %2).
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompanionClient</name>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>Cannot reach %1 securely: the TLS certificate was refused (%2). Fix the site&apos;s certificate; the console never ignores TLS errors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the Application Password of user “%2” (HTTP 401%3). Create a new Application Password in WordPress (Users → Profile) and store it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User “%1” may not manage WorkOS on %2 (HTTP 403): the user needs the manage_options capability (an administrator).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WorkOS Companion plugin is not active on %1 (its REST routes are missing). Install and activate it, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 with something that is not the WordPress REST API. Is this the WordPress site&apos;s address?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered HTTP %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered with something that is not JSON.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfigCommand</name>
    <message>
        <source>Export a site&apos;s settings, role map and redirects; diff and apply them to sites.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export | diff FILE | apply FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export: write the document to this file instead of standard output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>diff, apply: these sites (comma-separated) instead of --site or the current one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>apply: show what would change, change nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>apply: do not ask for confirmation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>apply: allow a role map that takes the administrator role from every administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>diff, apply: text or json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: wpworkos config export [--output FILE]
       wpworkos config diff FILE [--sites A,B]
       wpworkos config apply FILE [--sites A,B] [--dry-run] [--yes] [--force]
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote the %1 configuration to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wpworkos config: --format must be text or json
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a JSON object: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmation needed: run in a terminal, or pass --yes (or --dry-run to only look).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Applied %n change(s) to %1 site(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site &apos;%1&apos; (%2): no changes.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Site &apos;%1&apos; (%2): %n change(s)
</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Apply these changes to &apos;%1&apos;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Diagnostics</name>
    <message>
        <source>Not tried: the console holds no webhook secret for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store it with: wpworkos site secret NAME webhook-secret --env %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site did not prepare an echo: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A webhook signed with the console&apos;s secret reached the site and verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site refused a webhook signed with the console&apos;s secret (%1, %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhook secret stored in the console and the one on the site differ: copy the one from the WorkOS dashboard to both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signed webhook did not reach the receiver (HTTP %1%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something in front of WordPress (a firewall, a security plugin, a cache) blocks POST requests to the webhook URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain holds the Application Password of &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console holds no WorkOS API key for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needed for sync import and org sync from the console: wpworkos site secret %1 api-key --env %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console holds a WorkOS API key for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WorkOS Companion %1 answers on WordPress %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiagnosticsCommand</name>
    <message>
        <source>Check everything a site needs to work with WorkOS, with advice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>table, json, csv or yaml.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: wpworkos diagnostics [--format table|json|csv|yaml]
</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n check(s) failed; %1 warning(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No check failed; %n warning(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrgCommand</name>
    <message>
        <source>List, fetch and sync organizations; show and change their members.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list | get ID | sync WORKOS_ORG_ID | members ID | add-member ORG_ID USER_ID | remove-member ORG_ID USER_ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list: local (the site&apos;s cache) or remote (WorkOS).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>get, members: id (local), workos_id or remote (get only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add-member: the WorkOS role slug.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>table, json, csv or yaml.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove-member: do not ask for confirmation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: wpworkos org list [--source=local|remote] [--format F]
       wpworkos org get ID [--by=id|workos_id|remote] [--format F]
       wpworkos org sync WORKOS_ORG_ID
       wpworkos org members ID [--by=id|workos_id] [--format F]
       wpworkos org add-member ORG_ID USER_ID [--role=member]
       wpworkos org remove-member ORG_ID USER_ID [--yes]
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed to fetch organization: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organization not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed to upsert organization locally: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced organization %1 (local ID: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organization #%1 not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added user #%1 (%2) to organization &apos;%3&apos; with role &apos;%4&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmation needed: run in a terminal or pass --yes.</source>
        <translation type="unfinished">Bestätigung nötig: im Terminal ausführen oder --yes angeben.</translation>
    </message>
    <message>
        <source>Remove user #%1 from organization &apos;%2&apos;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed user #%1 from organization &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrgService</name>
    <message>
        <source>Organization not found.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileStore</name>
    <message>
        <source>Site profiles (%1): %2 failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the site profiles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the site profiles %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site profiles %1 were written by a newer version (schema %2; this one understands up to %3). Update the console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting the migration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>migration to schema %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a valid site name: use letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (at most 64).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A site named “%1” already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adding site “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updating site “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No site named “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removing site “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reordering sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choosing the current site</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>WorkOS Console</source>
        <translation>WorkOS-Konsole</translation>
    </message>
    <message>
        <source>Run WorkOS identity for your WordPress sites.</source>
        <translation>WorkOS-Identitätsdienste für Ihre WordPress-Websites betreiben.</translation>
    </message>
    <message>
        <source>Check every site, save a picture of the main window to &lt;file&gt;, and quit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SiteCommand</name>
    <message>
        <source>Manage the sites of this console: add, list, remove, use.</source>
        <translation>Websites dieser Konsole verwalten: add, list, remove, use.</translation>
    </message>
    <message>
        <source>add | list | remove | use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site name (add, remove, use).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add: the site&apos;s address, e.g. https://intranet.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add: the WordPress administrator who owns the Application Password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add: read the Application Password from standard input (never from the command line).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add: store the site without contacting it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove: do not ask for confirmation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list: table, json, csv, yaml or ids.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wpworkos site: unknown action or extra argument “%1”
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: wpworkos site add NAME --url URL --user LOGIN [--password-stdin] [--no-verify]
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application Password for %1 at %2: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Application Password: pipe it with --password-stdin, or run in a terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Application Password is empty.</source>
        <translation>Das Anwendungspasswort ist leer.</translation>
    </message>
    <message>
        <source>Added site &apos;%1&apos; (%2): WorkOS Companion %3 on WordPress %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added site &apos;%1&apos; (%2) without verifying it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wpworkos site list: --format must be table, json, csv, yaml or ids
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: wpworkos site remove NAME [--yes]
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No site named “%1”. See: wpworkos site list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmation needed: run in a terminal or pass --yes.</source>
        <translation>Bestätigung nötig: im Terminal ausführen oder --yes angeben.</translation>
    </message>
    <message>
        <source>Remove site &apos;%1&apos; (%2) and its keychain entries?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.
</source>
        <translation>Abgebrochen.
</translation>
    </message>
    <message>
        <source>Removed site &apos;%1&apos;.</source>
        <translation>Website „%1“ entfernt.</translation>
    </message>
    <message>
        <source>usage: wpworkos site use NAME
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now using site &apos;%1&apos;.</source>
        <translation>Aktive Website ist jetzt „%1“.</translation>
    </message>
    <message>
        <source>secret: read the secret from standard input (never from the command line).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secret: delete the stored secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wpworkos site: missing action (add, list, remove, use or secret)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: wpworkos site secret NAME api-key|webhook-secret [--env ENV] [--secret-stdin | --delete]
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WorkOS API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhook secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted the %1 of &apos;%2&apos; (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 (%3): </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secret given: pipe it with --secret-stdin, or run in a terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not a WorkOS API key (sk_…); nothing was stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A webhook secret is 8 to 256 printable characters without spaces; nothing was stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored the %1 of &apos;%2&apos; (%3) in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SiteConfig</name>
    <message>
        <source>Not a usable configuration document: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;format&quot; must be &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this console reads version %1 of the format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it contains the secret &quot;%1&quot;; secrets are stored with wpworkos site add, never in a document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;redirects&quot; needs both &quot;login&quot; and &quot;logout&quot; objects.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SiteService</name>
    <message>
        <source>No site is configured yet. Add one with: wpworkos site add NAME --url URL --user USER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No site named “%1”. See: wpworkos site list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain holds no Application Password for site “%1”. Store it again with: wpworkos site add %1 --url %2 --user %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a valid site name: use letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (at most 64).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A site named “%1” already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a site address: use http:// or https:// and a host name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WorkOS is not configured in the console for &apos;%1&apos; (%2). Store the API key with: wpworkos site secret %1 api-key --env %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SiteStatus</name>
    <message>
        <source>The companion&apos;s status answer has no plugin version; is the WorkOS Companion plugin up to date?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusCommand</name>
    <message>
        <source>Show the site&apos;s WorkOS configuration, each setting with its source.</source>
        <translation>Zeigt die WorkOS-Konfiguration der Website, jede Einstellung mit ihrer Quelle.</translation>
    </message>
    <message>
        <source>Output format: table, json, csv or yaml.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wpworkos status: unexpected argument “%1”
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wpworkos status: --format must be table, json, csv or yaml
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncCommand</name>
    <message>
        <source>Import WorkOS users and organizations into the site, in resumable batches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import: only the members of this WorkOS organization.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most this many users or organizations (imported, failed and skipped).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show what would be imported, change nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not ask for confirmation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import: write the failed and skipped users to this CSV file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import: users per request to the site (1 to 500, default 500).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import WorkOS users into WordPress?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import all organizations from WorkOS?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmation needed: run in a terminal or pass --yes.</source>
        <translation type="unfinished">Bestätigung nötig: im Terminal ausführen oder --yes angeben.</translation>
    </message>
    <message>
        <source>Nothing imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing organizations...
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Would import: %1 (%2)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed to list organizations: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Would import: %1 synced, 0 failed, 0 skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organization %1: failed to upsert.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported: %1 synced, %2 failed, %3 skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source><byte value="xd"/>Importing WorkOS users... %1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Would import: %1 imported, %2 failed, %3 skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the report %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported: %1 imported, %2 failed, %3 skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import | orgs | push | pull</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>push: only unlinked users with this role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: wpworkos sync import [--organization_id=ID] [--limit=N] [--dry-run] [--yes] [--report=FILE]
       wpworkos sync orgs [--limit=N] [--dry-run] [--yes]
       wpworkos sync push [--role=ROLE] [--limit=N] [--dry-run] [--yes]
       wpworkos sync pull [--limit=N] [--dry-run] [--yes]
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushing users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulling users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No unlinked users found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No linked users found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Dry run: would push %n unlinked user(s) to WorkOS.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dry run: would re-sync %n linked user(s) from WorkOS.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Push %n unlinked user(s) to WorkOS?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Re-sync %n linked user(s) from WorkOS?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>User #%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 synced, %2 failed, %3 skipped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncJournal</name>
    <message>
        <source>Sync journal (%1): %2 failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder of the sync journal %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>setting up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync journal %1 was written by a newer console (schema %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>creating the tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting a transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writing the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writing the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recording outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closing the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading items</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncService</name>
    <message numerus="yes">
        <source>Resuming the import started %1 (%n user(s) left).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Importing WorkOS users...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no id or e-mail address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed to list WorkOS users: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Would import: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Resuming the %1 started %2 (%n user(s) left).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserCommand</name>
    <message>
        <source>Show, list, link, unlink, sync and import users.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>get ID | list | link WP_ID WORKOS_ID | unlink WP_ID | sync WP_ID | import WORKOS_ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>get: id, email or workos_id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list: only users linked to WorkOS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list: only users not linked to WorkOS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list: only users with this role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list: the columns (ID, user_login, user_email, display_name, role, workos_user_id, linked).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sync: push (WordPress → WorkOS) or pull (WorkOS → WordPress).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import: print only the WordPress user id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unlink, import: do not ask for confirmation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>table, json, csv, yaml or ids (list).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: wpworkos user get ID [--by=id|email|workos_id] [--format F]
       wpworkos user list [--linked] [--unlinked] [--role=ROLE] [--fields=A,B] [--format F]
       wpworkos user link WP_ID WORKOS_ID
       wpworkos user unlink WP_ID [--yes]
       wpworkos user sync WP_ID [--direction=push|pull]
       wpworkos user import WORKOS_ID [--porcelain] [--yes]
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmation needed: run in a terminal or pass --yes.</source>
        <translation type="unfinished">Bestätigung nötig: im Terminal ausführen oder --yes angeben.</translation>
    </message>
    <message>
        <source>WordPress user #%1 not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User #%1 is not linked to WorkOS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlink user #%1 (%2) from WorkOS ID %3?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlinked WordPress user #%1 from WorkOS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WorkOS is not configured. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User #%1 is already linked to WorkOS ID: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed to fetch WorkOS user: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked WordPress user #%1 to WorkOS user %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import WorkOS user %1 (%2) into WordPress?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported WorkOS user %1 as WordPress user #%2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced user #%1 (pull).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced user #%1 (push).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserService</name>
    <message>
        <source>User not found.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>workos::BulkRun</name>
    <message numerus="yes">
        <source>Canceled: %n item(s) left; run the same command again to resume.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>workos::HttpClient</name>
    <message numerus="yes">
        <source>no answer within %n second(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>workos::SecretStore</name>
    <message>
        <source>The keychain refused “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: access denied (%2). Unlock your keyring (for example by logging in to the desktop, or with your keyring manager) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no keychain is available (%2). Install and start a Secret Service provider such as gnome-keyring or KWallet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: you denied access. Allow the console to use the keychain and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: this platform&apos;s keychain is not supported (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: there is no D-Bus session (%2). Run the console inside a desktop session, or start one with dbus-run-session and an unlocked gnome-keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no Secret Service is running (%2). Install and start gnome-keyring or KWallet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the login keyring does not exist or is locked (%2). Create or unlock it with your keyring manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the keychain library failed without a reason. On Linux, install libsecret-1-0 (QtKeychain loads it at run time).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>workos::WorkOSClient</name>
    <message>
        <source>WorkOS at %1 could not be reached: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WorkOS refused the API key (401): check the key stored for this environment. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WorkOS does not allow this for the API key (403): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WorkOS does not know it (404): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WorkOS is rate-limiting this key (429); try again later. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WorkOS had a problem (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WorkOS refused the request (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>workos::cli::Cli</name>
    <message>
        <source>usage: wpworkos [--site NAME] [--env production|staging] &lt;command&gt; [&lt;args&gt;]

Manage WorkOS identity on your WordPress sites from the desktop.

Commands:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Global options:
  --site NAME      act on this site instead of the current one
  --env ENV        production or staging (default: the site&apos;s own)
  -h, --help       show help (also: wpworkos &lt;command&gt; --help)
  -v, --version    show the version
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wpworkos: unknown command “%1”

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Act on this site instead of the current one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WorkOS environment: production or staging.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wpworkos: --env must be production or staging, not “%1”
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>workos::gui::EnvironmentBadge</name>
    <message>
        <source>PRODUCTION</source>
        <translation type="unfinished">PRODUKTION</translation>
    </message>
    <message>
        <source>STAGING</source>
        <translation type="unfinished">STAGING</translation>
    </message>
    <message>
        <source>NO SITE</source>
        <translation type="unfinished">KEINE WEBSITE</translation>
    </message>
    <message>
        <source>No site selected</source>
        <translation type="unfinished">Keine Website ausgewählt</translation>
    </message>
    <message>
        <source>Actions apply to the %1 environment of WorkOS</source>
        <translation type="unfinished">Aktionen betreffen die WorkOS-Umgebung %1</translation>
    </message>
</context>
<context>
    <name>workos::gui::MainWindow</name>
    <message>
        <source>WorkOS Console</source>
        <translation>WorkOS-Konsole</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Websites</translation>
    </message>
    <message>
        <source>&lt;h2&gt;No sites yet&lt;/h2&gt;&lt;p&gt;Add a WordPress site that runs the WorkOS Companion plugin:&lt;/p&gt;&lt;p&gt;&lt;code&gt;wpworkos site add NAME --url https://example.com --user admin&lt;/code&gt;&lt;/p&gt;&lt;p&gt;The console uses a WordPress Application Password, kept in your keychain.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>Umgebung:</translation>
    </message>
    <message>
        <source>Not refreshed yet</source>
        <translation>Noch nicht aktualisiert</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About WorkOS Console</source>
        <translation>Ü&amp;ber die WorkOS-Konsole</translation>
    </message>
    <message>
        <source>About WorkOS Console</source>
        <translation>Über die WorkOS-Konsole</translation>
    </message>
    <message>
        <source>&lt;b&gt;WorkOS Console %1&lt;/b&gt;&lt;p&gt;Run WorkOS single sign-on, directory sync and audit logs for your WordPress sites.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>WorkOS configured</source>
        <translation>WorkOS eingerichtet</translation>
    </message>
    <message>
        <source>WorkOS not configured yet</source>
        <translation>WorkOS noch nicht eingerichtet</translation>
    </message>
    <message>
        <source>Last refresh: %1</source>
        <translation>Zuletzt aktualisiert: %1</translation>
    </message>
</context>
<context>
    <name>workos::gui::StatusPage</name>
    <message>
        <source>%1 — checking…</source>
        <translation type="unfinished">%1 — wird geprüft…</translation>
    </message>
    <message>
        <source>%1 — WorkOS Companion %2 on WordPress %3, PHP %4 — WorkOS %5</source>
        <translation type="unfinished">%1 — WorkOS Companion %2 auf WordPress %3, PHP %4 — WorkOS %5</translation>
    </message>
    <message>
        <source>configured</source>
        <translation type="unfinished">eingerichtet</translation>
    </message>
    <message>
        <source>not configured yet</source>
        <translation type="unfinished">noch nicht eingerichtet</translation>
    </message>
</context>
</TS>
