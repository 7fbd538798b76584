<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ActivityCache</name>
    <message>
        <source>Activity cache (%1): %2 failed: %3</source>
        <translation>Aktivitäts-Cache (%1): %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the activity cache.</source>
        <translation>Der Ordner %1 für den Aktivitäts-Cache kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot open the activity cache %1: %2</source>
        <translation>Der Aktivitäts-Cache %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>setting up</source>
        <translation>Einrichten</translation>
    </message>
    <message>
        <source>reading the version</source>
        <translation>Lesen der Version</translation>
    </message>
    <message>
        <source>The activity cache %1 was written by a newer console (schema %2).</source>
        <translation>Der Aktivitäts-Cache %1 wurde von einer neueren Konsole geschrieben (Schema %2).</translation>
    </message>
    <message>
        <source>creating the tables</source>
        <translation>Anlegen der Tabellen</translation>
    </message>
    <message>
        <source>starting a transaction</source>
        <translation>Starten einer Transaktion</translation>
    </message>
    <message>
        <source>storing event %1</source>
        <translation>Speichern von Ereignis %1</translation>
    </message>
    <message>
        <source>storing events</source>
        <translation>Speichern der Ereignisse</translation>
    </message>
    <message>
        <source>preparing the query</source>
        <translation>Vorbereiten der Abfrage</translation>
    </message>
    <message>
        <source>querying</source>
        <translation>Abfragen</translation>
    </message>
    <message>
        <source>clearing</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>indexing events</source>
        <translation>Indizieren der Ereignisse</translation>
    </message>
    <message>
        <source>reading the days</source>
        <translation>Lesen der Tage</translation>
    </message>
    <message>
        <source>preparing the count</source>
        <translation>Vorbereiten der Zählung</translation>
    </message>
    <message>
        <source>counting</source>
        <translation>Zählen</translation>
    </message>
    <message>
        <source>listing the event types</source>
        <translation>Auflisten der Ereignistypen</translation>
    </message>
    <message>
        <source>counting sign-ins</source>
        <translation>Zählen der Anmeldungen</translation>
    </message>
    <message>
        <source>recording the pull</source>
        <translation>Protokollieren des Abrufs</translation>
    </message>
    <message>
        <source>reading the saved filters</source>
        <translation>Lesen der gespeicherten Filter</translation>
    </message>
    <message>
        <source>A saved filter needs a name.</source>
        <translation>Ein gespeicherter Filter braucht einen Namen.</translation>
    </message>
    <message>
        <source>saving the filter</source>
        <translation>Speichern des Filters</translation>
    </message>
    <message>
        <source>deleting the filter</source>
        <translation>Löschen des Filters</translation>
    </message>
</context>
<context>
    <name>ActivityCommand</name>
    <message>
        <source>Pull the site&apos;s activity log into the offline cache; list, search and export it.</source>
        <translation>Aktivitätsprotokoll der Website in den Offline-Cache abrufen; auflisten, durchsuchen und exportieren.</translation>
    </message>
    <message>
        <source>pull | list | search TEXT | export</source>
        <translation>pull | list | search TEXT | export</translation>
    </message>
    <message>
        <source>Only event types starting with this (login, webhook_…).</source>
        <translation>Nur Ereignistypen, die damit beginnen (login, webhook_…).</translation>
    </message>
    <message>
        <source>Only this WordPress user (id or e-mail).</source>
        <translation>Nur dieser WordPress-Benutzer (ID oder E-Mail-Adresse).</translation>
    </message>
    <message>
        <source>From this date or time (ISO 8601, UTC).</source>
        <translation>Ab diesem Datum oder Zeitpunkt (ISO 8601, UTC).</translation>
    </message>
    <message>
        <source>Up to this date or time (ISO 8601, UTC).</source>
        <translation>Bis zu diesem Datum oder Zeitpunkt (ISO 8601, UTC).</translation>
    </message>
    <message>
        <source>At most this many events (list, search: 50; export: all).</source>
        <translation>Höchstens so viele Ereignisse (list, search: 50; export: alle).</translation>
    </message>
    <message>
        <source>table, json, csv, yaml or ids (export: csv or json).</source>
        <translation>table, json, csv, yaml oder ids (export: csv oder json).</translation>
    </message>
    <message>
        <source>export: write to this file instead of standard output.</source>
        <translation>export: in diese Datei statt in die Standardausgabe schreiben.</translation>
    </message>
    <message>
        <source>usage: wpworkos activity pull
       wpworkos activity list [--type PREFIX] [--user ID|EMAIL] [--since WHEN] [--until WHEN] [--limit N] [--format F]
       wpworkos activity search TEXT [same filters]
       wpworkos activity export [--format csv|json] [--output FILE] [same filters]
</source>
        <translation>Aufruf: wpworkos activity pull
        wpworkos activity list [--type PREFIX] [--user ID|EMAIL] [--since WHEN] [--until WHEN] [--limit N] [--format F]
        wpworkos activity search TEXT [dieselben Filter]
        wpworkos activity export [--format csv|json] [--output FILE] [dieselben Filter]
</translation>
    </message>
    <message>
        <source>wpworkos activity: --%1 must be a date or time in ISO 8601 (2026-11-27 or 2026-11-27T10:00:00Z)
</source>
        <translation>wpworkos activity: --%1 muss ein Datum oder Zeitpunkt in ISO 8601 sein (2026-11-27 oder 2026-11-27T10:00:00Z)
</translation>
    </message>
    <message>
        <source>wpworkos activity: --limit must be a number from 1 to 1000000
</source>
        <translation>wpworkos activity: --limit muss eine Zahl von 1 bis 1000000 sein
</translation>
    </message>
    <message>
        <source>wpworkos activity export: --format must be csv or json
</source>
        <translation>wpworkos activity export: --format muss csv oder json sein
</translation>
    </message>
    <message>
        <source>wpworkos activity: --format must be table, json, csv, yaml or ids
</source>
        <translation>wpworkos activity: --format muss table, json, csv, yaml oder ids sein
</translation>
    </message>
    <message>
        <source>The activity cache of &apos;%1&apos; was unreadable; it was set aside and starts empty. Run: wpworkos activity pull</source>
        <translation>Der Aktivitäts-Cache von „%1“ war nicht lesbar; er wurde beiseitegelegt und beginnt leer. Führen Sie aus: wpworkos activity pull</translation>
    </message>
    <message>
        <source><byte value="xd"/>Pulling activity… %1</source>
        <translation><byte value="xd"/>Aktivität wird abgerufen… %1</translation>
    </message>
    <message numerus="yes">
        <source>Pulled %n new event(s) from &apos;%1&apos;; the cache holds %2.</source>
        <translation>
            <numerusform>%n neues Ereignis von „%1“ abgerufen; der Cache enthält %2.</numerusform>
            <numerusform>%n neue Ereignisse von „%1“ abgerufen; der Cache enthält %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>The cache of &apos;%1&apos; is empty. Run: wpworkos activity pull</source>
        <translation>Der Cache von „%1“ ist leer. Führen Sie aus: wpworkos activity pull</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s) to %1.</source>
        <translation>
            <numerusform>%n Ereignis nach %1 exportiert.</numerusform>
            <numerusform>%n Ereignisse nach %1 exportiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ActivityExport</name>
    <message>
        <source>Cannot write the export: %1</source>
        <translation>Der Export kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>Export abgebrochen.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>ActivityFilter</name>
    <message>
        <source>The start (%1) is after the end (%2): no event can be in that range.</source>
        <translation>Der Beginn (%1) liegt nach dem Ende (%2): In diesem Zeitraum kann kein Ereignis liegen.</translation>
    </message>
</context>
<context>
    <name>ChangelogCommand</name>
    <message>
        <source>Show the changelog of the site&apos;s WorkOS Companion plugin.</source>
        <translation>Änderungsprotokoll des WorkOS-Companion-Plugins der Website anzeigen.</translation>
    </message>
    <message>
        <source>Only what is newer than this version.</source>
        <translation>Nur, was neuer ist als diese Version.</translation>
    </message>
    <message>
        <source>markdown or json.</source>
        <translation>markdown oder json.</translation>
    </message>
    <message>
        <source>usage: wpworkos changelog [--since VERSION] [--format markdown|json]
</source>
        <translation>Aufruf: wpworkos changelog [--since VERSION] [--format markdown|json]
</translation>
    </message>
    <message>
        <source>Nothing newer than %1 (the site runs %2).
</source>
        <translation>Nichts neuer als %1 (die Website verwendet %2).
</translation>
    </message>
</context>
<context>
    <name>CheckStatus</name>
    <message>
        <source>Pass</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>Fehlgeschlagen</translation>
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
        <translation>%1 ist nicht sicher erreichbar: Das TLS-Zertifikat wurde abgelehnt (%2). Korrigieren Sie das Zertifikat der Website; die Konsole ignoriert TLS-Fehler nie.</translation>
    </message>
    <message>
        <source>%1 refused the Application Password of user “%2” (HTTP 401%3). Create a new Application Password in WordPress (Users → Profile) and store it again.</source>
        <translation>%1 hat das Anwendungspasswort des Benutzers „%2“ abgelehnt (HTTP 401%3). Erstellen Sie in WordPress ein neues Anwendungspasswort (Benutzer → Profil) und speichern Sie es erneut.</translation>
    </message>
    <message>
        <source>User “%1” may not manage WorkOS on %2 (HTTP 403): the user needs the manage_options capability (an administrator).</source>
        <translation>Der Benutzer „%1“ darf WorkOS auf %2 nicht verwalten (HTTP 403): Er benötigt die Berechtigung manage_options (ein Administrator).</translation>
    </message>
    <message>
        <source>The WorkOS Companion plugin is not active on %1 (its REST routes are missing). Install and activate it, then try again.</source>
        <translation>Das Plugin WorkOS Companion ist auf %1 nicht aktiv (seine REST-Routen fehlen). Installieren und aktivieren Sie es und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 with something that is not the WordPress REST API. Is this the WordPress site&apos;s address?</source>
        <translation>%1 hat mit HTTP %2 und mit etwas geantwortet, das nicht die WordPress-REST-API ist. Ist das die Adresse der WordPress-Website?</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2: %3</source>
        <translation>%1 hat mit HTTP %2 geantwortet: %3</translation>
    </message>
    <message>
        <source>%1 answered with something that is not JSON.</source>
        <translation>%1 hat mit etwas geantwortet, das kein JSON ist.</translation>
    </message>
</context>
<context>
    <name>ConfigCommand</name>
    <message>
        <source>Export a site&apos;s settings, role map and redirects; diff and apply them to sites.</source>
        <translation>Einstellungen, Rollenzuordnung und Weiterleitungen einer Website exportieren; mit Websites vergleichen und auf sie anwenden.</translation>
    </message>
    <message>
        <source>export | diff FILE | apply FILE</source>
        <translation>export | diff FILE | apply FILE</translation>
    </message>
    <message>
        <source>export: write the document to this file instead of standard output.</source>
        <translation>export: das Dokument in diese Datei statt in die Standardausgabe schreiben.</translation>
    </message>
    <message>
        <source>diff, apply: these sites (comma-separated) instead of --site or the current one.</source>
        <translation>diff, apply: diese Websites (durch Kommas getrennt) statt --site oder der aktuellen.</translation>
    </message>
    <message>
        <source>apply: show what would change, change nothing.</source>
        <translation>apply: zeigen, was sich ändern würde, nichts ändern.</translation>
    </message>
    <message>
        <source>apply: do not ask for confirmation.</source>
        <translation>apply: nicht um Bestätigung bitten.</translation>
    </message>
    <message>
        <source>apply: allow a role map that takes the administrator role from every administrator.</source>
        <translation>apply: eine Rollenzuordnung erlauben, die allen Administratoren die Administratorrolle entzieht.</translation>
    </message>
    <message>
        <source>diff, apply: text or json.</source>
        <translation>diff, apply: text oder json.</translation>
    </message>
    <message>
        <source>usage: wpworkos config export [--output FILE]
       wpworkos config diff FILE [--sites A,B]
       wpworkos config apply FILE [--sites A,B] [--dry-run] [--yes] [--force]
</source>
        <translation>Aufruf: wpworkos config export [--output FILE]
        wpworkos config diff FILE [--sites A,B]
        wpworkos config apply FILE [--sites A,B] [--dry-run] [--yes] [--force]
</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Wrote the %1 configuration to %2.</source>
        <translation>Konfiguration der Umgebung %1 nach %2 geschrieben.</translation>
    </message>
    <message>
        <source>wpworkos config: --format must be text or json
</source>
        <translation>wpworkos config: --format muss text oder json sein
</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a JSON object: %2</source>
        <translation>%1 ist kein JSON-Objekt: %2</translation>
    </message>
    <message>
        <source>Confirmation needed: run in a terminal, or pass --yes (or --dry-run to only look).</source>
        <translation>Bestätigung nötig: im Terminal ausführen oder --yes angeben (oder --dry-run, um nur nachzusehen).</translation>
    </message>
    <message numerus="yes">
        <source>Applied %n change(s) to %1 site(s).</source>
        <translation>
            <numerusform>%n Änderung auf %1 Website(s) angewendet.</numerusform>
            <numerusform>%n Änderungen auf %1 Website(s) angewendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Site &apos;%1&apos; (%2): no changes.
</source>
        <translation>Website „%1“ (%2): keine Änderungen.
</translation>
    </message>
    <message numerus="yes">
        <source>Site &apos;%1&apos; (%2): %n change(s)
</source>
        <translation>
            <numerusform>Website „%1“ (%2): %n Änderung
</numerusform>
            <numerusform>Website „%1“ (%2): %n Änderungen
</numerusform>
        </translation>
    </message>
    <message>
        <source>Apply these changes to &apos;%1&apos;?</source>
        <translation>Diese Änderungen auf „%1“ anwenden?</translation>
    </message>
    <message>
        <source>Skipped &apos;%1&apos;.</source>
        <translation>„%1“ übersprungen.</translation>
    </message>
</context>
<context>
    <name>Diagnostics</name>
    <message>
        <source>Not tried: the console holds no webhook secret for %1.</source>
        <translation>Nicht versucht: Die Konsole hat kein Webhook-Geheimnis für die Umgebung %1.</translation>
    </message>
    <message>
        <source>Store it with: wpworkos site secret NAME webhook-secret --env %1</source>
        <translation>Speichern Sie es mit: wpworkos site secret NAME webhook-secret --env %1</translation>
    </message>
    <message>
        <source>The site did not prepare an echo: %1</source>
        <translation>Die Website hat kein Echo vorbereitet: %1</translation>
    </message>
    <message>
        <source>A webhook signed with the console&apos;s secret reached the site and verified.</source>
        <translation>Ein mit dem Geheimnis der Konsole signierter Webhook hat die Website erreicht und wurde verifiziert.</translation>
    </message>
    <message>
        <source>The site refused a webhook signed with the console&apos;s secret (%1, %2).</source>
        <translation>Die Website hat einen mit dem Geheimnis der Konsole signierten Webhook abgelehnt (%1, %2).</translation>
    </message>
    <message>
        <source>The webhook secret stored in the console and the one on the site differ: copy the one from the WorkOS dashboard to both.</source>
        <translation>Das in der Konsole gespeicherte Webhook-Geheimnis und das der Website unterscheiden sich: Kopieren Sie das Geheimnis aus dem WorkOS-Dashboard in beide.</translation>
    </message>
    <message>
        <source>The signed webhook did not reach the receiver (HTTP %1%2).</source>
        <translation>Der signierte Webhook hat den Empfänger nicht erreicht (HTTP %1%2).</translation>
    </message>
    <message>
        <source>Something in front of WordPress (a firewall, a security plugin, a cache) blocks POST requests to the webhook URL.</source>
        <translation>Etwas vor WordPress (eine Firewall, ein Sicherheits-Plugin, ein Cache) blockiert POST-Anfragen an die Webhook-URL.</translation>
    </message>
    <message>
        <source>The keychain holds the Application Password of &apos;%1&apos;.</source>
        <translation>Der Schlüsselbund enthält das Anwendungspasswort von „%1“.</translation>
    </message>
    <message>
        <source>The console holds no WorkOS API key for %1.</source>
        <translation>Die Konsole hat keinen WorkOS-API-Schlüssel für die Umgebung %1.</translation>
    </message>
    <message>
        <source>Needed for sync import and org sync from the console: wpworkos site secret %1 api-key --env %2</source>
        <translation>Nötig für „sync import“ und „org sync“ aus der Konsole: wpworkos site secret %1 api-key --env %2</translation>
    </message>
    <message>
        <source>The console holds a WorkOS API key for %1.</source>
        <translation>Die Konsole hat einen WorkOS-API-Schlüssel für die Umgebung %1.</translation>
    </message>
    <message>
        <source>WorkOS Companion %1 answers on WordPress %2.</source>
        <translation>WorkOS Companion %1 antwortet auf WordPress %2.</translation>
    </message>
</context>
<context>
    <name>DiagnosticsCommand</name>
    <message>
        <source>Check everything a site needs to work with WorkOS, with advice.</source>
        <translation>Alles prüfen, was eine Website für WorkOS braucht, mit Hinweisen.</translation>
    </message>
    <message>
        <source>table, json, csv or yaml.</source>
        <translation>table, json, csv oder yaml.</translation>
    </message>
    <message>
        <source>usage: wpworkos diagnostics [--format table|json|csv|yaml]
</source>
        <translation>Aufruf: wpworkos diagnostics [--format table|json|csv|yaml]
</translation>
    </message>
    <message numerus="yes">
        <source>%n check(s) failed; %1 warning(s).</source>
        <translation>
            <numerusform>%n Prüfung fehlgeschlagen; %1 Warnung(en).</numerusform>
            <numerusform>%n Prüfungen fehlgeschlagen; %1 Warnung(en).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No check failed; %n warning(s).</source>
        <translation>
            <numerusform>Keine Prüfung fehlgeschlagen; %n Warnung.</numerusform>
            <numerusform>Keine Prüfung fehlgeschlagen; %n Warnungen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DiagnosticsPage</name>
    <message>
        <source>Keychain</source>
        <translation>Schlüsselbund</translation>
    </message>
    <message>
        <source>Console&apos;s WorkOS API key</source>
        <translation>WorkOS-API-Schlüssel der Konsole</translation>
    </message>
    <message>
        <source>Site answers</source>
        <translation>Website antwortet</translation>
    </message>
    <message>
        <source>Site&apos;s checks</source>
        <translation>Prüfungen der Website</translation>
    </message>
    <message>
        <source>PHP version</source>
        <translation>PHP-Version</translation>
    </message>
    <message>
        <source>WordPress version</source>
        <translation>WordPress-Version</translation>
    </message>
    <message>
        <source>PHP extensions</source>
        <translation>PHP-Erweiterungen</translation>
    </message>
    <message>
        <source>HTTP transport</source>
        <translation>HTTP-Transport</translation>
    </message>
    <message>
        <source>Database tables</source>
        <translation>Datenbanktabellen</translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation>Schema-Version</translation>
    </message>
    <message>
        <source>WorkOS API</source>
        <translation>WorkOS-API</translation>
    </message>
    <message>
        <source>Server clock</source>
        <translation>Serveruhr</translation>
    </message>
    <message>
        <source>Callback not cached</source>
        <translation>Callback nicht zwischengespeichert</translation>
    </message>
    <message>
        <source>Authorization header</source>
        <translation>Authorization-Header</translation>
    </message>
    <message>
        <source>WP-Cron</source>
        <translation>WP-Cron</translation>
    </message>
    <message>
        <source>Webhook secret</source>
        <translation>Webhook-Geheimnis</translation>
    </message>
    <message>
        <source>Last webhook</source>
        <translation>Letzter Webhook</translation>
    </message>
    <message>
        <source>Break-glass sign-in</source>
        <translation>Anmeldung per Notfallzugang</translation>
    </message>
    <message>
        <source>Signed webhook echo</source>
        <translation>Signiertes Webhook-Echo</translation>
    </message>
</context>
<context>
    <name>OnboardingPlan</name>
    <message>
        <source>“%1” is not a valid site name: use letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (at most 64).</source>
        <translation>„%1“ ist kein gültiger Website-Name: Verwenden Sie Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; oder &apos;-&apos; (höchstens 64).</translation>
    </message>
    <message>
        <source>The site address is missing.</source>
        <translation>Die Adresse der Website fehlt.</translation>
    </message>
    <message>
        <source>The Application Password is missing.</source>
        <translation>Das Anwendungspasswort fehlt.</translation>
    </message>
    <message>
        <source>The WorkOS API key is missing.</source>
        <translation>Der WorkOS-API-Schlüssel fehlt.</translation>
    </message>
    <message>
        <source>The WorkOS client ID is missing.</source>
        <translation>Die WorkOS-Client-ID fehlt.</translation>
    </message>
    <message>
        <source>The WorkOS environment ID is missing.</source>
        <translation>Die WorkOS-Umgebungs-ID fehlt.</translation>
    </message>
    <message>
        <source>Choose an organization or name a new one.</source>
        <translation>Wählen Sie eine Organisation, oder geben Sie einen Namen für eine neue ein.</translation>
    </message>
    <message>
        <source>Site “%1”: %2, as %3</source>
        <translation>Website „%1“: %2, als %3</translation>
    </message>
    <message>
        <source>WorkOS environment: %1 (%2)</source>
        <translation>WorkOS-Umgebung: %1 (%2)</translation>
    </message>
    <message>
        <source>API key %1, client ID %2, environment ID %3</source>
        <translation>API-Schlüssel %1, Client-ID %2, Umgebungs-ID %3</translation>
    </message>
    <message>
        <source>Organization: %1</source>
        <translation>Organisation: %1</translation>
    </message>
    <message>
        <source>Organization: create “%1”%2</source>
        <translation>Organisation: „%1“%2 anlegen</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>Webhook secret: unchanged on the site</source>
        <translation>Webhook-Geheimnis: auf der Website unverändert</translation>
    </message>
    <message>
        <source>Webhook secret %1, stored on the site and in your keychain</source>
        <translation>Webhook-Geheimnis %1, gespeichert auf der Website und in Ihrem Schlüsselbund</translation>
    </message>
    <message>
        <source>Role map: built-in (%1)</source>
        <translation>Rollenzuordnung: vorgegeben (%1)</translation>
    </message>
    <message>
        <source>Role map: %1</source>
        <translation>Rollenzuordnung: %1</translation>
    </message>
    <message>
        <source>Role map: unchanged</source>
        <translation>Rollenzuordnung: unverändert</translation>
    </message>
    <message>
        <source>Sign-in: %1, WordPress passwords %2</source>
        <translation>Anmeldung: %1, WordPress-Passwörter %2</translation>
    </message>
    <message>
        <source>through WorkOS (AuthKit)</source>
        <translation>über WorkOS (AuthKit)</translation>
    </message>
    <message>
        <source>WordPress&apos;s form checked by WorkOS</source>
        <translation>WordPress-Formular, von WorkOS geprüft</translation>
    </message>
    <message>
        <source>still allowed (break-glass on)</source>
        <translation>weiterhin erlaubt (Notfallzugang an)</translation>
    </message>
    <message>
        <source>refused (break-glass off)</source>
        <translation>abgelehnt (Notfallzugang aus)</translation>
    </message>
    <message>
        <source>Organization: %1 (%2)</source>
        <translation>Organisation: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>OrgCommand</name>
    <message>
        <source>List, fetch and sync organizations; show and change their members.</source>
        <translation>Organisationen auflisten, abrufen und synchronisieren; ihre Mitglieder anzeigen und ändern.</translation>
    </message>
    <message>
        <source>list | get ID | sync WORKOS_ORG_ID | members ID | add-member ORG_ID USER_ID | remove-member ORG_ID USER_ID</source>
        <translation>list | get ID | sync WORKOS_ORG_ID | members ID | add-member ORG_ID USER_ID | remove-member ORG_ID USER_ID</translation>
    </message>
    <message>
        <source>list: local (the site&apos;s cache) or remote (WorkOS).</source>
        <translation>list: local (Cache der Website) oder remote (WorkOS).</translation>
    </message>
    <message>
        <source>get, members: id (local), workos_id or remote (get only).</source>
        <translation>get, members: id (lokal), workos_id oder remote (nur get).</translation>
    </message>
    <message>
        <source>add-member: the WorkOS role slug.</source>
        <translation>add-member: der Slug der WorkOS-Rolle.</translation>
    </message>
    <message>
        <source>table, json, csv or yaml.</source>
        <translation>table, json, csv oder yaml.</translation>
    </message>
    <message>
        <source>remove-member: do not ask for confirmation.</source>
        <translation>remove-member: nicht um Bestätigung bitten.</translation>
    </message>
    <message>
        <source>usage: wpworkos org list [--source=local|remote] [--format F]
       wpworkos org get ID [--by=id|workos_id|remote] [--format F]
       wpworkos org sync WORKOS_ORG_ID
       wpworkos org members ID [--by=id|workos_id] [--format F]
       wpworkos org add-member ORG_ID USER_ID [--role=member]
       wpworkos org remove-member ORG_ID USER_ID [--yes]
</source>
        <translation>Aufruf: wpworkos org list [--source=local|remote] [--format F]
        wpworkos org get ID [--by=id|workos_id|remote] [--format F]
        wpworkos org sync WORKOS_ORG_ID
        wpworkos org members ID [--by=id|workos_id] [--format F]
        wpworkos org add-member ORG_ID USER_ID [--role=member]
        wpworkos org remove-member ORG_ID USER_ID [--yes]
</translation>
    </message>
    <message>
        <source>Failed to fetch organization: %1</source>
        <translation>Organisation konnte nicht abgerufen werden: %1</translation>
    </message>
    <message>
        <source>Organization not found.</source>
        <translation>Organisation nicht gefunden.</translation>
    </message>
    <message>
        <source>Failed to upsert organization locally: %1</source>
        <translation>Organisation konnte nicht lokal gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Synced organization %1 (local ID: %2).</source>
        <translation>Organisation %1 synchronisiert (lokale ID: %2).</translation>
    </message>
    <message>
        <source>Organization #%1 not found.</source>
        <translation>Organisation #%1 nicht gefunden.</translation>
    </message>
    <message>
        <source>Added user #%1 (%2) to organization &apos;%3&apos; with role &apos;%4&apos;.</source>
        <translation>Benutzer #%1 (%2) mit der Rolle „%4“ zur Organisation „%3“ hinzugefügt.</translation>
    </message>
    <message>
        <source>Confirmation needed: run in a terminal or pass --yes.</source>
        <translation>Bestätigung nötig: im Terminal ausführen oder --yes angeben.</translation>
    </message>
    <message>
        <source>Remove user #%1 from organization &apos;%2&apos;?</source>
        <translation>Benutzer #%1 aus der Organisation „%2“ entfernen?</translation>
    </message>
    <message>
        <source>Nothing removed.</source>
        <translation>Nichts entfernt.</translation>
    </message>
    <message>
        <source>Removed user #%1 from organization &apos;%2&apos;.</source>
        <translation>Benutzer #%1 aus der Organisation „%2“ entfernt.</translation>
    </message>
</context>
<context>
    <name>OrgService</name>
    <message>
        <source>Organization not found.</source>
        <translation>Organisation nicht gefunden.</translation>
    </message>
</context>
<context>
    <name>ProfileStore</name>
    <message>
        <source>Site profiles (%1): %2 failed: %3</source>
        <translation>Website-Profile (%1): %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the site profiles.</source>
        <translation>Der Ordner %1 für die Website-Profile kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot open the site profiles %1: %2</source>
        <translation>Die Website-Profile %1 können nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>The site profiles %1 were written by a newer version (schema %2; this one understands up to %3). Update the console.</source>
        <translation>Die Website-Profile %1 wurden von einer neueren Version geschrieben (Schema %2; diese Version versteht bis %3). Aktualisieren Sie die Konsole.</translation>
    </message>
    <message>
        <source>starting the migration</source>
        <translation>Starten der Migration</translation>
    </message>
    <message>
        <source>migration to schema %1</source>
        <translation>Migration auf Schema %1</translation>
    </message>
    <message>
        <source>“%1” is not a valid site name: use letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (at most 64).</source>
        <translation>„%1“ ist kein gültiger Website-Name: Verwenden Sie Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; oder &apos;-&apos; (höchstens 64).</translation>
    </message>
    <message>
        <source>A site named “%1” already exists.</source>
        <translation>Es gibt bereits eine Website namens „%1“.</translation>
    </message>
    <message>
        <source>adding site “%1”</source>
        <translation>Hinzufügen der Website „%1“</translation>
    </message>
    <message>
        <source>updating site “%1”</source>
        <translation>Aktualisieren der Website „%1“</translation>
    </message>
    <message>
        <source>No site named “%1”.</source>
        <translation>Keine Website namens „%1“.</translation>
    </message>
    <message>
        <source>removing site “%1”</source>
        <translation>Entfernen der Website „%1“</translation>
    </message>
    <message>
        <source>reordering sites</source>
        <translation>Neuordnen der Websites</translation>
    </message>
    <message>
        <source>saving the preference “%1”</source>
        <translation>Speichern der Einstellung „%1“</translation>
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
        <translation>Jede Website prüfen, ein Bild des Hauptfensters in &lt;file&gt; speichern und beenden.</translation>
    </message>
    <message>
        <source>Open the selected site on this page: overview, settings, users, activity, diagnostics or changelog.</source>
        <translation>Die ausgewählte Website auf dieser Seite öffnen: overview, settings, users, activity, diagnostics oder changelog.</translation>
    </message>
</context>
<context>
    <name>RedirectRules</name>
    <message>
        <source>The %1 redirects must be a map of role to address.</source>
        <translation>Die Weiterleitungen für %1 müssen eine Zuordnung von Rolle zu Adresse sein.</translation>
    </message>
    <message>
        <source>At most %1 %2 redirects; there are %3.</source>
        <translation>Höchstens %1 Weiterleitungen für %2; es sind %3.</translation>
    </message>
    <message>
        <source>“%1” is not a WordPress role on this site.</source>
        <translation>„%1“ ist keine WordPress-Rolle auf dieser Website.</translation>
    </message>
    <message>
        <source>Give the address to send them to.</source>
        <translation>Geben Sie die Adresse an, zu der weitergeleitet wird.</translation>
    </message>
    <message>
        <source>“First login only” must be on or off.</source>
        <translation>„Nur erste Anmeldung“ muss an oder aus sein.</translation>
    </message>
    <message>
        <source>The address is longer than %1 characters.</source>
        <translation>Die Adresse ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <source>“%1” is not a page of this site: use a path such as /welcome/ or an address on %2.</source>
        <translation>„%1“ ist keine Seite dieser Website: Verwenden Sie einen Pfad wie /welcome/ oder eine Adresse auf %2.</translation>
    </message>
</context>
<context>
    <name>RoleMap</name>
    <message>
        <source>A role map holds at most %1 entries; this one has %2.</source>
        <translation>Eine Rollenzuordnung hat höchstens %1 Einträge; diese hat %2.</translation>
    </message>
    <message>
        <source>The WorkOS role “%1…” is longer than %2 characters.</source>
        <translation>Die WorkOS-Rolle „%1…“ ist länger als %2 Zeichen.</translation>
    </message>
    <message>
        <source>The WorkOS role “%1” contains control characters or &lt; &gt;.</source>
        <translation>Die WorkOS-Rolle „%1“ enthält Steuerzeichen oder &lt; &gt;.</translation>
    </message>
    <message>
        <source>“%1” is not a WordPress role on this site.</source>
        <translation>„%1“ ist keine WordPress-Rolle auf dieser Website.</translation>
    </message>
</context>
<context>
    <name>SettingRules</name>
    <message>
        <source>%1 must be text.</source>
        <translation>%1 muss Text sein.</translation>
    </message>
    <message>
        <source>%1 is longer than %2 characters.</source>
        <translation>%1 ist länger als %2 Zeichen.</translation>
    </message>
    <message>
        <source>%1 may hold only printable characters without spaces.</source>
        <translation>%1 darf nur druckbare Zeichen ohne Leerzeichen enthalten.</translation>
    </message>
    <message>
        <source>“%1” is not a valid %2: it looks like %3 (letters, digits and _).</source>
        <translation>„%1“ ist kein gültiger Wert für %2: Erwartet wird etwas wie %3 (Buchstaben, Ziffern und _).</translation>
    </message>
    <message>
        <source>login_mode is redirect or headless.</source>
        <translation>login_mode muss redirect oder headless sein.</translation>
    </message>
    <message>
        <source>deprovision_action is deactivate, demote or delete.</source>
        <translation>deprovision_action muss deactivate, demote oder delete sein.</translation>
    </message>
    <message>
        <source>reassign_user is a user id (0 for none).</source>
        <translation>reassign_user muss eine Benutzer-ID sein (0 für keinen).</translation>
    </message>
    <message>
        <source>%1 is on or off.</source>
        <translation>%1 muss an oder aus sein.</translation>
    </message>
    <message>
        <source>“%1” is not a setting of the companion.</source>
        <translation>„%1“ ist keine Einstellung des Companion-Plugins.</translation>
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
        <translation>add | list | remove | use</translation>
    </message>
    <message>
        <source>Site name (add, remove, use).</source>
        <translation>Name der Website (add, remove, use).</translation>
    </message>
    <message>
        <source>add: the site&apos;s address, e.g. https://intranet.example.com</source>
        <translation>add: die Adresse der Website, z. B. https://intranet.example.com</translation>
    </message>
    <message>
        <source>add: the WordPress administrator who owns the Application Password.</source>
        <translation>add: der WordPress-Administrator, dem das Anwendungspasswort gehört.</translation>
    </message>
    <message>
        <source>add: read the Application Password from standard input (never from the command line).</source>
        <translation>add: das Anwendungspasswort aus der Standardeingabe lesen (nie aus der Befehlszeile).</translation>
    </message>
    <message>
        <source>add: store the site without contacting it.</source>
        <translation>add: die Website speichern, ohne sie zu kontaktieren.</translation>
    </message>
    <message>
        <source>remove: do not ask for confirmation.</source>
        <translation>remove: nicht um Bestätigung bitten.</translation>
    </message>
    <message>
        <source>list: table, json, csv, yaml or ids.</source>
        <translation>list: table, json, csv, yaml oder ids.</translation>
    </message>
    <message>
        <source>wpworkos site: unknown action or extra argument “%1”
</source>
        <translation>wpworkos site: unbekannte Aktion oder zusätzliches Argument „%1“
</translation>
    </message>
    <message>
        <source>usage: wpworkos site add NAME --url URL --user LOGIN [--password-stdin] [--no-verify]
</source>
        <translation>Aufruf: wpworkos site add NAME --url URL --user LOGIN [--password-stdin] [--no-verify]
</translation>
    </message>
    <message>
        <source>Application Password for %1 at %2: </source>
        <translation>Anwendungspasswort für %1 auf %2: </translation>
    </message>
    <message>
        <source>No Application Password: pipe it with --password-stdin, or run in a terminal.</source>
        <translation>Kein Anwendungspasswort: Übergeben Sie es per Pipe mit --password-stdin, oder führen Sie den Befehl in einem Terminal aus.</translation>
    </message>
    <message>
        <source>The Application Password is empty.</source>
        <translation>Das Anwendungspasswort ist leer.</translation>
    </message>
    <message>
        <source>Added site &apos;%1&apos; (%2): WorkOS Companion %3 on WordPress %4.</source>
        <translation>Website „%1“ (%2) hinzugefügt: WorkOS Companion %3 auf WordPress %4.</translation>
    </message>
    <message>
        <source>Added site &apos;%1&apos; (%2) without verifying it.</source>
        <translation>Website „%1“ (%2) ohne Überprüfung hinzugefügt.</translation>
    </message>
    <message>
        <source>wpworkos site list: --format must be table, json, csv, yaml or ids
</source>
        <translation>wpworkos site list: --format muss table, json, csv, yaml oder ids sein
</translation>
    </message>
    <message>
        <source>usage: wpworkos site remove NAME [--yes]
</source>
        <translation>Aufruf: wpworkos site remove NAME [--yes]
</translation>
    </message>
    <message>
        <source>No site named “%1”. See: wpworkos site list</source>
        <translation>Keine Website namens „%1“. Siehe: wpworkos site list</translation>
    </message>
    <message>
        <source>Confirmation needed: run in a terminal or pass --yes.</source>
        <translation>Bestätigung nötig: im Terminal ausführen oder --yes angeben.</translation>
    </message>
    <message>
        <source>Remove site &apos;%1&apos; (%2) and its keychain entries?</source>
        <translation>Website „%1“ (%2) und ihre Einträge im Schlüsselbund entfernen?</translation>
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
        <translation>Aufruf: wpworkos site use NAME
</translation>
    </message>
    <message>
        <source>Now using site &apos;%1&apos;.</source>
        <translation>Aktive Website ist jetzt „%1“.</translation>
    </message>
    <message>
        <source>secret: read the secret from standard input (never from the command line).</source>
        <translation>secret: das Geheimnis aus der Standardeingabe lesen (nie aus der Befehlszeile).</translation>
    </message>
    <message>
        <source>secret: delete the stored secret.</source>
        <translation>secret: das gespeicherte Geheimnis löschen.</translation>
    </message>
    <message>
        <source>wpworkos site: missing action (add, list, remove, use or secret)
</source>
        <translation>wpworkos site: Aktion fehlt (add, list, remove, use oder secret)
</translation>
    </message>
    <message>
        <source>usage: wpworkos site secret NAME api-key|webhook-secret [--env ENV] [--secret-stdin | --delete]
</source>
        <translation>Aufruf: wpworkos site secret NAME api-key|webhook-secret [--env ENV] [--secret-stdin | --delete]
</translation>
    </message>
    <message>
        <source>WorkOS API key</source>
        <translation>WorkOS-API-Schlüssel</translation>
    </message>
    <message>
        <source>webhook secret</source>
        <translation>Webhook-Geheimnis</translation>
    </message>
    <message>
        <source>Deleted the %1 of &apos;%2&apos; (%3).</source>
        <translation>%1 von „%2“ (%3) gelöscht.</translation>
    </message>
    <message>
        <source>%1 of %2 (%3): </source>
        <translation>%1 von %2 (%3): </translation>
    </message>
    <message>
        <source>No secret given: pipe it with --secret-stdin, or run in a terminal.</source>
        <translation>Kein Geheimnis angegeben: Übergeben Sie es per Pipe mit --secret-stdin, oder führen Sie den Befehl in einem Terminal aus.</translation>
    </message>
    <message>
        <source>That is not a WorkOS API key (sk_…); nothing was stored.</source>
        <translation>Das ist kein WorkOS-API-Schlüssel (sk_…); es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>A webhook secret is 8 to 256 printable characters without spaces; nothing was stored.</source>
        <translation>Ein Webhook-Geheimnis besteht aus 8 bis 256 druckbaren Zeichen ohne Leerzeichen; es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>Stored the %1 of &apos;%2&apos; (%3) in the keychain.</source>
        <translation>%1 von „%2“ (%3) im Schlüsselbund gespeichert.</translation>
    </message>
</context>
<context>
    <name>SiteConfig</name>
    <message>
        <source>Not a usable configuration document: %1</source>
        <translation>Kein verwendbares Konfigurationsdokument: %1</translation>
    </message>
    <message>
        <source>&quot;format&quot; must be &quot;%1&quot;.</source>
        <translation>&quot;format&quot; muss &quot;%1&quot; sein.</translation>
    </message>
    <message>
        <source>this console reads version %1 of the format.</source>
        <translation>diese Konsole liest Version %1 des Formats.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an object.</source>
        <translation>&quot;%1&quot; muss ein Objekt sein.</translation>
    </message>
    <message>
        <source>it contains the secret &quot;%1&quot;; secrets are stored with wpworkos site add, never in a document.</source>
        <translation>es enthält das Geheimnis &quot;%1&quot;; Geheimnisse werden mit wpworkos site add gespeichert, nie in einem Dokument.</translation>
    </message>
    <message>
        <source>&quot;redirects&quot; needs both &quot;login&quot; and &quot;logout&quot; objects.</source>
        <translation>&quot;redirects&quot; braucht sowohl ein &quot;login&quot;- als auch ein &quot;logout&quot;-Objekt.</translation>
    </message>
</context>
<context>
    <name>SiteService</name>
    <message>
        <source>No site is configured yet. Add one with: wpworkos site add NAME --url URL --user USER</source>
        <translation>Noch keine Website eingerichtet. Fügen Sie eine hinzu mit: wpworkos site add NAME --url URL --user USER</translation>
    </message>
    <message>
        <source>No site named “%1”. See: wpworkos site list</source>
        <translation>Keine Website namens „%1“. Siehe: wpworkos site list</translation>
    </message>
    <message>
        <source>The keychain holds no Application Password for site “%1”. Store it again with: wpworkos site add %1 --url %2 --user %3</source>
        <translation>Der Schlüsselbund enthält kein Anwendungspasswort für die Website „%1“. Speichern Sie es erneut mit: wpworkos site add %1 --url %2 --user %3</translation>
    </message>
    <message>
        <source>“%1” is not a valid site name: use letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (at most 64).</source>
        <translation>„%1“ ist kein gültiger Website-Name: Verwenden Sie Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; oder &apos;-&apos; (höchstens 64).</translation>
    </message>
    <message>
        <source>A site named “%1” already exists.</source>
        <translation>Es gibt bereits eine Website namens „%1“.</translation>
    </message>
    <message>
        <source>“%1” is not a site address: use http:// or https:// and a host name.</source>
        <translation>„%1“ ist keine Website-Adresse: Verwenden Sie http:// oder https:// und einen Hostnamen.</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>nicht überprüft</translation>
    </message>
    <message>
        <source>WorkOS is not configured in the console for &apos;%1&apos; (%2). Store the API key with: wpworkos site secret %1 api-key --env %2</source>
        <translation>WorkOS ist in der Konsole für „%1“ (%2) nicht eingerichtet. Speichern Sie den API-Schlüssel mit: wpworkos site secret %1 api-key --env %2</translation>
    </message>
</context>
<context>
    <name>SiteSettings</name>
    <message>
        <source>“%1” is not a site-wide setting of the WorkOS Companion.</source>
        <translation>„%1“ ist keine websiteweite Einstellung des Plugins WorkOS Companion.</translation>
    </message>
    <message>
        <source>Must be “production” or “staging”.</source>
        <translation>Muss „production“ oder „staging“ sein.</translation>
    </message>
    <message>
        <source>Must be a whole number of seconds from 1 to 3600.</source>
        <translation>Muss eine ganze Zahl von Sekunden zwischen 1 und 3600 sein.</translation>
    </message>
    <message>
        <source>Enter the address of the WorkOS API.</source>
        <translation>Geben Sie die Adresse der WorkOS-API ein.</translation>
    </message>
    <message>
        <source>At most %1 characters.</source>
        <translation>Höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <source>Must be an address such as https://api.workos.com.</source>
        <translation>Muss eine Adresse wie https://api.workos.com sein.</translation>
    </message>
    <message>
        <source>The address may not contain credentials, a query (?…) or a fragment (#…).</source>
        <translation>Die Adresse darf weder Zugangsdaten noch eine Abfrage (?…) oder ein Fragment (#…) enthalten.</translation>
    </message>
    <message>
        <source>Must use https (plain http only on this machine: localhost, 127.0.0.1, ::1).</source>
        <translation>Muss https verwenden (einfaches http nur auf diesem Rechner: localhost, 127.0.0.1, ::1).</translation>
    </message>
</context>
<context>
    <name>SiteStatus</name>
    <message>
        <source>The companion&apos;s status answer has no plugin version; is the WorkOS Companion plugin up to date?</source>
        <translation>Die Statusantwort des Companion-Plugins enthält keine Plugin-Version; ist das Plugin WorkOS Companion aktuell?</translation>
    </message>
</context>
<context>
    <name>StatusCommand</name>
    <message>
        <source>Show the site&apos;s WorkOS configuration, each setting with its source.</source>
        <translation>WorkOS-Konfiguration der Website anzeigen, jede Einstellung mit ihrer Quelle.</translation>
    </message>
    <message>
        <source>Output format: table, json, csv or yaml.</source>
        <translation>Ausgabeformat: table, json, csv oder yaml.</translation>
    </message>
    <message>
        <source>wpworkos status: unexpected argument “%1”
</source>
        <translation>wpworkos status: unerwartetes Argument „%1“
</translation>
    </message>
    <message>
        <source>wpworkos status: --format must be table, json, csv or yaml
</source>
        <translation>wpworkos status: --format muss table, json, csv oder yaml sein
</translation>
    </message>
</context>
<context>
    <name>SyncCommand</name>
    <message>
        <source>Import WorkOS users and organizations into the site, in resumable batches.</source>
        <translation>WorkOS-Benutzer und -Organisationen in fortsetzbaren Stapeln in die Website importieren.</translation>
    </message>
    <message>
        <source>import: only the members of this WorkOS organization.</source>
        <translation>import: nur die Mitglieder dieser WorkOS-Organisation.</translation>
    </message>
    <message>
        <source>At most this many users or organizations (imported, failed and skipped).</source>
        <translation>Höchstens so viele Benutzer oder Organisationen (importierte, fehlgeschlagene und übersprungene).</translation>
    </message>
    <message>
        <source>Show what would be imported, change nothing.</source>
        <translation>Zeigen, was importiert würde, nichts ändern.</translation>
    </message>
    <message>
        <source>Do not ask for confirmation.</source>
        <translation>Nicht um Bestätigung bitten.</translation>
    </message>
    <message>
        <source>import: write the failed and skipped users to this CSV file.</source>
        <translation>import: die fehlgeschlagenen und übersprungenen Benutzer in diese CSV-Datei schreiben.</translation>
    </message>
    <message>
        <source>import: users per request to the site (1 to 500, default 500).</source>
        <translation>import: Benutzer pro Anfrage an die Website (1 bis 500, Standard 500).</translation>
    </message>
    <message>
        <source>Import WorkOS users into WordPress?</source>
        <translation>WorkOS-Benutzer in WordPress importieren?</translation>
    </message>
    <message>
        <source>Import all organizations from WorkOS?</source>
        <translation>Alle Organisationen aus WorkOS importieren?</translation>
    </message>
    <message>
        <source>Confirmation needed: run in a terminal or pass --yes.</source>
        <translation>Bestätigung nötig: im Terminal ausführen oder --yes angeben.</translation>
    </message>
    <message>
        <source>Nothing imported.</source>
        <translation>Nichts importiert.</translation>
    </message>
    <message>
        <source>Importing organizations...
</source>
        <translation>Organisationen werden importiert...
</translation>
    </message>
    <message>
        <source>Would import: %1 (%2)
</source>
        <translation>Würde importieren: %1 (%2)
</translation>
    </message>
    <message>
        <source>Failed to list organizations: %1</source>
        <translation>Organisationen konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Would import: %1 synced, 0 failed, 0 skipped.</source>
        <translation>Würde importieren: %1 synchronisiert, 0 fehlgeschlagen, 0 übersprungen.</translation>
    </message>
    <message>
        <source>Organization %1: failed to upsert.</source>
        <translation>Organisation %1: Speichern fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Imported: %1 synced, %2 failed, %3 skipped.</source>
        <translation>Importiert: %1 synchronisiert, %2 fehlgeschlagen, %3 übersprungen.</translation>
    </message>
    <message>
        <source><byte value="xd"/>Importing WorkOS users... %1/%2</source>
        <translation><byte value="xd"/>WorkOS-Benutzer werden importiert... %1/%2</translation>
    </message>
    <message>
        <source>User %1: %2</source>
        <translation>Benutzer %1: %2</translation>
    </message>
    <message>
        <source>import | orgs | push | pull</source>
        <translation>import | orgs | push | pull</translation>
    </message>
    <message>
        <source>push: only unlinked users with this role.</source>
        <translation>push: nur nicht verknüpfte Benutzer mit dieser Rolle.</translation>
    </message>
    <message>
        <source>usage: wpworkos sync import [--organization_id=ID] [--limit=N] [--dry-run] [--yes] [--report=FILE]
       wpworkos sync orgs [--limit=N] [--dry-run] [--yes]
       wpworkos sync push [--role=ROLE] [--limit=N] [--dry-run] [--yes]
       wpworkos sync pull [--limit=N] [--dry-run] [--yes]
</source>
        <translation>Aufruf: wpworkos sync import [--organization_id=ID] [--limit=N] [--dry-run] [--yes] [--report=FILE]
        wpworkos sync orgs [--limit=N] [--dry-run] [--yes]
        wpworkos sync push [--role=ROLE] [--limit=N] [--dry-run] [--yes]
        wpworkos sync pull [--limit=N] [--dry-run] [--yes]
</translation>
    </message>
    <message>
        <source>Pushing users</source>
        <translation>Benutzer werden übertragen</translation>
    </message>
    <message>
        <source>Pulling users</source>
        <translation>Benutzer werden abgerufen</translation>
    </message>
    <message>
        <source>No unlinked users found.</source>
        <translation>Keine nicht verknüpften Benutzer gefunden.</translation>
    </message>
    <message>
        <source>No linked users found.</source>
        <translation>Keine verknüpften Benutzer gefunden.</translation>
    </message>
    <message numerus="yes">
        <source>Dry run: would push %n unlinked user(s) to WorkOS.</source>
        <translation>
            <numerusform>Probelauf: %n nicht verknüpfter Benutzer würde an WorkOS übertragen.</numerusform>
            <numerusform>Probelauf: %n nicht verknüpfte Benutzer würden an WorkOS übertragen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dry run: would re-sync %n linked user(s) from WorkOS.</source>
        <translation>
            <numerusform>Probelauf: %n verknüpfter Benutzer würde erneut aus WorkOS synchronisiert.</numerusform>
            <numerusform>Probelauf: %n verknüpfte Benutzer würden erneut aus WorkOS synchronisiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Push %n unlinked user(s) to WorkOS?</source>
        <translation>
            <numerusform>%n nicht verknüpften Benutzer an WorkOS übertragen?</numerusform>
            <numerusform>%n nicht verknüpfte Benutzer an WorkOS übertragen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Re-sync %n linked user(s) from WorkOS?</source>
        <translation>
            <numerusform>%n verknüpften Benutzer erneut aus WorkOS synchronisieren?</numerusform>
            <numerusform>%n verknüpfte Benutzer erneut aus WorkOS synchronisieren?</numerusform>
        </translation>
    </message>
    <message>
        <source>User #%1: %2</source>
        <translation>Benutzer #%1: %2</translation>
    </message>
</context>
<context>
    <name>SyncJournal</name>
    <message>
        <source>Sync journal (%1): %2 failed: %3</source>
        <translation>Sync-Journal (%1): %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>Cannot create the folder of the sync journal %1.</source>
        <translation>Der Ordner des Sync-Journals %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>opening</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>setting up</source>
        <translation>Einrichten</translation>
    </message>
    <message>
        <source>reading the version</source>
        <translation>Lesen der Version</translation>
    </message>
    <message>
        <source>The sync journal %1 was written by a newer console (schema %2).</source>
        <translation>Das Sync-Journal %1 wurde von einer neueren Konsole geschrieben (Schema %2).</translation>
    </message>
    <message>
        <source>creating the tables</source>
        <translation>Anlegen der Tabellen</translation>
    </message>
    <message>
        <source>starting a transaction</source>
        <translation>Starten einer Transaktion</translation>
    </message>
    <message>
        <source>writing the run</source>
        <translation>Schreiben des Laufs</translation>
    </message>
    <message>
        <source>writing the plan</source>
        <translation>Schreiben des Plans</translation>
    </message>
    <message>
        <source>reading the runs</source>
        <translation>Lesen der Läufe</translation>
    </message>
    <message>
        <source>reading the plan</source>
        <translation>Lesen des Plans</translation>
    </message>
    <message>
        <source>recording outcomes</source>
        <translation>Protokollieren der Ergebnisse</translation>
    </message>
    <message>
        <source>closing the run</source>
        <translation>Abschließen des Laufs</translation>
    </message>
    <message>
        <source>counting</source>
        <translation>Zählen</translation>
    </message>
    <message>
        <source>reading items</source>
        <translation>Lesen der Einträge</translation>
    </message>
    <message>
        <source>Cannot write the report %1.</source>
        <translation>Der Bericht %1 kann nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>SyncService</name>
    <message numerus="yes">
        <source>Resuming the import started %1 (%n user(s) left).</source>
        <translation>
            <numerusform>Der am %1 begonnene Import wird fortgesetzt (noch %n Benutzer).</numerusform>
            <numerusform>Der am %1 begonnene Import wird fortgesetzt (noch %n Benutzer).</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing WorkOS users...</source>
        <translation>WorkOS-Benutzer werden importiert...</translation>
    </message>
    <message>
        <source>no id or e-mail address</source>
        <translation>keine ID oder E-Mail-Adresse</translation>
    </message>
    <message>
        <source>already linked</source>
        <translation>bereits verknüpft</translation>
    </message>
    <message>
        <source>Failed to list WorkOS users: %1</source>
        <translation>WorkOS-Benutzer konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Would import: %1 (%2)</source>
        <translation>Würde importieren: %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>Resuming the %1 started %2 (%n user(s) left).</source>
        <translation>
            <numerusform>Der am %2 begonnene Lauf „%1“ wird fortgesetzt (noch %n Benutzer).</numerusform>
            <numerusform>Der am %2 begonnene Lauf „%1“ wird fortgesetzt (noch %n Benutzer).</numerusform>
        </translation>
    </message>
    <message>
        <source>Canceled: nothing was written.</source>
        <translation>Abgebrochen: Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>No WordPress user has this e-mail address: one is created.</source>
        <translation>Kein WordPress-Benutzer hat diese E-Mail-Adresse: Es wird einer angelegt.</translation>
    </message>
    <message>
        <source>WordPress user #%1 has this e-mail address: it is linked.</source>
        <translation>WordPress-Benutzer #%1 hat diese E-Mail-Adresse: Er wird verknüpft.</translation>
    </message>
    <message>
        <source>Already linked to WordPress user #%1.</source>
        <translation>Bereits mit WordPress-Benutzer #%1 verknüpft.</translation>
    </message>
    <message>
        <source>Would import: %1 imported, %2 failed, %3 skipped.</source>
        <translation>Würde importieren: %1 importiert, %2 fehlgeschlagen, %3 übersprungen.</translation>
    </message>
    <message>
        <source>Imported: %1 imported, %2 failed, %3 skipped.</source>
        <translation>Importiert: %1 importiert, %2 fehlgeschlagen, %3 übersprungen.</translation>
    </message>
    <message>
        <source>Would sync: %1 synced, %2 failed, %3 skipped.</source>
        <translation>Würde synchronisieren: %1 synchronisiert, %2 fehlgeschlagen, %3 übersprungen.</translation>
    </message>
    <message>
        <source>%1 synced, %2 failed, %3 skipped.</source>
        <translation>%1 synchronisiert, %2 fehlgeschlagen, %3 übersprungen.</translation>
    </message>
    <message>
        <source>create</source>
        <translation>anlegen</translation>
    </message>
    <message>
        <source>link</source>
        <translation>verknüpfen</translation>
    </message>
    <message>
        <source>update</source>
        <translation>aktualisieren</translation>
    </message>
    <message>
        <source>skip</source>
        <translation>überspringen</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>fehlschlagen</translation>
    </message>
    <message>
        <source>e-mail %1 → %2</source>
        <translation>E-Mail %1 → %2</translation>
    </message>
    <message>
        <source>name “%1” → “%2”</source>
        <translation>Name „%1“ → „%2“</translation>
    </message>
    <message>
        <source>No WorkOS user has this e-mail address: one is created (address verified) and linked.</source>
        <translation>Kein WorkOS-Benutzer hat diese E-Mail-Adresse: Es wird einer angelegt (Adresse bestätigt) und verknüpft.</translation>
    </message>
    <message>
        <source>WorkOS user %1 has this e-mail address: it is linked.</source>
        <translation>WorkOS-Benutzer %1 hat diese E-Mail-Adresse: Er wird verknüpft.</translation>
    </message>
    <message>
        <source>WorkOS user %1&apos;s names are written again.</source>
        <translation>Die Namen von WorkOS-Benutzer %1 werden erneut geschrieben.</translation>
    </message>
    <message>
        <source>From WorkOS user %1: %2.</source>
        <translation>Von WorkOS-Benutzer %1: %2.</translation>
    </message>
    <message>
        <source>Already linked.</source>
        <translation>Bereits verknüpft.</translation>
    </message>
    <message>
        <source>Already as in WorkOS user %1.</source>
        <translation>Stimmt bereits mit WorkOS-Benutzer %1 überein.</translation>
    </message>
    <message>
        <source>WordPress user #%1 has this e-mail address and is an administrator: never linked automatically (link it by hand with `wpworkos user link` if it is theirs).</source>
        <translation>WordPress-Benutzer #%1 hat diese E-Mail-Adresse und ist Administrator: Er wird nie automatisch verknüpft (verknüpfen Sie ihn von Hand mit `wpworkos user link`, wenn das Konto dieser Person gehört).</translation>
    </message>
    <message>
        <source>WordPress user #%1 has this e-mail address, but WorkOS has not verified it: not linked (link it by hand if it is theirs).</source>
        <translation>WordPress-Benutzer #%1 hat diese E-Mail-Adresse, aber WorkOS hat sie nicht bestätigt: nicht verknüpft (verknüpfen Sie ihn von Hand, wenn das Konto dieser Person gehört).</translation>
    </message>
</context>
<context>
    <name>UserActions</name>
    <message>
        <source>User #%1 is not linked to WorkOS.</source>
        <translation>Benutzer #%1 ist nicht mit WorkOS verknüpft.</translation>
    </message>
    <message>
        <source>User #%1 is already linked to WorkOS ID: %2</source>
        <translation>Benutzer #%1 ist bereits mit der WorkOS-ID %2 verknüpft.</translation>
    </message>
    <message>
        <source>WordPress user #%1 not found.</source>
        <translation>WordPress-Benutzer #%1 nicht gefunden.</translation>
    </message>
    <message>
        <source>Enter a WorkOS user ID or e-mail address.</source>
        <translation>Geben Sie eine WorkOS-Benutzer-ID oder E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <source>“%1” is not a valid e-mail address.</source>
        <translation>„%1“ ist keine gültige E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>Failed to fetch WorkOS user: %1</source>
        <translation>WorkOS-Benutzer konnte nicht abgerufen werden: %1</translation>
    </message>
    <message>
        <source>No WorkOS user has the e-mail address %1.</source>
        <translation>Kein WorkOS-Benutzer hat die E-Mail-Adresse %1.</translation>
    </message>
    <message>
        <source>WorkOS has not verified %1 for user %2: link by the WorkOS user ID if the address is theirs.</source>
        <translation>WorkOS hat %1 für Benutzer %2 nicht bestätigt: Verknüpfen Sie über die WorkOS-Benutzer-ID, wenn die Adresse dieser Person gehört.</translation>
    </message>
    <message>
        <source>“%1” is neither a WorkOS user ID nor an e-mail address.</source>
        <translation>„%1“ ist weder eine WorkOS-Benutzer-ID noch eine E-Mail-Adresse.</translation>
    </message>
</context>
<context>
    <name>UserCommand</name>
    <message>
        <source>Show, list, link, unlink, sync and import users.</source>
        <translation>Benutzer anzeigen, auflisten, verknüpfen, Verknüpfung lösen, synchronisieren und importieren.</translation>
    </message>
    <message>
        <source>get ID | list | link WP_ID WORKOS_ID | unlink WP_ID | sync WP_ID | import WORKOS_ID</source>
        <translation>get ID | list | link WP_ID WORKOS_ID | unlink WP_ID | sync WP_ID | import WORKOS_ID</translation>
    </message>
    <message>
        <source>get: id, email or workos_id.</source>
        <translation>get: id, email oder workos_id.</translation>
    </message>
    <message>
        <source>list: only users linked to WorkOS.</source>
        <translation>list: nur mit WorkOS verknüpfte Benutzer.</translation>
    </message>
    <message>
        <source>list: only users not linked to WorkOS.</source>
        <translation>list: nur nicht mit WorkOS verknüpfte Benutzer.</translation>
    </message>
    <message>
        <source>list: only users with this role.</source>
        <translation>list: nur Benutzer mit dieser Rolle.</translation>
    </message>
    <message>
        <source>list: the columns (ID, user_login, user_email, display_name, role, workos_user_id, linked).</source>
        <translation>list: die Spalten (ID, user_login, user_email, display_name, role, workos_user_id, linked).</translation>
    </message>
    <message>
        <source>sync: push (WordPress → WorkOS) or pull (WorkOS → WordPress).</source>
        <translation>sync: push (WordPress → WorkOS) oder pull (WorkOS → WordPress).</translation>
    </message>
    <message>
        <source>import: print only the WordPress user id.</source>
        <translation>import: nur die ID des WordPress-Benutzers ausgeben.</translation>
    </message>
    <message>
        <source>unlink, import: do not ask for confirmation.</source>
        <translation>unlink, import: nicht um Bestätigung bitten.</translation>
    </message>
    <message>
        <source>table, json, csv, yaml or ids (list).</source>
        <translation>table, json, csv, yaml oder ids (list).</translation>
    </message>
    <message>
        <source>usage: wpworkos user get ID [--by=id|email|workos_id] [--format F]
       wpworkos user list [--linked] [--unlinked] [--role=ROLE] [--fields=A,B] [--format F]
       wpworkos user link WP_ID WORKOS_ID
       wpworkos user unlink WP_ID [--yes]
       wpworkos user sync WP_ID [--direction=push|pull]
       wpworkos user import WORKOS_ID [--porcelain] [--yes]
</source>
        <translation>Aufruf: wpworkos user get ID [--by=id|email|workos_id] [--format F]
        wpworkos user list [--linked] [--unlinked] [--role=ROLE] [--fields=A,B] [--format F]
        wpworkos user link WP_ID WORKOS_ID
        wpworkos user unlink WP_ID [--yes]
        wpworkos user sync WP_ID [--direction=push|pull]
        wpworkos user import WORKOS_ID [--porcelain] [--yes]
</translation>
    </message>
    <message>
        <source>Confirmation needed: run in a terminal or pass --yes.</source>
        <translation>Bestätigung nötig: im Terminal ausführen oder --yes angeben.</translation>
    </message>
    <message>
        <source>Unlink user #%1 (%2) from WorkOS ID %3?</source>
        <translation>Verknüpfung von Benutzer #%1 (%2) mit WorkOS-ID %3 lösen?</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>Nichts geändert.</translation>
    </message>
    <message>
        <source>Unlinked WordPress user #%1 from WorkOS.</source>
        <translation>Verknüpfung von WordPress-Benutzer #%1 mit WorkOS gelöst.</translation>
    </message>
    <message>
        <source>WorkOS is not configured. %1</source>
        <translation>WorkOS ist nicht eingerichtet. %1</translation>
    </message>
    <message>
        <source>Linked WordPress user #%1 to WorkOS user %2.</source>
        <translation>WordPress-Benutzer #%1 mit WorkOS-Benutzer %2 verknüpft.</translation>
    </message>
    <message>
        <source>Import WorkOS user %1 (%2) into WordPress?</source>
        <translation>WorkOS-Benutzer %1 (%2) in WordPress importieren?</translation>
    </message>
    <message>
        <source>Nothing imported.</source>
        <translation>Nichts importiert.</translation>
    </message>
    <message>
        <source>Imported WorkOS user %1 as WordPress user #%2 (%3).</source>
        <translation>WorkOS-Benutzer %1 als WordPress-Benutzer #%2 (%3) importiert.</translation>
    </message>
    <message>
        <source>Synced user #%1 (pull).</source>
        <translation>Benutzer #%1 synchronisiert (pull).</translation>
    </message>
    <message>
        <source>Synced user #%1 (push).</source>
        <translation>Benutzer #%1 synchronisiert (push).</translation>
    </message>
</context>
<context>
    <name>UserService</name>
    <message>
        <source>User not found.</source>
        <translation>Benutzer nicht gefunden.</translation>
    </message>
</context>
<context>
    <name>workos::ActivityTableModel</name>
    <message>
        <source>user %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <source>WordPress user %1</source>
        <translation>WordPress-Benutzer %1</translation>
    </message>
    <message>
        <source>WorkOS user %1</source>
        <translation>WorkOS-Benutzer %1</translation>
    </message>
    <message>
        <source>Browser: %1</source>
        <translation>Browser: %1</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-Adresse</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>“%1” (typed)</source>
        <translation>„%1“ (eingegeben)</translation>
    </message>
</context>
<context>
    <name>workos::AuthorizeApplication</name>
    <message>
        <source>The site&apos;s REST API did not answer (HTTP %1%2).</source>
        <translation>Die REST-API der Website hat nicht geantwortet (HTTP %1%2).</translation>
    </message>
    <message>
        <source>The site does not offer Application Passwords (they need https, or a local site, and may be turned off by a plugin). Create one on your profile page instead.</source>
        <translation>Die Website bietet keine Anwendungspasswörter an (sie erfordern https oder eine lokale Website und können durch ein Plugin abgeschaltet sein). Erstellen Sie stattdessen eines auf Ihrer Profilseite.</translation>
    </message>
    <message>
        <source>Cannot listen on the loopback address: %1</source>
        <translation>Auf der Loopback-Adresse kann nicht gelauscht werden: %1</translation>
    </message>
    <message>
        <source>WorkOS Console is connected</source>
        <translation>Die WorkOS-Konsole ist verbunden</translation>
    </message>
    <message>
        <source>You can close this window and go back to the console.</source>
        <translation>Sie können dieses Fenster schließen und zur Konsole zurückkehren.</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>Verbindung abgelehnt</translation>
    </message>
    <message>
        <source>You declined the connection. Go back to the console to try again.</source>
        <translation>Sie haben die Verbindung abgelehnt. Kehren Sie zur Konsole zurück, um es erneut zu versuchen.</translation>
    </message>
</context>
<context>
    <name>workos::BulkRun</name>
    <message numerus="yes">
        <source>Canceled: %n item(s) left; run the same command again to resume.</source>
        <translation>
            <numerusform>Abgebrochen: %n Eintrag übrig; führen Sie denselben Befehl erneut aus, um fortzufahren.</numerusform>
            <numerusform>Abgebrochen: %n Einträge übrig; führen Sie denselben Befehl erneut aus, um fortzufahren.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>workos::HttpClient</name>
    <message numerus="yes">
        <source>no answer within %n second(s)</source>
        <translation>
            <numerusform>keine Antwort innerhalb von %n Sekunde</numerusform>
            <numerusform>keine Antwort innerhalb von %n Sekunden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>workos::Onboarding</name>
    <message>
        <source>“%1” is not a site address: use http:// or https:// and a host name.</source>
        <translation>„%1“ ist keine Website-Adresse: Verwenden Sie http:// oder https:// und einen Hostnamen.</translation>
    </message>
    <message>
        <source>Enter the WordPress user name and its Application Password.</source>
        <translation>Geben Sie den WordPress-Benutzernamen und sein Anwendungspasswort ein.</translation>
    </message>
    <message>
        <source>WorkOS refused the API key: %1</source>
        <translation>WorkOS hat den API-Schlüssel abgelehnt: %1</translation>
    </message>
    <message>
        <source>WorkOS does not know the client ID “%1” in this environment.</source>
        <translation>WorkOS kennt die Client-ID „%1“ in dieser Umgebung nicht.</translation>
    </message>
    <message>
        <source>Could not check the client ID with WorkOS (HTTP %1%2).</source>
        <translation>Die Client-ID konnte nicht bei WorkOS geprüft werden (HTTP %1%2).</translation>
    </message>
    <message>
        <source>The site is being set up already.</source>
        <translation>Die Website wird bereits eingerichtet.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was kept.</source>
        <translation>Abgebrochen: Es wurde nichts übernommen.</translation>
    </message>
    <message>
        <source>Saving the site in the console…</source>
        <translation>Website wird in der Konsole gespeichert…</translation>
    </message>
    <message>
        <source>Storing the WorkOS API key in your keychain…</source>
        <translation>WorkOS-API-Schlüssel wird in Ihrem Schlüsselbund gespeichert…</translation>
    </message>
    <message>
        <source>The API key could not be stored.</source>
        <translation>Der API-Schlüssel konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Storing the webhook secret in your keychain…</source>
        <translation>Webhook-Geheimnis wird in Ihrem Schlüsselbund gespeichert…</translation>
    </message>
    <message>
        <source>The webhook secret could not be stored.</source>
        <translation>Das Webhook-Geheimnis konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Creating the organization “%1” in WorkOS…</source>
        <translation>Organisation „%1“ wird in WorkOS angelegt…</translation>
    </message>
    <message>
        <source>WorkOS did not create the organization: %1</source>
        <translation>WorkOS hat die Organisation nicht angelegt: %1</translation>
    </message>
    <message>
        <source>Writing the role map on the site…</source>
        <translation>Rollenzuordnung wird auf die Website geschrieben…</translation>
    </message>
    <message>
        <source>The site refused the role map: %1</source>
        <translation>Die Website hat die Rollenzuordnung abgelehnt: %1</translation>
    </message>
    <message>
        <source>Writing the WorkOS settings on the site…</source>
        <translation>WorkOS-Einstellungen werden auf die Website geschrieben…</translation>
    </message>
    <message>
        <source>The site refused the settings: %1</source>
        <translation>Die Website hat die Einstellungen abgelehnt: %1</translation>
    </message>
    <message>
        <source>Caching the organization on the site…</source>
        <translation>Organisation wird auf der Website zwischengespeichert…</translation>
    </message>
    <message>
        <source>The organization could not be read from WorkOS (%1); sync it later from the Settings page.</source>
        <translation>Die Organisation konnte nicht aus WorkOS gelesen werden (%1); synchronisieren Sie sie später über die Seite „Einstellungen“.</translation>
    </message>
    <message>
        <source>The site did not cache the organization (%1); sync it later from the Settings page.</source>
        <translation>Die Website hat die Organisation nicht zwischengespeichert (%1); synchronisieren Sie sie später über die Seite „Einstellungen“.</translation>
    </message>
    <message>
        <source>The organization %1 created in WorkOS stays there; choose it when you try again.</source>
        <translation>Die in WorkOS angelegte Organisation %1 bleibt dort bestehen; wählen Sie sie beim nächsten Versuch aus.</translation>
    </message>
</context>
<context>
    <name>workos::SecretStore</name>
    <message>
        <source>The keychain refused “%1”</source>
        <translation>Der Schlüsselbund hat „%1“ abgelehnt</translation>
    </message>
    <message>
        <source>%1: access denied (%2). Unlock your keyring (for example by logging in to the desktop, or with your keyring manager) and try again.</source>
        <translation>%1: Zugriff verweigert (%2). Entsperren Sie Ihren Schlüsselbund (etwa durch Anmelden am Desktop oder mit Ihrer Schlüsselbundverwaltung), und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1: no keychain is available (%2). Install and start a Secret Service provider such as gnome-keyring or KWallet.</source>
        <translation>%1: Kein Schlüsselbund verfügbar (%2). Installieren und starten Sie einen Secret-Service-Anbieter wie gnome-keyring oder KWallet.</translation>
    </message>
    <message>
        <source>%1: you denied access. Allow the console to use the keychain and try again.</source>
        <translation>%1: Sie haben den Zugriff verweigert. Erlauben Sie der Konsole, den Schlüsselbund zu verwenden, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1: this platform&apos;s keychain is not supported (%2).</source>
        <translation>%1: Der Schlüsselbund dieser Plattform wird nicht unterstützt (%2).</translation>
    </message>
    <message>
        <source>%1: there is no D-Bus session (%2). Run the console inside a desktop session, or start one with dbus-run-session and an unlocked gnome-keyring.</source>
        <translation>%1: Es gibt keine D-Bus-Sitzung (%2). Führen Sie die Konsole in einer Desktop-Sitzung aus, oder starten Sie eine mit dbus-run-session und einem entsperrten gnome-keyring.</translation>
    </message>
    <message>
        <source>%1: no Secret Service is running (%2). Install and start gnome-keyring or KWallet.</source>
        <translation>%1: Es läuft kein Secret Service (%2). Installieren und starten Sie gnome-keyring oder KWallet.</translation>
    </message>
    <message>
        <source>%1: the login keyring does not exist or is locked (%2). Create or unlock it with your keyring manager.</source>
        <translation>%1: Der Anmelde-Schlüsselbund existiert nicht oder ist gesperrt (%2). Legen Sie ihn mit Ihrer Schlüsselbundverwaltung an, oder entsperren Sie ihn.</translation>
    </message>
    <message>
        <source>%1: the keychain library failed without a reason. On Linux, install libsecret-1-0 (QtKeychain loads it at run time).</source>
        <translation>%1: Die Schlüsselbund-Bibliothek ist ohne Angabe eines Grundes fehlgeschlagen. Installieren Sie unter Linux libsecret-1-0 (QtKeychain lädt sie zur Laufzeit).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>workos::SiteListModel</name>
    <message>
        <source>Break-glass on: WordPress passwords still sign in.</source>
        <translation>Notfallzugang an: WordPress-Passwörter melden weiterhin an.</translation>
    </message>
    <message>
        <source>Break-glass off: only WorkOS signs people in.</source>
        <translation>Notfallzugang aus: Anmeldung nur über WorkOS.</translation>
    </message>
</context>
<context>
    <name>workos::UserListModel</name>
    <message>
        <source>not linked</source>
        <translation>nicht verknüpft</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Organization: %1</source>
        <translation>Organisation: %1</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>WorkOS link</source>
        <translation>WorkOS-Verknüpfung</translation>
    </message>
    <message>
        <source>Last synced</source>
        <translation>Zuletzt synchronisiert</translation>
    </message>
</context>
<context>
    <name>workos::WorkOSClient</name>
    <message>
        <source>WorkOS at %1 could not be reached: %2</source>
        <translation>WorkOS unter %1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>WorkOS refused the API key (401): check the key stored for this environment. %1</source>
        <translation>WorkOS hat den API-Schlüssel abgelehnt (401): Prüfen Sie den für diese Umgebung gespeicherten Schlüssel. %1</translation>
    </message>
    <message>
        <source>WorkOS does not allow this for the API key (403): %1</source>
        <translation>WorkOS erlaubt dies für den API-Schlüssel nicht (403): %1</translation>
    </message>
    <message>
        <source>WorkOS does not know it (404): %1</source>
        <translation>Bei WorkOS nicht gefunden (404): %1</translation>
    </message>
    <message>
        <source>WorkOS is rate-limiting this key (429); try again later. %1</source>
        <translation>WorkOS drosselt die Anfragen mit diesem Schlüssel (429); versuchen Sie es später erneut. %1</translation>
    </message>
    <message>
        <source>WorkOS had a problem (%1): %2</source>
        <translation>WorkOS hatte ein Problem (%1): %2</translation>
    </message>
    <message>
        <source>WorkOS refused the request (%1): %2</source>
        <translation>WorkOS hat die Anfrage abgelehnt (%1): %2</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>Abgebrochen.</translation>
    </message>
</context>
<context>
    <name>workos::cli::Cli</name>
    <message>
        <source>usage: wpworkos [--site NAME] [--env production|staging] &lt;command&gt; [&lt;args&gt;]

Manage WorkOS identity on your WordPress sites from the desktop.

Commands:
</source>
        <translation>Aufruf: wpworkos [--site NAME] [--env production|staging] &lt;command&gt; [&lt;args&gt;]

WorkOS-Identität auf Ihren WordPress-Websites vom Desktop aus verwalten.

Befehle:
</translation>
    </message>
    <message>
        <source>
Global options:
  --site NAME      act on this site instead of the current one
  --env ENV        production or staging (default: the site&apos;s own)
  -h, --help       show help (also: wpworkos &lt;command&gt; --help)
  -v, --version    show the version
</source>
        <translation>
Globale Optionen:
  --site NAME      diese Website statt der aktuellen verwenden
  --env ENV        production oder staging (Standard: die der Website)
  -h, --help       Hilfe anzeigen (auch: wpworkos &lt;command&gt; --help)
  -v, --version    Version anzeigen
</translation>
    </message>
    <message>
        <source>wpworkos: unknown command “%1”

</source>
        <translation>wpworkos: unbekannter Befehl „%1“

</translation>
    </message>
    <message>
        <source>Act on this site instead of the current one.</source>
        <translation>Diese Website statt der aktuellen verwenden.</translation>
    </message>
    <message>
        <source>WorkOS environment: production or staging.</source>
        <translation>WorkOS-Umgebung: production oder staging.</translation>
    </message>
    <message>
        <source>wpworkos: --env must be production or staging, not “%1”
</source>
        <translation>wpworkos: --env muss production oder staging sein, nicht „%1“
</translation>
    </message>
</context>
<context>
    <name>workos::gui::ActivityChart</name>
    <message>
        <source>Sign-ins per day</source>
        <translation>Anmeldungen pro Tag</translation>
    </message>
    <message>
        <source>No days to show.</source>
        <translation>Keine Tage anzuzeigen.</translation>
    </message>
    <message numerus="yes">
        <source>Sign-ins per day (UTC) from %1 to %2: %n login(s)</source>
        <translation>
            <numerusform>Anmeldungen pro Tag (UTC) von %1 bis %2: %n Anmeldung</numerusform>
            <numerusform>Anmeldungen pro Tag (UTC) von %1 bis %2: %n Anmeldungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n failed sign-in(s).</source>
        <translation>
            <numerusform>, %n fehlgeschlagene Anmeldung.</numerusform>
            <numerusform>, %n fehlgeschlagene Anmeldungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Busiest day %1: %2 logins, %3 failed.</source>
        <translation>Stärkster Tag %1: %2 Anmeldungen, %3 fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Sign-ins per day (UTC)</source>
        <translation>Anmeldungen pro Tag (UTC)</translation>
    </message>
    <message>
        <source>Logins (%1)</source>
        <translation>Anmeldungen (%1)</translation>
    </message>
    <message>
        <source>Failed (%1)</source>
        <translation>Fehlgeschlagen (%1)</translation>
    </message>
    <message>
        <source>No days to show</source>
        <translation>Keine Tage anzuzeigen</translation>
    </message>
    <message>
        <source>No sign-ins in this period</source>
        <translation>Keine Anmeldungen in diesem Zeitraum</translation>
    </message>
    <message>
        <source>%1: %2 logins, %3 failed sign-ins</source>
        <translation>%1: %2 Anmeldungen, %3 fehlgeschlagene Anmeldungen</translation>
    </message>
</context>
<context>
    <name>workos::gui::ActivityFilterBar</name>
    <message>
        <source>Fro&amp;m:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>Zurü&amp;cksetzen</translation>
    </message>
    <message>
        <source>Sa&amp;ve as…</source>
        <translation>Speichern u&amp;nter…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Alle Typen</translation>
    </message>
    <message>
        <source>User id or e-mail</source>
        <translation>Benutzer-ID oder E-Mail</translation>
    </message>
    <message>
        <source>Words in the event, e-mail, IP, browser or details (Ctrl+F)</source>
        <translation>Wörter in Ereignis, E-Mail, IP, Browser oder Details (Strg+F)</translation>
    </message>
    <message>
        <source>Show every event again</source>
        <translation>Wieder alle Ereignisse anzeigen</translation>
    </message>
    <message>
        <source>First day (UTC)</source>
        <translation>Erster Tag (UTC)</translation>
    </message>
    <message>
        <source>Last day (UTC)</source>
        <translation>Letzter Tag (UTC)</translation>
    </message>
    <message>
        <source>A day in UTC, as the log&apos;s times are</source>
        <translation>Ein Tag in UTC, wie die Zeiten im Protokoll</translation>
    </message>
    <message>
        <source>Keep the current filters under a name</source>
        <translation>Die aktuellen Filter unter einem Namen speichern</translation>
    </message>
    <message>
        <source>Forget the selected saved filter</source>
        <translation>Den ausgewählten gespeicherten Filter entfernen</translation>
    </message>
    <message>
        <source>Delete the selected saved filter</source>
        <translation>Den ausgewählten gespeicherten Filter löschen</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>Ben&amp;utzer:</translation>
    </message>
    <message>
        <source>Sea&amp;rch:</source>
        <translation>&amp;Suche:</translation>
    </message>
    <message>
        <source>Sav&amp;ed:</source>
        <translation>&amp;Gespeichert:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
</context>
<context>
    <name>workos::gui::ActivityPage</name>
    <message>
        <source>&amp;Pull</source>
        <translation>Ab&amp;rufen</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>Fetch the events logged since the last pull</source>
        <translation>Die seit dem letzten Abruf protokollierten Ereignisse abrufen</translation>
    </message>
    <message>
        <source>Save the events the filters select as CSV or JSON (Ctrl+E)</source>
        <translation>Die von den Filtern ausgewählten Ereignisse als CSV oder JSON speichern (Strg+E)</translation>
    </message>
    <message>
        <source>Activity events</source>
        <translation>Aktivitätsereignisse</translation>
    </message>
    <message>
        <source>Save filter</source>
        <translation>Filter speichern</translation>
    </message>
    <message>
        <source>Name of the filter:</source>
        <translation>Name des Filters:</translation>
    </message>
    <message>
        <source>The activity cache of %1 was unreadable: it was set aside and is filled again from the site.</source>
        <translation>Der Aktivitäts-Cache von %1 war nicht lesbar: Er wurde beiseitegelegt und wird erneut von der Website gefüllt.</translation>
    </message>
    <message>
        <source>The search looks for words (letters or digits): “%1” has none, so nothing matches.</source>
        <translation>Die Suche arbeitet mit Wörtern (Buchstaben oder Ziffern): „%1“ enthält keine, daher gibt es keine Treffer.</translation>
    </message>
    <message>
        <source>No cached activity.</source>
        <translation>Keine Aktivität im Cache.</translation>
    </message>
    <message>
        <source>Showing %1 events; counting…</source>
        <translation>%1 Ereignisse angezeigt; wird gezählt…</translation>
    </message>
    <message>
        <source>The cache is empty: pull to fetch the site&apos;s activity.</source>
        <translation>Der Cache ist leer: Rufen Sie die Aktivität der Website mit „Abrufen“ ab.</translation>
    </message>
    <message>
        <source>No event matches the filters.</source>
        <translation>Kein Ereignis entspricht den Filtern.</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s).</source>
        <translation>
            <numerusform>%n Ereignis.</numerusform>
            <numerusform>%n Ereignisse.</numerusform>
        </translation>
    </message>
    <message>
        <source>Showing %1 of %2 events (more as you scroll).</source>
        <translation>%1 von %2 Ereignissen angezeigt (weitere beim Scrollen).</translation>
    </message>
    <message>
        <source>No activity cache.</source>
        <translation>Kein Aktivitäts-Cache.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — as of %2 (the last complete pull)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — Stand %2 (letzter vollständiger Abruf)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — not pulled yet</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — noch nicht abgerufen</translation>
    </message>
    <message>
        <source>Pulling new events from %1…</source>
        <translation>Neue Ereignisse werden von %1 abgerufen…</translation>
    </message>
    <message>
        <source>Pulled %1 new events…</source>
        <translation>%1 neue Ereignisse abgerufen…</translation>
    </message>
    <message>
        <source>Cannot pull new events from %1: %2</source>
        <translation>Neue Ereignisse können nicht von %1 abgerufen werden: %2</translation>
    </message>
    <message>
        <source>Showing the cached copy as of %1.</source>
        <translation>Angezeigt wird die Kopie im Cache, Stand %1.</translation>
    </message>
    <message>
        <source>Showing the cached copy.</source>
        <translation>Angezeigt wird die Kopie im Cache.</translation>
    </message>
    <message numerus="yes">
        <source>Pull cancelled after %n new event(s); they are kept.</source>
        <translation>
            <numerusform>Abruf nach %n neuen Ereignis abgebrochen; es bleibt erhalten.</numerusform>
            <numerusform>Abruf nach %n neuen Ereignissen abgebrochen; sie bleiben erhalten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pulled %n new event(s) from %1.</source>
        <translation>
            <numerusform>%n neues Ereignis von %1 abgerufen.</numerusform>
            <numerusform>%n neue Ereignisse von %1 abgerufen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export activity</source>
        <translation>Aktivität exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Wird nach %1 exportiert…</translation>
    </message>
    <message>
        <source>Exported %1 events…</source>
        <translation>%1 Ereignisse exportiert…</translation>
    </message>
    <message>
        <source>Export cancelled: %1 was not written.</source>
        <translation>Export abgebrochen: %1 wurde nicht geschrieben.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s) to %1.</source>
        <translation>
            <numerusform>%n Ereignis nach %1 exportiert.</numerusform>
            <numerusform>%n Ereignisse nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved the filter “%1”.</source>
        <translation>Filter „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Deleted the saved filter “%1”.</source>
        <translation>Gespeicherten Filter „%1“ gelöscht.</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
</context>
<context>
    <name>workos::gui::ChangeReviewDialog</name>
    <message>
        <source>Review changes</source>
        <translation>Änderungen prüfen</translation>
    </message>
    <message numerus="yes">
        <source>These %n change(s) will be written to the %1 environment of “%2”:</source>
        <translation>
            <numerusform>Diese Änderung wird in die Umgebung %1 von „%2“ geschrieben:</numerusform>
            <numerusform>Diese %n Änderungen werden in die Umgebung %1 von „%2“ geschrieben:</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes to write</source>
        <translation>Zu schreibende Änderungen</translation>
    </message>
</context>
<context>
    <name>workos::gui::ChangelogPage</name>
    <message>
        <source>WorkOS Console</source>
        <translation>WorkOS-Konsole</translation>
    </message>
    <message>
        <source>Companion on the selected site</source>
        <translation>Companion auf der ausgewählten Website</translation>
    </message>
    <message>
        <source>&amp;Changelog of:</source>
        <translation>Änderungsprotokoll &amp;von:</translation>
    </message>
    <message>
        <source>Go to the installed release</source>
        <translation>Zur installierten Version springen</translation>
    </message>
    <message>
        <source>Changelog</source>
        <translation>Änderungsprotokoll</translation>
    </message>
    <message>
        <source>Companion on %1</source>
        <translation>Companion auf %1</translation>
    </message>
    <message>
        <source>The changelog of the companion on %1 could not be loaded: %2</source>
        <translation>Das Änderungsprotokoll des Companion-Plugins auf %1 konnte nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>This build of the console has no changelog.</source>
        <translation>Dieser Build der Konsole enthält kein Änderungsprotokoll.</translation>
    </message>
    <message>
        <source>Select a site to see the changelog of its companion.</source>
        <translation>Wählen Sie eine Website aus, um das Änderungsprotokoll ihres Companion-Plugins zu sehen.</translation>
    </message>
    <message>
        <source>Loading the changelog of the companion on %1…</source>
        <translation>Das Änderungsprotokoll des Companion-Plugins auf %1 wird geladen…</translation>
    </message>
    <message>
        <source>The companion&apos;s changelog is not available. The console&apos;s own changelog is under “WorkOS Console”.</source>
        <translation>Das Änderungsprotokoll des Companion-Plugins ist nicht verfügbar. Das eigene Änderungsprotokoll der Konsole finden Sie unter „WorkOS-Konsole“.</translation>
    </message>
    <message>
        <source>Installed: %1</source>
        <translation>Installiert: %1</translation>
    </message>
    <message>
        <source> — installed</source>
        <translation> — installiert</translation>
    </message>
</context>
<context>
    <name>workos::gui::CheckedPage</name>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
</context>
<context>
    <name>workos::gui::CompanionPage</name>
    <message>
        <source>WorkOS Companion found</source>
        <translation>WorkOS Companion gefunden</translation>
    </message>
    <message>
        <source>WorkOS keeps production and staging apart: each has its own keys. Choose the one to set up now; you can add the other later.</source>
        <translation>WorkOS trennt Produktion und Staging: Jede Umgebung hat eigene Schlüssel. Wählen Sie die, die Sie jetzt einrichten möchten; die andere können Sie später hinzufügen.</translation>
    </message>
    <message>
        <source>&amp;Production</source>
        <translation>&amp;Produktion</translation>
    </message>
    <message>
        <source>&amp;Staging</source>
        <translation>&amp;Staging</translation>
    </message>
    <message>
        <source>WorkOS environment to set up:</source>
        <translation>Einzurichtende WorkOS-Umgebung:</translation>
    </message>
    <message>
        <source>&lt;b&gt;WorkOS Companion %1&lt;/b&gt; on WordPress %2 (PHP %3)%4.&lt;br&gt;Active environment on the site: &lt;b&gt;%5&lt;/b&gt;.&lt;br&gt;The site talks to WorkOS at %6.</source>
        <translation>&lt;b&gt;WorkOS Companion %1&lt;/b&gt; auf WordPress %2 (PHP %3)%4.&lt;br&gt;Aktive Umgebung auf der Website: &lt;b&gt;%5&lt;/b&gt;.&lt;br&gt;Die Website kommuniziert mit WorkOS unter %6.</translation>
    </message>
    <message>
        <source>, multisite network</source>
        <translation>, Multisite-Netzwerk</translation>
    </message>
    <message>
        <source>The companion&apos;s database tables are at version %1, it expects %2: deactivate and activate the plugin on the site.</source>
        <translation>Die Datenbanktabellen des Companion-Plugins haben Version %1, erwartet wird %2: Deaktivieren und aktivieren Sie das Plugin auf der Website.</translation>
    </message>
    <message>
        <source>WorkOS is configured on this site already: the values you enter replace the current ones when you apply.</source>
        <translation>WorkOS ist auf dieser Website bereits eingerichtet: Die eingegebenen Werte ersetzen beim Anwenden die aktuellen.</translation>
    </message>
</context>
<context>
    <name>workos::gui::CreateOrganizationDialog</name>
    <message>
        <source>Create organization</source>
        <translation>Organisation anlegen</translation>
    </message>
    <message>
        <source>Organization name</source>
        <translation>Name der Organisation</translation>
    </message>
    <message>
        <source>Acme Corp</source>
        <translation>Acme GmbH</translation>
    </message>
    <message>
        <source>Creates the organization in WorkOS (%1 environment, with the console&apos;s API key) and adds it to the site&apos;s cache. Save afterwards to make it this environment&apos;s organization.</source>
        <translation>Legt die Organisation in WorkOS an (Umgebung %1, mit dem API-Schlüssel der Konsole) und fügt sie dem Cache der Website hinzu. Speichern Sie anschließend, um sie zur Organisation dieser Umgebung zu machen.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>An&amp;legen</translation>
    </message>
    <message>
        <source>Give the organization a name.</source>
        <translation>Geben Sie der Organisation einen Namen.</translation>
    </message>
    <message>
        <source>At most 255 characters.</source>
        <translation>Höchstens 255 Zeichen.</translation>
    </message>
    <message>
        <source>A name cannot contain &lt; &gt; or control characters.</source>
        <translation>Ein Name darf weder &lt; &gt; noch Steuerzeichen enthalten.</translation>
    </message>
</context>
<context>
    <name>workos::gui::CredentialsPage</name>
    <message>
        <source>WorkOS credentials</source>
        <translation>WorkOS-Zugangsdaten</translation>
    </message>
    <message>
        <source>&amp;API key:</source>
        <translation>&amp;API-Schlüssel:</translation>
    </message>
    <message>
        <source>&amp;Client ID:</source>
        <translation>&amp;Client-ID:</translation>
    </message>
    <message>
        <source>&amp;Environment ID:</source>
        <translation>&amp;Umgebungs-ID:</translation>
    </message>
    <message>
        <source>Find them in the WorkOS dashboard under API Keys, for the environment chosen. The API key goes to the site and to your keychain.</source>
        <translation>Sie finden sie im WorkOS-Dashboard unter „API Keys“ für die gewählte Umgebung. Der API-Schlüssel wird auf der Website und in Ihrem Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>For the %1 environment of “%2”.</source>
        <translation>Für die Umgebung %1 von „%2“.</translation>
    </message>
    <message>
        <source>Set by a constant in wp-config.php on the site</source>
        <translation>Auf der Website durch eine Konstante in wp-config.php festgelegt</translation>
    </message>
    <message>
        <source>The site&apos;s key is set by a constant in wp-config.php; the console still needs it for its own calls.</source>
        <translation>Der Schlüssel der Website ist durch eine Konstante in wp-config.php festgelegt; die Konsole braucht ihn trotzdem für ihre eigenen Aufrufe.</translation>
    </message>
    <message numerus="yes">
        <source>WorkOS accepted the key; %n organization(s) found.</source>
        <translation>
            <numerusform>WorkOS hat den Schlüssel akzeptiert; %n Organisation gefunden.</numerusform>
            <numerusform>WorkOS hat den Schlüssel akzeptiert; %n Organisationen gefunden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>workos::gui::DiagnosticsPage</name>
    <message>
        <source>&amp;Run diagnostics</source>
        <translation>Diagnose aus&amp;führen</translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation>Bericht &amp;kopieren</translation>
    </message>
    <message>
        <source>Save re&amp;port…</source>
        <translation>Bericht &amp;speichern…</translation>
    </message>
    <message>
        <source>Check the console, the site and the webhook path again</source>
        <translation>Konsole, Website und Webhook-Weg erneut prüfen</translation>
    </message>
    <message>
        <source>Copy the report as wpworkos diagnostics prints it</source>
        <translation>Den Bericht so kopieren, wie wpworkos diagnostics ihn ausgibt</translation>
    </message>
    <message>
        <source>Save the report as text or JSON</source>
        <translation>Den Bericht als Text oder JSON speichern</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Diagnostic checks</source>
        <translation>Diagnoseprüfungen</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Running diagnostics on %1…</source>
        <translation>Diagnose von %1 läuft…</translation>
    </message>
    <message>
        <source>Checking the console, the site and the webhook path…</source>
        <translation>Konsole, Website und Webhook-Weg werden geprüft…</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Konsole</translation>
    </message>
    <message>
        <source>What this console holds for the site, and whether the site answers</source>
        <translation>Was diese Konsole für die Website gespeichert hat und ob die Website antwortet</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>The companion&apos;s own checks on the site&apos;s server</source>
        <translation>Die eigenen Prüfungen des Companion-Plugins auf dem Server der Website</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>An event signed with the console&apos;s webhook secret, posted to the site</source>
        <translation>Ein mit dem Webhook-Geheimnis der Konsole signiertes Ereignis, an die Website gesendet</translation>
    </message>
    <message>
        <source>Checked: %1</source>
        <translation>Geprüft: %1</translation>
    </message>
    <message>
        <source>Not run</source>
        <translation>Nicht ausgeführt</translation>
    </message>
    <message>
        <source>An earlier check failed, so this could not be checked.</source>
        <translation>Eine frühere Prüfung ist fehlgeschlagen, daher konnte dies nicht geprüft werden.</translation>
    </message>
    <message>
        <source>Cancelled before this was checked.</source>
        <translation>Abgebrochen, bevor dies geprüft wurde.</translation>
    </message>
    <message>
        <source>Last run: %1, %2 s.</source>
        <translation>Letzter Lauf: %1, %2 s.</translation>
    </message>
    <message>
        <source>Some checks could not run: %1</source>
        <translation>Einige Prüfungen konnten nicht ausgeführt werden: %1</translation>
    </message>
    <message>
        <source>Diagnostics of %1 — passed: %2, warnings: %3, failed: %4.</source>
        <translation>Diagnose von %1 — bestanden: %2, Warnungen: %3, fehlgeschlagen: %4.</translation>
    </message>
    <message>
        <source>Cancelled (%1). Only the checks shown ran; what was already sent to the site finishes there without the console waiting for it.</source>
        <translation>Abgebrochen (%1). Nur die angezeigten Prüfungen wurden ausgeführt; was bereits an die Website gesendet wurde, läuft dort zu Ende, ohne dass die Konsole darauf wartet.</translation>
    </message>
    <message>
        <source>Diagnostics cancelled.</source>
        <translation>Diagnose abgebrochen.</translation>
    </message>
    <message>
        <source>Passed: %1, warnings: %2, failed: %3</source>
        <translation>Bestanden: %1, Warnungen: %2, fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>Copied the diagnostics report to the clipboard.</source>
        <translation>Diagnosebericht in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>Text report (*.txt)</source>
        <translation>Textbericht (*.txt)</translation>
    </message>
    <message>
        <source>JSON report (*.json)</source>
        <translation>JSON-Bericht (*.json)</translation>
    </message>
    <message>
        <source>Save diagnostics report</source>
        <translation>Diagnosebericht speichern</translation>
    </message>
    <message>
        <source>Cannot save the report to %1: %2</source>
        <translation>Der Bericht kann nicht unter %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Saved the diagnostics report to %1.</source>
        <translation>Diagnosebericht unter %1 gespeichert.</translation>
    </message>
</context>
<context>
    <name>workos::gui::DonePage</name>
    <message>
        <source>Site set up</source>
        <translation>Website eingerichtet</translation>
    </message>
    <message>
        <source>“%1” is in the console and WorkOS is configured for %2.</source>
        <translation>„%1“ ist in der Konsole eingetragen, und WorkOS ist für die Umgebung %2 eingerichtet.</translation>
    </message>
    <message>
        <source>The organization %1 was created in WorkOS.</source>
        <translation>Die Organisation %1 wurde in WorkOS angelegt.</translation>
    </message>
    <message>
        <source>Checking the site and sending a signed test webhook…</source>
        <translation>Die Website wird geprüft und ein signierter Test-Webhook gesendet…</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Diagnostics: %1 checks, %2 failed, %3 warnings.</source>
        <translation>Diagnose: %1 Prüfungen, %2 fehlgeschlagen, %3 Warnungen.</translation>
    </message>
    <message>
        <source>&amp;Import users from WorkOS…</source>
        <translation>Benutzer aus WorkOS &amp;importieren…</translation>
    </message>
    <message>
        <source>Optional: bring the organization&apos;s WorkOS users in now — a dry run shows who would be created, linked or skipped and why, before anything is written.</source>
        <translation>Optional: Übernehmen Sie die WorkOS-Benutzer der Organisation jetzt – ein Probelauf zeigt, wer angelegt, verknüpft oder übersprungen würde und warum, bevor etwas geschrieben wird.</translation>
    </message>
</context>
<context>
    <name>workos::gui::EnvironmentBadge</name>
    <message>
        <source>PRODUCTION</source>
        <translation>PRODUKTION</translation>
    </message>
    <message>
        <source>STAGING</source>
        <translation>STAGING</translation>
    </message>
    <message>
        <source>NO SITE</source>
        <translation>KEINE WEBSITE</translation>
    </message>
    <message>
        <source>No site selected</source>
        <translation>Keine Website ausgewählt</translation>
    </message>
    <message>
        <source>Actions apply to the %1 environment of WorkOS</source>
        <translation>Aktionen betreffen die WorkOS-Umgebung %1</translation>
    </message>
</context>
<context>
    <name>workos::gui::GeneralSettingsTab</name>
    <message>
        <source>WorkOS credentials</source>
        <translation>WorkOS-Zugangsdaten</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>AP&amp;I-Schlüssel:</translation>
    </message>
    <message>
        <source>&amp;Client ID:</source>
        <translation>&amp;Client-ID:</translation>
    </message>
    <message>
        <source>E&amp;nvironment ID:</source>
        <translation>Umg&amp;ebungs-ID:</translation>
    </message>
    <message>
        <source>Redirect URI:</source>
        <translation>Redirect-URI:</translation>
    </message>
    <message>
        <source>Add this address to the redirect URIs of your WorkOS application.</source>
        <translation>Fügen Sie diese Adresse den Redirect-URIs Ihrer WorkOS-Anwendung hinzu.</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <source>Endpoint:</source>
        <translation>Endpunkt:</translation>
    </message>
    <message>
        <source>Create a webhook endpoint with this address in the WorkOS dashboard.</source>
        <translation>Legen Sie im WorkOS-Dashboard einen Webhook-Endpunkt mit dieser Adresse an.</translation>
    </message>
    <message>
        <source>&amp;Webhook secret:</source>
        <translation>Webhook-&amp;Geheimnis:</translation>
    </message>
    <message>
        <source>&amp;Tolerance:</source>
        <translation>&amp;Toleranz:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>&amp;Login mode:</source>
        <translation>Anmelde&amp;modus:</translation>
    </message>
    <message>
        <source>Hosted AuthKit page (redirect)</source>
        <translation>Gehostete AuthKit-Seite (redirect)</translation>
    </message>
    <message>
        <source>WordPress login form, checked by WorkOS (headless)</source>
        <translation>WordPress-Anmeldeformular, von WorkOS geprüft (headless)</translation>
    </message>
    <message>
        <source>Password &amp;fallback:</source>
        <translation>Passwort-&amp;Rückfallebene:</translation>
    </message>
    <message>
        <source>Allow WordPress passwords next to WorkOS (wp-login.php?fallback=1)</source>
        <translation>WordPress-Passwörter neben WorkOS erlauben (wp-login.php?fallback=1)</translation>
    </message>
    <message>
        <source>Logging</source>
        <translation>Protokollierung</translation>
    </message>
    <message>
        <source>Send WordPress events to WorkOS Audit Logs</source>
        <translation>WordPress-Ereignisse an die WorkOS-Audit-Logs senden</translation>
    </message>
    <message>
        <source>Acti&amp;vity log:</source>
        <translation>Aktivitätsprotoko&amp;ll:</translation>
    </message>
    <message>
        <source>Keep the site&apos;s local activity log</source>
        <translation>Lokales Aktivitätsprotokoll der Website führen</translation>
    </message>
    <message>
        <source>Site-wide (both environments)</source>
        <translation>Websiteweit (beide Umgebungen)</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
    <message>
        <source>WorkOS needs the environment ID too: without it the site does not use WorkOS for sign-in.</source>
        <translation>WorkOS braucht auch die Umgebungs-ID: Ohne sie verwendet die Website WorkOS nicht für die Anmeldung.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Single sign-on without a break-glass path.&lt;/b&gt; With password fallback off, WordPress passwords stop working: %1. If WorkOS is unreachable or misconfigured, nobody can sign in to wp-admin until password fallback is turned on again — from this console, which keeps working through its Application Password.</source>
        <translation>&lt;b&gt;Single Sign-on ohne Notfallzugang.&lt;/b&gt; Ist die Passwort-Rückfallebene aus, funktionieren WordPress-Passwörter nicht mehr: %1. Ist WorkOS nicht erreichbar oder falsch konfiguriert, kann sich niemand bei wp-admin anmelden, bis die Passwort-Rückfallebene wieder eingeschaltet wird – über diese Konsole, die mit ihrem Anwendungspasswort weiter funktioniert.</translation>
    </message>
    <message>
        <source>the login form accepts only passwords WorkOS confirms</source>
        <translation>Das Anmeldeformular akzeptiert nur Passwörter, die WorkOS bestätigt</translation>
    </message>
    <message>
        <source>wp-login.php sends everyone to WorkOS</source>
        <translation>wp-login.php leitet alle zu WorkOS weiter</translation>
    </message>
    <message>
        <source>Password fallback is off, but WorkOS is not configured for this environment yet: WordPress passwords keep working until it is.</source>
        <translation>Die Passwort-Rückfallebene ist aus, aber WorkOS ist für diese Umgebung noch nicht eingerichtet: WordPress-Passwörter funktionieren weiter, bis es eingerichtet ist.</translation>
    </message>
    <message>
        <source>Password sign-in stays available next to WorkOS at wp-login.php?fallback=1: a break-glass path while WorkOS sign-in is new. Once it works, consider turning it off so nobody signs in around single sign-on.</source>
        <translation>Die Passwortanmeldung bleibt neben WorkOS unter wp-login.php?fallback=1 verfügbar: ein Notfallzugang, solange die Anmeldung über WorkOS neu ist. Sobald sie funktioniert, sollten Sie sie abschalten, damit sich niemand am Single Sign-on vorbei anmeldet.</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was sent: %n field(s) need fixing first (marked in red).</source>
        <translation>
            <numerusform>Nichts gesendet: %n Feld muss zuerst korrigiert werden (rot markiert).</numerusform>
            <numerusform>Nichts gesendet: %n Felder müssen zuerst korrigiert werden (rot markiert).</numerusform>
        </translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>set, ends in %1</source>
        <translation>gesetzt, endet auf %1</translation>
    </message>
    <message>
        <source>settings.%1: %2 → a new value</source>
        <translation>settings.%1: %2 → ein neuer Wert</translation>
    </message>
    <message>
        <source>&amp;Write to site</source>
        <translation>Auf die Website &amp;schreiben</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n change(s) to the %1 environment.</source>
        <translation>
            <numerusform>%n Änderung in der Umgebung %1 gespeichert.</numerusform>
            <numerusform>%n Änderungen in der Umgebung %1 gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>The site refused the changes; nothing was saved. %1</source>
        <translation>Die Website hat die Änderungen abgelehnt; es wurde nichts gespeichert. %1</translation>
    </message>
    <message>
        <source>A&amp;udit logging:</source>
        <translation>Audit-Pr&amp;otokollierung:</translation>
    </message>
    <message>
        <source>WorkOS A&amp;PI address:</source>
        <translation>WorkOS-A&amp;PI-Adresse:</translation>
    </message>
</context>
<context>
    <name>workos::gui::JobBar</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Cancel the running job</source>
        <translation>Laufenden Auftrag abbrechen</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>workos::gui::LinkUserDialog</name>
    <message>
        <source>Link to a WorkOS user</source>
        <translation>Mit einem WorkOS-Benutzer verknüpfen</translation>
    </message>
    <message>
        <source>Link WordPress user #%1 &lt;b&gt;%2&lt;/b&gt; (%3) to a WorkOS user. It then signs in with that WorkOS user, and WorkOS&apos;s profile is written to it on sync.</source>
        <translation>Verknüpfen Sie WordPress-Benutzer #%1 &lt;b&gt;%2&lt;/b&gt; (%3) mit einem WorkOS-Benutzer. Er meldet sich dann als dieser WorkOS-Benutzer an, und beim Synchronisieren wird das Profil aus WorkOS in ihn geschrieben.</translation>
    </message>
    <message>
        <source>user_01… or name@example.com</source>
        <translation>user_01… oder name@example.com</translation>
    </message>
    <message>
        <source>By e-mail address only when WorkOS has verified it for that user.</source>
        <translation>Per E-Mail-Adresse nur, wenn WorkOS sie für diesen Benutzer bestätigt hat.</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>&amp;Verknüpfen</translation>
    </message>
    <message>
        <source>&amp;WorkOS user ID or e-mail:</source>
        <translation>WorkOS-Benutzer-&amp;ID oder E-Mail:</translation>
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
        <translation>&lt;b&gt;WorkOS-Konsole %1&lt;/b&gt;&lt;p&gt;WorkOS Single Sign-on, Verzeichnissynchronisierung und Audit-Logs für Ihre WordPress-Websites betreiben.&lt;/p&gt;</translation>
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
    <message>
        <source>&amp;Add site…</source>
        <translation>Website hin&amp;zufügen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected site</source>
        <translation>Ausgewählte Website entfernen</translation>
    </message>
    <message>
        <source>Move the selected site up</source>
        <translation>Ausgewählte Website nach oben verschieben</translation>
    </message>
    <message>
        <source>Move up (Ctrl+Shift+Up)</source>
        <translation>Nach oben (Strg+Umschalt+Hoch)</translation>
    </message>
    <message>
        <source>Move the selected site down</source>
        <translation>Ausgewählte Website nach unten verschieben</translation>
    </message>
    <message>
        <source>Move down (Ctrl+Shift+Down)</source>
        <translation>Nach unten (Strg+Umschalt+Runter)</translation>
    </message>
    <message>
        <source>&lt;h2&gt;No sites yet&lt;/h2&gt;&lt;p&gt;Add a WordPress site that runs the WorkOS Companion plugin with &lt;b&gt;Add site…&lt;/b&gt; (Ctrl+N), or from a terminal:&lt;/p&gt;&lt;p&gt;&lt;code&gt;wpworkos site add NAME --url https://example.com --user admin&lt;/code&gt;&lt;/p&gt;&lt;p&gt;The console uses a WordPress Application Password, kept in your keychain.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Noch keine Websites&lt;/h2&gt;&lt;p&gt;Fügen Sie eine WordPress-Website, auf der das Plugin WorkOS Companion läuft, mit &lt;b&gt;Website hinzufügen…&lt;/b&gt; (Strg+N) hinzu oder in einem Terminal:&lt;/p&gt;&lt;p&gt;&lt;code&gt;wpworkos site add NAME --url https://example.com --user admin&lt;/code&gt;&lt;/p&gt;&lt;p&gt;Die Konsole verwendet ein WordPress-Anwendungspasswort, das in Ihrem Schlüsselbund aufbewahrt wird.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>&amp;Add Site…</source>
        <translation>Website &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Site</source>
        <translation>&amp;Website</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The console speaks the chosen language from its next start.</source>
        <translation>Die Konsole verwendet die gewählte Sprache ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Added “%1”.</source>
        <translation>„%1“ hinzugefügt.</translation>
    </message>
    <message>
        <source>Remove site</source>
        <translation>Website entfernen</translation>
    </message>
    <message>
        <source>Remove “%1” from the console?</source>
        <translation>„%1“ aus der Konsole entfernen?</translation>
    </message>
    <message>
        <source>Its Application Password and WorkOS keys are deleted from your keychain. Nothing changes on the site itself.</source>
        <translation>Anwendungspasswort und WorkOS-Schlüssel werden aus Ihrem Schlüsselbund gelöscht. Auf der Website selbst ändert sich nichts.</translation>
    </message>
    <message>
        <source>Removed “%1”.</source>
        <translation>„%1“ entfernt.</translation>
    </message>
    <message>
        <source>Move site</source>
        <translation>Website verschieben</translation>
    </message>
</context>
<context>
    <name>workos::gui::OnboardingWizard</name>
    <message>
        <source>Add a WordPress site</source>
        <translation>WordPress-Website hinzufügen</translation>
    </message>
</context>
<context>
    <name>workos::gui::OrganizationPage</name>
    <message>
        <source>An &amp;existing organization:</source>
        <translation>&amp;Bestehende Organisation:</translation>
    </message>
    <message>
        <source>&amp;Create a new organization:</source>
        <translation>Neue Organisation &amp;anlegen:</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Members of this WorkOS organization sign in to the site, with roles from the role map.</source>
        <translation>Mitglieder dieser WorkOS-Organisation melden sich bei der Website an, mit Rollen aus der Rollenzuordnung.</translation>
    </message>
    <message>
        <source>Organizations in WorkOS</source>
        <translation>Organisationen in WorkOS</translation>
    </message>
    <message>
        <source>Filter by name or domain</source>
        <translation>Nach Name oder Domain filtern</translation>
    </message>
    <message>
        <source>example.com, example.org (optional)</source>
        <translation>example.com, example.org (optional)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Domains:</source>
        <translation>&amp;Domains:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>(WorkOS has more organizations: filter by name to find yours among the first 100.)</source>
        <translation>(WorkOS hat weitere Organisationen: Filtern Sie nach dem Namen, um Ihre unter den ersten 100 zu finden.)</translation>
    </message>
</context>
<context>
    <name>workos::gui::OrganizationTab</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>WorkOS ID</source>
        <translation>WorkOS-ID</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>Domains</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>&amp;Use this organization</source>
        <translation>Diese &amp;Organisation verwenden</translation>
    </message>
    <message>
        <source>S&amp;ync from WorkOS</source>
        <translation>Aus WorkOS s&amp;ynchronisieren</translation>
    </message>
    <message>
        <source>&amp;Create organization…</source>
        <translation>Organisation an&amp;legen…</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>WordPress roles</source>
        <translation>WordPress-Rollen</translation>
    </message>
    <message>
        <source>WorkOS role</source>
        <translation>WorkOS-Rolle</translation>
    </message>
    <message>
        <source>Mapped role</source>
        <translation>Zugeordnete Rolle</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>Beigetreten</translation>
    </message>
    <message>
        <source>Sites of the network this organization belongs to</source>
        <translation>Websites des Netzwerks, zu denen diese Organisation gehört</translation>
    </message>
    <message>
        <source>Save site &amp;mapping</source>
        <translation>Website-&amp;Zuordnung speichern</translation>
    </message>
    <message>
        <source>This environment&apos;s organization</source>
        <translation>Organisation dieser Umgebung</translation>
    </message>
    <message>
        <source>Organization &amp;ID:</source>
        <translation>Organisations-&amp;ID:</translation>
    </message>
    <message>
        <source>Only active members of the organization may sign in</source>
        <translation>Nur aktive Mitglieder der Organisation dürfen sich anmelden</translation>
    </message>
    <message>
        <source>Organizations cached on the site</source>
        <translation>Auf der Website zwischengespeicherte Organisationen</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>Organisationen</translation>
    </message>
    <message>
        <source>The site copies WorkOS&apos;s organizations into its cache with its own API key</source>
        <translation>Die Website kopiert die Organisationen aus WorkOS mit ihrem eigenen API-Schlüssel in ihren Cache</translation>
    </message>
    <message>
        <source>Create an organization in WorkOS with the console&apos;s API key</source>
        <translation>Eine Organisation in WorkOS mit dem API-Schlüssel der Konsole anlegen</translation>
    </message>
    <message>
        <source>Members of the selected organization</source>
        <translation>Mitglieder der ausgewählten Organisation</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Belongs to it</source>
        <translation>Gehört dazu</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>Primär</translation>
    </message>
    <message>
        <source>Sync canceled: the site keeps what it copied so far.</source>
        <translation>Synchronisierung abgebrochen: Die Website behält, was sie bisher kopiert hat.</translation>
    </message>
    <message>
        <source>WorkOS is not configured for the %1 environment on the site yet (API key, client ID and environment ID, on the Settings tab): the list shows the site&apos;s cache, and Sync needs the site&apos;s credentials.</source>
        <translation>WorkOS ist auf der Website für die Umgebung %1 noch nicht eingerichtet (API-Schlüssel, Client-ID und Umgebungs-ID, auf dem Reiter „Einstellungen“): Die Liste zeigt den Cache der Website, und die Synchronisierung braucht die Zugangsdaten der Website.</translation>
    </message>
    <message>
        <source>The network&apos;s sites cannot be listed (%1): only the mapped site IDs are shown.</source>
        <translation>Die Websites des Netzwerks können nicht aufgelistet werden (%1): Nur die IDs der zugeordneten Websites werden angezeigt.</translation>
    </message>
    <message>
        <source>Cannot list the site&apos;s organizations: %1</source>
        <translation>Die Organisationen der Website können nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>The site has no organizations cached yet: sync them from WorkOS, or create one.</source>
        <translation>Die Website hat noch keine Organisationen zwischengespeichert: Synchronisieren Sie sie aus WorkOS, oder legen Sie eine an.</translation>
    </message>
    <message>
        <source>Select an organization to see its members.</source>
        <translation>Wählen Sie eine Organisation aus, um ihre Mitglieder zu sehen.</translation>
    </message>
    <message>
        <source>Members of %1 (loading…)</source>
        <translation>Mitglieder von %1 (wird geladen…)</translation>
    </message>
    <message>
        <source>Members of %1 cannot be listed: %2</source>
        <translation>Die Mitglieder von %1 können nicht aufgelistet werden: %2</translation>
    </message>
    <message>
        <source>#%1 (deleted)</source>
        <translation>#%1 (gelöscht)</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) of %1, as cached on the site:</source>
        <translation>
            <numerusform>%n Mitglied von %1, wie auf der Website zwischengespeichert:</numerusform>
            <numerusform>%n Mitglieder von %1, wie auf der Website zwischengespeichert:</numerusform>
        </translation>
    </message>
    <message>
        <source>No organization is chosen for this environment.</source>
        <translation>Für diese Umgebung ist keine Organisation gewählt.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;Domains: %3 · %n member(s) · in the site&apos;s cache since %4</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;Domains: %3 · %n Mitglied · im Cache der Website seit %4</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;Domains: %3 · %n Mitglieder · im Cache der Website seit %4</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 is not in the site&apos;s cache: sync from WorkOS to see its name and members.</source>
        <translation>%1 ist nicht im Cache der Website: Synchronisieren Sie aus WorkOS, um Namen und Mitglieder zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was sent: %n field(s) need fixing first (marked in red).</source>
        <translation>
            <numerusform>Nichts gesendet: %n Feld muss zuerst korrigiert werden (rot markiert).</numerusform>
            <numerusform>Nichts gesendet: %n Felder müssen zuerst korrigiert werden (rot markiert).</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Write to site</source>
        <translation>Auf die Website &amp;schreiben</translation>
    </message>
    <message>
        <source>The site refused the changes; nothing was saved. %1</source>
        <translation>Die Website hat die Änderungen abgelehnt; es wurde nichts gespeichert. %1</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n change(s) to the %1 environment.</source>
        <translation>
            <numerusform>%n Änderung in der Umgebung %1 gespeichert.</numerusform>
            <numerusform>%n Änderungen in der Umgebung %1 gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>The site is copying WorkOS&apos;s organizations…</source>
        <translation>Die Website kopiert die Organisationen aus WorkOS…</translation>
    </message>
    <message>
        <source>Sync from WorkOS failed: %1</source>
        <translation>Synchronisierung aus WorkOS fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Synced from WorkOS: %1 new, %2 updated, %3 unchanged.</source>
        <translation>Aus WorkOS synchronisiert: %1 neu, %2 aktualisiert, %3 unverändert.</translation>
    </message>
    <message numerus="yes">
        <source>%n could not be stored.</source>
        <translation>
            <numerusform>%n konnte nicht gespeichert werden.</numerusform>
            <numerusform>%n konnten nicht gespeichert werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Creating “%1” in WorkOS…</source>
        <translation>„%1“ wird in WorkOS angelegt…</translation>
    </message>
    <message>
        <source>Cannot create the organization: %1</source>
        <translation>Die Organisation kann nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>WorkOS did not create “%1”: %2</source>
        <translation>WorkOS hat „%1“ nicht angelegt: %2</translation>
    </message>
    <message>
        <source>Created “%1” in WorkOS (%2), but the site did not cache it: %3</source>
        <translation>„%1“ in WorkOS angelegt (%2), aber die Website hat sie nicht zwischengespeichert: %3</translation>
    </message>
    <message>
        <source>Created “%1” in WorkOS (%2). Save to make it this environment&apos;s organization.</source>
        <translation>„%1“ in WorkOS angelegt (%2). Speichern Sie, um sie zur Organisation dieser Umgebung zu machen.</translation>
    </message>
    <message>
        <source>Cannot read the organization&apos;s sites: %1</source>
        <translation>Die Websites der Organisation können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Site #%1</source>
        <translation>Website #%1</translation>
    </message>
    <message>
        <source>%1 belongs to the organization</source>
        <translation>%1 gehört zur Organisation</translation>
    </message>
    <message>
        <source>%1 is the primary site</source>
        <translation>%1 ist die primäre Website</translation>
    </message>
    <message>
        <source>Nothing was sent: the organization needs at least one site, and its primary site among them.</source>
        <translation>Nichts gesendet: Die Organisation braucht mindestens eine Website, und ihre primäre Website muss darunter sein.</translation>
    </message>
    <message numerus="yes">
        <source>Saved: the organization belongs to %n site(s).</source>
        <translation>
            <numerusform>Gespeichert: Die Organisation gehört zu %n Website.</numerusform>
            <numerusform>Gespeichert: Die Organisation gehört zu %n Websites.</numerusform>
        </translation>
    </message>
    <message>
        <source>The site refused the mapping: %1</source>
        <translation>Die Website hat die Zuordnung abgelehnt: %1</translation>
    </message>
    <message>
        <source>Enti&amp;tlement gate:</source>
        <translation>Berechtigungs&amp;prüfung:</translation>
    </message>
    <message>
        <source>Sites of the organization</source>
        <translation>Websites der Organisation</translation>
    </message>
</context>
<context>
    <name>workos::gui::RedirectTable</name>
    <message>
        <source>Login redirects</source>
        <translation>Weiterleitungen nach der Anmeldung</translation>
    </message>
    <message>
        <source>Logout redirects</source>
        <translation>Weiterleitungen nach der Abmeldung</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Send them to</source>
        <translation>Weiterleiten zu</translation>
    </message>
    <message>
        <source>First sign-in only</source>
        <translation>Nur erste Anmeldung</translation>
    </message>
    <message>
        <source>Add lo&amp;gin redirect</source>
        <translation>Anm&amp;elde-Weiterleitung hinzufügen</translation>
    </message>
    <message>
        <source>Add log&amp;out redirect</source>
        <translation>A&amp;bmelde-Weiterleitung hinzufügen</translation>
    </message>
    <message>
        <source>Applies to users linked to WorkOS when no explicit redirect was asked for. An address is a page of this site (/welcome/) or a URL on its own host.</source>
        <translation>Gilt für mit WorkOS verknüpfte Benutzer, wenn keine ausdrückliche Weiterleitung angefordert wurde. Eine Adresse ist eine Seite dieser Website (/welcome/) oder eine URL auf ihrem eigenen Host.</translation>
    </message>
    <message>
        <source>Applies to users linked to WorkOS. An address is a page of this site (/goodbye/) or a URL on its own host.</source>
        <translation>Gilt für mit WorkOS verknüpfte Benutzer. Eine Adresse ist eine Seite dieser Website (/goodbye/) oder eine URL auf ihrem eigenen Host.</translation>
    </message>
    <message>
        <source>Default (all roles)</source>
        <translation>Standard (alle Rollen)</translation>
    </message>
    <message>
        <source>Role of row %1</source>
        <translation>Rolle in Zeile %1</translation>
    </message>
    <message>
        <source>%1 (not a role on this site)</source>
        <translation>%1 (keine Rolle auf dieser Website)</translation>
    </message>
    <message>
        <source>Address of row %1</source>
        <translation>Adresse in Zeile %1</translation>
    </message>
    <message>
        <source>First sign-in only, row %1</source>
        <translation>Nur erste Anmeldung, Zeile %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove row %1</source>
        <translation>Zeile %1 entfernen</translation>
    </message>
    <message>
        <source>At most %1 redirects.</source>
        <translation>Höchstens %1 Weiterleitungen.</translation>
    </message>
    <message>
        <source>%1: two rows for this role; keep one.</source>
        <translation>%1: zwei Zeilen für diese Rolle; behalten Sie eine.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Not an address the site accepts: a page of this site (/welcome/) or a URL on %1.</source>
        <translation>Keine Adresse, die die Website akzeptiert: eine Seite dieser Website (/welcome/) oder eine URL auf %1.</translation>
    </message>
</context>
<context>
    <name>workos::gui::RoleMapEditor</name>
    <message>
        <source>&lt;b&gt;Mode: replace.&lt;/b&gt; When a member signs in or is synced, their WordPress roles are &lt;i&gt;replaced&lt;/i&gt; by the one role their WorkOS role maps to; a WorkOS role the map does not name gets the “member” mapping (else Subscriber). The site never demotes its last administrator.</source>
        <translation>&lt;b&gt;Modus: ersetzen.&lt;/b&gt; Wenn sich ein Mitglied anmeldet oder synchronisiert wird, werden seine WordPress-Rollen durch die eine Rolle &lt;i&gt;ersetzt&lt;/i&gt;, der seine WorkOS-Rolle zugeordnet ist; eine WorkOS-Rolle, die die Zuordnung nicht nennt, erhält die Zuordnung von „member“ (sonst Abonnent). Die Website stuft ihren letzten Administrator nie herab.</translation>
    </message>
    <message>
        <source>Role map</source>
        <translation>Rollenzuordnung</translation>
    </message>
    <message>
        <source>WorkOS role or directory group</source>
        <translation>WorkOS-Rolle oder Verzeichnisgruppe</translation>
    </message>
    <message>
        <source>WordPress role</source>
        <translation>WordPress-Rolle</translation>
    </message>
    <message>
        <source>Use &amp;built-in map</source>
        <translation>Vorgegebene Zuordnu&amp;ng verwenden</translation>
    </message>
    <message>
        <source>admin → Administrator, editor → Editor, member → Subscriber; nothing stored on the site</source>
        <translation>admin → Administrator, editor → Redakteur, member → Abonnent; nichts wird auf der Website gespeichert</translation>
    </message>
    <message>
        <source>Write this map although no administrator keeps the role; you confirm first.</source>
        <translation>Diese Zuordnung schreiben, obwohl kein Administrator die Rolle behält; Sie bestätigen zuvor.</translation>
    </message>
    <message>
        <source>Whose role changes</source>
        <translation>Wessen Rolle sich ändert</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>WordPress roles now</source>
        <translation>WordPress-Rollen jetzt</translation>
    </message>
    <message>
        <source>WorkOS role</source>
        <translation>WorkOS-Rolle</translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation>Wird zu</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>admin, member, a directory group…</source>
        <translation>admin, member, eine Verzeichnisgruppe…</translation>
    </message>
    <message>
        <source>WorkOS role of row %1</source>
        <translation>WorkOS-Rolle in Zeile %1</translation>
    </message>
    <message>
        <source>WordPress role of row %1</source>
        <translation>WordPress-Rolle in Zeile %1</translation>
    </message>
    <message>
        <source>%1 (not a role on this site)</source>
        <translation>%1 (keine Rolle auf dieser Website)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove row %1</source>
        <translation>Zeile %1 entfernen</translation>
    </message>
    <message>
        <source>Row %1: enter a WorkOS role or directory group name, or remove the row.</source>
        <translation>Zeile %1: Geben Sie eine WorkOS-Rolle oder den Namen einer Verzeichnisgruppe ein, oder entfernen Sie die Zeile.</translation>
    </message>
    <message>
        <source>“%1” is mapped twice: keep one row.</source>
        <translation>„%1“ ist zweimal zugeordnet: Behalten Sie eine Zeile.</translation>
    </message>
    <message>
        <source>Built-in map: admin → Administrator, editor → Editor, member → Subscriber (nothing stored on the site).</source>
        <translation>Vorgegebene Zuordnung: admin → Administrator, editor → Redakteur, member → Abonnent (nichts auf der Website gespeichert).</translation>
    </message>
    <message>
        <source>&lt;b&gt;This map would take the administrator role from every administrator&lt;/b&gt; (%1): each is linked to WorkOS and none has a WorkOS role that maps to Administrator, so at their next sign-in nobody administers the site. The site refuses it; map a WorkOS role to Administrator, or save anyway if that is what you want.</source>
        <translation>&lt;b&gt;Diese Zuordnung würde allen Administratoren die Administratorrolle entziehen&lt;/b&gt; (%1): Alle sind mit WorkOS verknüpft, und keiner hat eine WorkOS-Rolle, die der Rolle Administrator zugeordnet ist; nach ihrer nächsten Anmeldung verwaltet also niemand mehr die Website. Die Website lehnt sie ab; ordnen Sie eine WorkOS-Rolle der Rolle Administrator zu, oder speichern Sie trotzdem, wenn Sie genau das wollen.</translation>
    </message>
    <message>
        <source>No organization is chosen for this environment: the preview needs its members.</source>
        <translation>Für diese Umgebung ist keine Organisation gewählt: Die Vorschau braucht ihre Mitglieder.</translation>
    </message>
    <message>
        <source>keeps Administrator: the site&apos;s last administrator</source>
        <translation>bleibt Administrator: der letzte Administrator der Website</translation>
    </message>
    <message>
        <source>(none: member)</source>
        <translation>(keine: member)</translation>
    </message>
    <message>
        <source>%1 has no members cached on the site yet: nobody to preview.</source>
        <translation>%1 hat noch keine auf der Website zwischengespeicherten Mitglieder: Die Vorschau ist leer.</translation>
    </message>
    <message numerus="yes">
        <source>With this map, nobody among the %n member(s) of %1 changes role.</source>
        <translation>
            <numerusform>Mit dieser Zuordnung behält das einzige Mitglied von %1 seine Rolle.</numerusform>
            <numerusform>Mit dieser Zuordnung ändert sich bei keinem der %n Mitglieder von %1 die Rolle.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>With this map, %1 of the %n member(s) of %2 get another role when they next sign in or are synced:</source>
        <translation>
            <numerusform>Mit dieser Zuordnung erhält %1 von %n Mitglied von %2 bei der nächsten Anmeldung oder Synchronisierung eine andere Rolle:</numerusform>
            <numerusform>Mit dieser Zuordnung erhalten %1 der %n Mitglieder von %2 bei ihrer nächsten Anmeldung oder Synchronisierung eine andere Rolle:</numerusform>
        </translation>
    </message>
    <message>
        <source>Save an&amp;yway…</source>
        <translation>T&amp;rotzdem speichern…</translation>
    </message>
    <message>
        <source>Add &amp;mapping</source>
        <translation>Zu&amp;ordnung hinzufügen</translation>
    </message>
    <message numerus="yes">
        <source>The site&apos;s own map: %n mapping(s), stored on the site.</source>
        <translation>
            <numerusform>Eigene Zuordnung der Website: %n Eintrag, auf der Website gespeichert.</numerusform>
            <numerusform>Eigene Zuordnung der Website: %n Einträge, auf der Website gespeichert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>workos::gui::RoleMappingPage</name>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Each WorkOS role (or directory group) gives a WordPress role at sign-in and on directory changes. Roles the map does not name get the “member” mapping.</source>
        <translation>Jede WorkOS-Rolle (oder Verzeichnisgruppe) ergibt bei der Anmeldung und bei Verzeichnisänderungen eine WordPress-Rolle. Rollen, die die Zuordnung nicht nennt, erhalten die Zuordnung von „member“.</translation>
    </message>
    <message>
        <source>The setup does not write a map that takes the administrator role from every administrator. Map one of their WorkOS roles to Administrator, or change it later on the Settings page.</source>
        <translation>Die Einrichtung schreibt keine Zuordnung, die allen Administratoren die Administratorrolle entzieht. Ordnen Sie eine ihrer WorkOS-Rollen der Rolle Administrator zu, oder ändern Sie die Zuordnung später auf der Seite „Einstellungen“.</translation>
    </message>
    <message>
        <source>The site&apos;s role map could not be read: %1</source>
        <translation>Die Rollenzuordnung der Website konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>A new organization starts with the environment&apos;s roles; type others or directory group names.</source>
        <translation>Eine neue Organisation beginnt mit den Rollen der Umgebung; geben Sie weitere oder Namen von Verzeichnisgruppen ein.</translation>
    </message>
    <message>
        <source>Type WorkOS role slugs or directory group names: %1</source>
        <translation>Geben Sie Slugs von WorkOS-Rollen oder Namen von Verzeichnisgruppen ein: %1</translation>
    </message>
    <message>
        <source>WorkOS roles of the organization: %1. Directory group names can be typed too.</source>
        <translation>WorkOS-Rollen der Organisation: %1. Namen von Verzeichnisgruppen können ebenfalls eingegeben werden.</translation>
    </message>
    <message>
        <source>This map takes the administrator role from every administrator (%1). Map one of their WorkOS roles to Administrator.</source>
        <translation>Diese Zuordnung entzieht allen Administratoren die Administratorrolle (%1). Ordnen Sie eine ihrer WorkOS-Rollen der Rolle Administrator zu.</translation>
    </message>
</context>
<context>
    <name>workos::gui::SaveBar</name>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Speichern…</translation>
    </message>
    <message>
        <source>Put back what the site holds</source>
        <translation>Wiederherstellen, was auf der Website gespeichert ist</translation>
    </message>
    <message>
        <source>Review the changes, then write them to the site</source>
        <translation>Änderungen prüfen und dann auf die Website schreiben</translation>
    </message>
    <message>
        <source>Writing to the site…</source>
        <translation>Wird auf die Website geschrieben…</translation>
    </message>
    <message numerus="yes">
        <source>%n unsaved change(s)</source>
        <translation>
            <numerusform>%n ungespeicherte Änderung</numerusform>
            <numerusform>%n ungespeicherte Änderungen</numerusform>
        </translation>
    </message>
    <message>
        <source>No unsaved changes</source>
        <translation>Keine ungespeicherten Änderungen</translation>
    </message>
</context>
<context>
    <name>workos::gui::SettingField</name>
    <message>
        <source>Type a new value to replace it</source>
        <translation>Neuen Wert eingeben, um ihn zu ersetzen</translation>
    </message>
    <message>
        <source>%1 (not offered here)</source>
        <translation>%1 (hier nicht angeboten)</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>set</source>
        <translation>gesetzt</translation>
    </message>
    <message>
        <source>set, ends in %1</source>
        <translation>gesetzt, endet auf %1</translation>
    </message>
    <message>
        <source>Source: constant %1 in wp-config.php</source>
        <translation>Quelle: Konstante %1 in wp-config.php</translation>
    </message>
    <message>
        <source>Locked: %1 is defined in the site&apos;s wp-config.php, so the site refuses every change made here. Change it there.</source>
        <translation>Gesperrt: %1 ist in der wp-config.php der Website definiert, daher lehnt die Website jede hier vorgenommene Änderung ab. Ändern Sie den Wert dort.</translation>
    </message>
    <message>
        <source>Source: database</source>
        <translation>Quelle: Datenbank</translation>
    </message>
    <message>
        <source>Source: default</source>
        <translation>Quelle: Standard</translation>
    </message>
    <message>
        <source>Saved on the site (its options table).</source>
        <translation>Auf der Website gespeichert (in ihrer Optionstabelle).</translation>
    </message>
    <message>
        <source>Not saved on the site: the companion&apos;s default applies.</source>
        <translation>Nicht auf der Website gespeichert: Es gilt der Standardwert des Companion-Plugins.</translation>
    </message>
    <message>
        <source> — changed, not saved</source>
        <translation> — geändert, nicht gespeichert</translation>
    </message>
    <message>
        <source>Change it in wp-config.php</source>
        <translation>In wp-config.php ändern</translation>
    </message>
</context>
<context>
    <name>workos::gui::SettingsPage</name>
    <message>
        <source>&amp;Activate…</source>
        <translation>A&amp;ktivieren…</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Produktion</translation>
    </message>
    <message>
        <source>Staging</source>
        <translation>Staging</translation>
    </message>
    <message>
        <source>The WorkOS environment whose settings you edit; the site may use the other one.</source>
        <translation>Die WorkOS-Umgebung, deren Einstellungen Sie bearbeiten; die Website verwendet womöglich die andere.</translation>
    </message>
    <message>
        <source>Make the site use this environment for sign-in, webhooks and everything else</source>
        <translation>Die Website diese Umgebung für Anmeldung, Webhooks und alles andere verwenden lassen</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Umgebung:</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>The %1 settings have changes that are not saved. Discard them and show %2?</source>
        <translation>Die Einstellungen für %1 enthalten ungespeicherte Änderungen. Verwerfen und %2 anzeigen?</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>Änderungen &amp;verwerfen</translation>
    </message>
    <message>
        <source>Loading the %1 settings of %2…</source>
        <translation>Die Einstellungen der Umgebung %1 von %2 werden geladen…</translation>
    </message>
    <message>
        <source>Showing what was loaded before.</source>
        <translation>Angezeigt wird, was zuvor geladen wurde.</translation>
    </message>
    <message>
        <source>The site uses this environment.</source>
        <translation>Die Website verwendet diese Umgebung.</translation>
    </message>
    <message>
        <source>Not in use: the site uses %1.</source>
        <translation>Nicht in Verwendung: Die Website verwendet %1.</translation>
    </message>
    <message>
        <source>Chosen by the constant %1 in wp-config.php.</source>
        <translation>Festgelegt durch die Konstante %1 in wp-config.php.</translation>
    </message>
    <message>
        <source>WORKOS_ENVIRONMENT in wp-config.php decides; change it there.</source>
        <translation>WORKOS_ENVIRONMENT in wp-config.php entscheidet; ändern Sie es dort.</translation>
    </message>
    <message>
        <source>Activate %1</source>
        <translation>%1 aktivieren</translation>
    </message>
    <message>
        <source>Make %1 the environment “%2” uses? Sign-in, webhooks and directory sync switch to its credentials at once.</source>
        <translation>%1 zur Umgebung machen, die „%2“ verwendet? Anmeldung, Webhooks und Verzeichnissynchronisierung wechseln sofort zu deren Zugangsdaten.</translation>
    </message>
    <message>
        <source>Production: real people sign in with it.</source>
        <translation>Produktion: Damit melden sich echte Personen an.</translation>
    </message>
    <message>
        <source>&amp;Activate %1</source>
        <translation>%1 a&amp;ktivieren</translation>
    </message>
    <message>
        <source>The site did not switch to %1: %2</source>
        <translation>Die Website hat nicht zu %1 gewechselt: %2</translation>
    </message>
    <message>
        <source>The site now uses %1.</source>
        <translation>Die Website verwendet jetzt %1.</translation>
    </message>
</context>
<context>
    <name>workos::gui::SignInPage</name>
    <message>
        <source>Allow &amp;WordPress passwords as a fallback (break-glass)</source>
        <translation>WordPress-&amp;Passwörter als Rückfallebene erlauben (Notfallzugang)</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>Choose how people sign in to the site once WorkOS is on.</source>
        <translation>Wählen Sie, wie sich Benutzer bei der Website anmelden, sobald WorkOS aktiv ist.</translation>
    </message>
    <message>
        <source>WorkOS&apos;s hosted sign-in page (AuthKit): SSO, MFA, passwordless</source>
        <translation>Von WorkOS gehostete Anmeldeseite (AuthKit): SSO, MFA, ohne Passwort</translation>
    </message>
    <message>
        <source>WordPress&apos;s sign-in form, passwords checked by WorkOS (headless)</source>
        <translation>Anmeldeformular von WordPress, Passwörter von WorkOS geprüft (headless)</translation>
    </message>
    <message>
        <source>wp-login.php?fallback=1 keeps WordPress&apos;s own password sign-in available.</source>
        <translation>wp-login.php?fallback=1 hält die eigene Passwortanmeldung von WordPress verfügbar.</translation>
    </message>
    <message>
        <source>Sign-in is forced through WorkOS with no fallback: if WorkOS is unreachable or misconfigured, nobody — administrators included — can sign in with a WordPress password. Keep the fallback on until you have signed in through WorkOS at least once.</source>
        <translation>Die Anmeldung wird ohne Rückfallebene über WorkOS erzwungen: Ist WorkOS nicht erreichbar oder falsch konfiguriert, kann sich niemand – auch kein Administrator – mit einem WordPress-Passwort anmelden. Lassen Sie die Rückfallebene eingeschaltet, bis Sie sich mindestens einmal über WorkOS angemeldet haben.</translation>
    </message>
    <message>
        <source>Sign-in &amp;mode:</source>
        <translation>Anmelde&amp;modus:</translation>
    </message>
</context>
<context>
    <name>workos::gui::SiteAccessPage</name>
    <message>
        <source>&amp;Authorize in the browser…</source>
        <translation>&amp;Im Browser autorisieren…</translation>
    </message>
    <message>
        <source>Your WordPress site</source>
        <translation>Ihre WordPress-Website</translation>
    </message>
    <message>
        <source>The console works through the WorkOS Companion plugin on the site, as a WordPress administrator with an Application Password. The password is kept in your keychain, nowhere else.</source>
        <translation>Die Konsole arbeitet über das Plugin WorkOS Companion auf der Website, als WordPress-Administrator mit einem Anwendungspasswort. Das Passwort wird in Ihrem Schlüsselbund aufbewahrt und nirgends sonst.</translation>
    </message>
    <message>
        <source>a short name, e.g. intranet</source>
        <translation>ein kurzer Name, z. B. intranet</translation>
    </message>
    <message>
        <source>WordPress user name</source>
        <translation>WordPress-Benutzername</translation>
    </message>
    <message>
        <source>Open WordPress&apos;s “Authorize Application” page, approve there, and the password comes back here.</source>
        <translation>Öffnen Sie die WordPress-Seite „Anwendung autorisieren“, stimmen Sie dort zu, und das Passwort kommt hierher zurück.</translation>
    </message>
    <message>
        <source>Site &amp;address:</source>
        <translation>Website-&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;Name in the console:</source>
        <translation>&amp;Name in der Konsole:</translation>
    </message>
    <message>
        <source>WordPress &amp;user:</source>
        <translation>WordPress-&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Application &amp;Password:</source>
        <translation>Anwendungs&amp;passwort:</translation>
    </message>
    <message>
        <source>No password yet? Create one under Users → Profile → Application Passwords on the site, or use “Authorize in the browser”.</source>
        <translation>Noch kein Passwort? Erstellen Sie eines auf der Website unter Benutzer → Profil → Anwendungspasswörter, oder verwenden Sie „Im Browser autorisieren“.</translation>
    </message>
    <message>
        <source>WordPress handed over an Application Password for “%1”.</source>
        <translation>WordPress hat ein Anwendungspasswort für „%1“ übergeben.</translation>
    </message>
    <message>
        <source>The connection was declined on the site.</source>
        <translation>Die Verbindung wurde auf der Website abgelehnt.</translation>
    </message>
    <message>
        <source>“%1” is not a valid name: use letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (at most 64).</source>
        <translation>„%1“ ist kein gültiger Name: Verwenden Sie Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; oder &apos;-&apos; (höchstens 64).</translation>
    </message>
    <message>
        <source>The console has a site named “%1” already: choose another name.</source>
        <translation>Die Konsole hat bereits eine Website namens „%1“: Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Found WorkOS Companion %1.</source>
        <translation>WorkOS Companion %1 gefunden.</translation>
    </message>
    <message>
        <source>Enter the site&apos;s address first.</source>
        <translation>Geben Sie zuerst die Adresse der Website ein.</translation>
    </message>
    <message>
        <source>Asking the site for its authorization page…</source>
        <translation>Die Website wird nach ihrer Autorisierungsseite gefragt…</translation>
    </message>
    <message>
        <source>WorkOS Console</source>
        <translation>WorkOS-Konsole</translation>
    </message>
    <message>
        <source>Could not open a browser. Open this address yourself:
%1</source>
        <translation>Es konnte kein Browser geöffnet werden. Öffnen Sie diese Adresse selbst:
%1</translation>
    </message>
    <message>
        <source>Approve the connection in your browser; the password comes back here by itself.</source>
        <translation>Stimmen Sie der Verbindung in Ihrem Browser zu; das Passwort kommt von selbst hierher zurück.</translation>
    </message>
    <message>
        <source>Approve the connection in your browser, then copy the new password WordPress shows into the field above.</source>
        <translation>Stimmen Sie der Verbindung in Ihrem Browser zu, und kopieren Sie dann das neue Passwort, das WordPress anzeigt, in das Feld oben.</translation>
    </message>
</context>
<context>
    <name>workos::gui::SiteHealthDelegate</name>
    <message>
        <source>no break-glass</source>
        <translation>kein Notfallzugang</translation>
    </message>
</context>
<context>
    <name>workos::gui::StatusPage</name>
    <message>
        <source>%1 — checking…</source>
        <translation>%1 — wird geprüft…</translation>
    </message>
    <message>
        <source>%1 — WorkOS Companion %2 on WordPress %3, PHP %4 — WorkOS %5</source>
        <translation>%1 — WorkOS Companion %2 auf WordPress %3, PHP %4 — WorkOS %5</translation>
    </message>
    <message>
        <source>configured</source>
        <translation>eingerichtet</translation>
    </message>
    <message>
        <source>not configured yet</source>
        <translation>noch nicht eingerichtet</translation>
    </message>
    <message>
        <source>The site&apos;s settings and their sources</source>
        <translation>Die Einstellungen der Website und ihre Quellen</translation>
    </message>
</context>
<context>
    <name>workos::gui::SummaryPage</name>
    <message>
        <source>Ready to apply</source>
        <translation>Bereit zum Anwenden</translation>
    </message>
    <message>
        <source>Nothing has been written yet. Apply writes the following; if any step fails, or you cancel, what was written is taken back.</source>
        <translation>Bisher wurde nichts geschrieben. „Anwenden“ schreibt Folgendes; schlägt ein Schritt fehl oder brechen Sie ab, wird das bereits Geschriebene zurückgenommen.</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <source>WordPress passwords will be refused: make sure WorkOS sign-in works before you rely on it.</source>
        <translation>WordPress-Passwörter werden abgelehnt: Stellen Sie sicher, dass die Anmeldung über WorkOS funktioniert, bevor Sie sich darauf verlassen.</translation>
    </message>
    <message>
        <source>Nothing was kept. %1</source>
        <translation>Es wurde nichts übernommen. %1</translation>
    </message>
</context>
<context>
    <name>workos::gui::SyncRunDialog</name>
    <message>
        <source>&amp;Dry run</source>
        <translation>&amp;Probelauf</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>&amp;Save error report…</source>
        <translation>Fehlerbericht &amp;speichern…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>S&amp;chließen</translation>
    </message>
    <message>
        <source>Import users from WorkOS</source>
        <translation>Benutzer aus WorkOS importieren</translation>
    </message>
    <message>
        <source>Sync all users</source>
        <translation>Alle Benutzer synchronisieren</translation>
    </message>
    <message>
        <source>all WorkOS users</source>
        <translation>alle WorkOS-Benutzer</translation>
    </message>
    <message>
        <source>Only members of &amp;organization:</source>
        <translation>Nur Mitglieder der &amp;Organisation:</translation>
    </message>
    <message>
        <source>Push: the site&apos;s unlinked users become WorkOS users (address verified) — or are linked to the WorkOS user that already has their address. Pull: the linked users get WorkOS&apos;s e-mail and names.</source>
        <translation>Übertragen: Die nicht verknüpften Benutzer der Website werden zu WorkOS-Benutzern (Adresse bestätigt) – oder mit dem WorkOS-Benutzer verknüpft, der ihre Adresse bereits hat. Abrufen: Die verknüpften Benutzer erhalten E-Mail-Adresse und Namen aus WorkOS.</translation>
    </message>
    <message>
        <source>&amp;Push unlinked users to WorkOS</source>
        <translation>&amp;Nicht verknüpfte Benutzer an WorkOS übertragen</translation>
    </message>
    <message>
        <source>P&amp;ull linked users from WorkOS</source>
        <translation>Verknüpfte Benutzer aus WorkOS a&amp;brufen</translation>
    </message>
    <message>
        <source>Direction:</source>
        <translation>Richtung:</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>Alle Rollen</translation>
    </message>
    <message>
        <source>How many users each request to the site carries (push and pull: WorkOS is asked once per user).</source>
        <translation>Wie viele Benutzer jede Anfrage an die Website enthält (beim Übertragen und Abrufen wird WorkOS einmal pro Benutzer gefragt).</translation>
    </message>
    <message>
        <source>Forget what is left of that run; a new dry run plans again from what the site has now.</source>
        <translation>Den Rest dieses Laufs vergessen; ein neuer Probelauf plant erneut anhand des aktuellen Stands der Website.</translation>
    </message>
    <message>
        <source>Decide what would happen to each user; nothing is written.</source>
        <translation>Ermitteln, was mit jedem Benutzer geschehen würde; es wird nichts geschrieben.</translation>
    </message>
    <message>
        <source>What the run does to each user</source>
        <translation>Was der Lauf mit jedem Benutzer macht</translation>
    </message>
    <message>
        <source>Do what the dry run shows.</source>
        <translation>Ausführen, was der Probelauf zeigt.</translation>
    </message>
    <message numerus="yes">
        <source>An import started %1 did not finish: %n user(s) left.</source>
        <translation>
            <numerusform>Ein am %1 begonnener Import wurde nicht abgeschlossen: noch %n Benutzer.</numerusform>
            <numerusform>Ein am %1 begonnener Import wurde nicht abgeschlossen: noch %n Benutzer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A push to WorkOS started %1 did not finish: %n user(s) left.</source>
        <translation>
            <numerusform>Eine am %1 begonnene Übertragung an WorkOS wurde nicht abgeschlossen: noch %n Benutzer.</numerusform>
            <numerusform>Eine am %1 begonnene Übertragung an WorkOS wurde nicht abgeschlossen: noch %n Benutzer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A pull from WorkOS started %1 did not finish: %n user(s) left.</source>
        <translation>
            <numerusform>Ein am %1 begonnener Abruf aus WorkOS wurde nicht abgeschlossen: noch %n Benutzer.</numerusform>
            <numerusform>Ein am %1 begonnener Abruf aus WorkOS wurde nicht abgeschlossen: noch %n Benutzer.</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is not a WorkOS organization ID (org_…).</source>
        <translation>„%1“ ist keine WorkOS-Organisations-ID (org_…).</translation>
    </message>
    <message>
        <source>The unfinished run is discarded; what it did stays done.</source>
        <translation>Der unvollendete Lauf wurde verworfen; was er bereits getan hat, bleibt bestehen.</translation>
    </message>
    <message>
        <source>Dry run: asking the site and WorkOS…</source>
        <translation>Probelauf: Website und WorkOS werden abgefragt…</translation>
    </message>
    <message>
        <source>Resuming…</source>
        <translation>Wird fortgesetzt…</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Wird ausgeführt…</translation>
    </message>
    <message>
        <source>Dry run…</source>
        <translation>Probelauf…</translation>
    </message>
    <message>
        <source>Dry run: %1 of %2 users decided</source>
        <translation>Probelauf: %1 von %2 Benutzern entschieden</translation>
    </message>
    <message>
        <source>%1 of %2 users done</source>
        <translation>%1 von %2 Benutzern erledigt</translation>
    </message>
    <message>
        <source>Dry run cancelled: nothing was written.</source>
        <translation>Probelauf abgebrochen: Es wurde nichts geschrieben.</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n user(s) left. Resume to finish them.</source>
        <translation>
            <numerusform>Abgebrochen: noch %n Benutzer. Setzen Sie fort, um ihn abzuschließen.</numerusform>
            <numerusform>Abgebrochen: noch %n Benutzer. Setzen Sie fort, um sie abzuschließen.</numerusform>
        </translation>
    </message>
    <message>
        <source>WorkOS user</source>
        <translation>WorkOS-Benutzer</translation>
    </message>
    <message>
        <source>WordPress user</source>
        <translation>WordPress-Benutzer</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Create %1 · link %2 · update %3 · skip %4 · fail %5</source>
        <translation>Anlegen %1 · verknüpfen %2 · aktualisieren %3 · überspringen %4 · fehlschlagen %5</translation>
    </message>
    <message>
        <source>No WorkOS users found.</source>
        <translation>Keine WorkOS-Benutzer gefunden.</translation>
    </message>
    <message>
        <source>No unlinked users found.</source>
        <translation>Keine nicht verknüpften Benutzer gefunden.</translation>
    </message>
    <message>
        <source>No linked users found.</source>
        <translation>Keine verknüpften Benutzer gefunden.</translation>
    </message>
    <message>
        <source>Nothing to run.</source>
        <translation>Nichts auszuführen.</translation>
    </message>
    <message>
        <source>Nothing to do: no user to sync.</source>
        <translation>Nichts zu tun: kein Benutzer zu synchronisieren.</translation>
    </message>
    <message>
        <source>Every user done.</source>
        <translation>Alle Benutzer erledigt.</translation>
    </message>
    <message>
        <source>Users not done: %1</source>
        <translation>Nicht erledigte Benutzer: %1</translation>
    </message>
    <message>
        <source>There is no run to report on.</source>
        <translation>Es gibt keinen Lauf, über den berichtet werden kann.</translation>
    </message>
    <message>
        <source>Save error report</source>
        <translation>Fehlerbericht speichern</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Error report saved to %1.</source>
        <translation>Fehlerbericht unter %1 gespeichert.</translation>
    </message>
    <message>
        <source>Resu&amp;me</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Disc&amp;ard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>WorkOS&apos;s users become linked WordPress users: the account holding a user&apos;s e-mail address is linked when WorkOS has verified the address and it is not an administrator&apos;s; anyone else gets a new account (no e-mail is sent). Users already linked are skipped.</source>
        <translation>Die Benutzer aus WorkOS werden zu verknüpften WordPress-Benutzern: Das Konto mit der E-Mail-Adresse eines Benutzers wird verknüpft, wenn WorkOS die Adresse bestätigt hat und das Konto keinem Administrator gehört; alle anderen erhalten ein neues Konto (es wird keine E-Mail gesendet). Bereits verknüpfte Benutzer werden übersprungen.</translation>
    </message>
    <message>
        <source>Push only r&amp;ole:</source>
        <translation>Nur Benutzer der &amp;Rolle:</translation>
    </message>
    <message>
        <source>Users per reques&amp;t:</source>
        <translation>Benutzer pro Anfra&amp;ge:</translation>
    </message>
</context>
<context>
    <name>workos::gui::UserSettingsTab</name>
    <message>
        <source>When WorkOS removes a user</source>
        <translation>Wenn WorkOS einen Benutzer entfernt</translation>
    </message>
    <message>
        <source>&amp;Deprovision action:</source>
        <translation>Aktion bei De&amp;provisionierung:</translation>
    </message>
    <message>
        <source>Deactivate (no sign-in, content kept)</source>
        <translation>Deaktivieren (keine Anmeldung, Inhalte bleiben)</translation>
    </message>
    <message>
        <source>Demote to Subscriber</source>
        <translation>Zum Abonnenten herabstufen</translation>
    </message>
    <message>
        <source>Delete user (reassign content)</source>
        <translation>Benutzer löschen (Inhalte übertragen)</translation>
    </message>
    <message>
        <source>Role mapping</source>
        <translation>Rollenzuordnung</translation>
    </message>
    <message>
        <source>Login redirects</source>
        <translation>Weiterleitungen nach der Anmeldung</translation>
    </message>
    <message>
        <source>Logout redirects</source>
        <translation>Weiterleitungen nach der Abmeldung</translation>
    </message>
    <message>
        <source>Could not load %1: %2</source>
        <translation>Fehler beim Laden %1: %2</translation>
    </message>
    <message>
        <source>the administrators</source>
        <translation>der Administratoren</translation>
    </message>
    <message>
        <source>the editors</source>
        <translation>der Redakteure</translation>
    </message>
    <message>
        <source>the organization</source>
        <translation>der Organisation</translation>
    </message>
    <message>
        <source>the organization&apos;s members</source>
        <translation>der Mitglieder der Organisation</translation>
    </message>
    <message>
        <source>Choose the environment&apos;s organization (Organization tab) to pick from its WorkOS roles; meanwhile type role slugs or directory group names.</source>
        <translation>Wählen Sie die Organisation der Umgebung (Reiter „Organisation“), um aus ihren WorkOS-Rollen auszuwählen; geben Sie bis dahin Rollen-Slugs oder Namen von Verzeichnisgruppen ein.</translation>
    </message>
    <message>
        <source>Fetching the WorkOS roles of %1…</source>
        <translation>Die WorkOS-Rollen von %1 werden abgerufen…</translation>
    </message>
    <message>
        <source>Type WorkOS role slugs or directory group names. %1</source>
        <translation>Geben Sie Slugs von WorkOS-Rollen oder Namen von Verzeichnisgruppen ein. %1</translation>
    </message>
    <message>
        <source>Type WorkOS role slugs or directory group names: %1</source>
        <translation>Geben Sie Slugs von WorkOS-Rollen oder Namen von Verzeichnisgruppen ein: %1</translation>
    </message>
    <message>
        <source>WorkOS roles of %1: %2. Directory group names can be typed too.</source>
        <translation>WorkOS-Rollen von %1: %2. Namen von Verzeichnisgruppen können ebenfalls eingegeben werden.</translation>
    </message>
    <message>
        <source>%1 — %2 (#%3)</source>
        <translation>%1 — %2 (#%3)</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was sent: %n problem(s) need fixing first (marked in red).</source>
        <translation>
            <numerusform>Nichts gesendet: %n Problem muss zuerst behoben werden (rot markiert).</numerusform>
            <numerusform>Nichts gesendet: %n Probleme müssen zuerst behoben werden (rot markiert).</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was sent: the role map would take the administrator role from every administrator. Map a WorkOS role to Administrator, or use “Save anyway…” next to the map.</source>
        <translation>Nichts gesendet: Die Rollenzuordnung würde allen Administratoren die Administratorrolle entziehen. Ordnen Sie eine WorkOS-Rolle der Rolle Administrator zu, oder verwenden Sie „Trotzdem speichern…“ neben der Zuordnung.</translation>
    </message>
    <message>
        <source>This role map takes the administrator role from every administrator (%1) at their next WorkOS sign-in. Only save it if another way to administer the site exists.</source>
        <translation>Diese Rollenzuordnung entzieht allen Administratoren (%1) bei ihrer nächsten Anmeldung über WorkOS die Administratorrolle. Speichern Sie sie nur, wenn es einen anderen Weg gibt, die Website zu verwalten.</translation>
    </message>
    <message>
        <source>&amp;Write to site</source>
        <translation>Auf die Website &amp;schreiben</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n change(s) to the %1 environment.</source>
        <translation>
            <numerusform>%n Änderung in der Umgebung %1 gespeichert.</numerusform>
            <numerusform>%n Änderungen in der Umgebung %1 gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>The site refused the changes: %1</source>
        <translation>Die Website hat die Änderungen abgelehnt: %1</translation>
    </message>
    <message>
        <source>Reassign &amp;content to:</source>
        <translation>&amp;Inhalte übertragen an:</translation>
    </message>
    <message>
        <source>Nobody (with “Delete user”, their content goes too)</source>
        <translation>Niemand (bei „Benutzer löschen“ werden auch die Inhalte gelöscht)</translation>
    </message>
    <message>
        <source>Save an&amp;yway</source>
        <translation>T&amp;rotzdem speichern</translation>
    </message>
</context>
<context>
    <name>workos::gui::UsersPage</name>
    <message>
        <source>&amp;Link…</source>
        <translation>&amp;Verknüpfen…</translation>
    </message>
    <message>
        <source>&amp;Unlink…</source>
        <translation>Verknüpfung &amp;lösen…</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>&amp;Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>&amp;Import from WorkOS…</source>
        <translation>Aus WorkOS &amp;importieren…</translation>
    </message>
    <message>
        <source>Sync &amp;all…</source>
        <translation>Alle s&amp;ynchronisieren…</translation>
    </message>
    <message>
        <source>&amp;Resume…</source>
        <translation>&amp;Fortsetzen…</translation>
    </message>
    <message>
        <source>Login, e-mail or name</source>
        <translation>Benutzername, E-Mail oder Name</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>Alle Rollen</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>Alle Benutzer</translation>
    </message>
    <message>
        <source>Linked to WorkOS</source>
        <translation>Mit WorkOS verknüpft</translation>
    </message>
    <message>
        <source>Not linked</source>
        <translation>Nicht verknüpft</translation>
    </message>
    <message>
        <source>Load the list again from the site</source>
        <translation>Liste erneut von der Website laden</translation>
    </message>
    <message>
        <source>Link the selected user to a WorkOS user, by WorkOS user ID or e-mail address</source>
        <translation>Den ausgewählten Benutzer mit einem WorkOS-Benutzer verknüpfen, per WorkOS-Benutzer-ID oder E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Take the WorkOS link away from the selected users (their WordPress accounts stay)</source>
        <translation>Die WorkOS-Verknüpfung der ausgewählten Benutzer lösen (ihre WordPress-Konten bleiben bestehen)</translation>
    </message>
    <message>
        <source>Write WorkOS&apos;s e-mail and names to the selected linked users</source>
        <translation>E-Mail-Adresse und Namen aus WorkOS in die ausgewählten verknüpften Benutzer schreiben</translation>
    </message>
    <message>
        <source>WorkOS&apos;s users into the site: dry run first, then run</source>
        <translation>Benutzer aus WorkOS in die Website übernehmen: erst Probelauf, dann Ausführung</translation>
    </message>
    <message>
        <source>Push the unlinked users to WorkOS, or pull the linked ones: dry run first, then run</source>
        <translation>Nicht verknüpfte Benutzer an WorkOS übertragen oder verknüpfte abrufen: erst Probelauf, dann Ausführung</translation>
    </message>
    <message>
        <source>Users of the site</source>
        <translation>Benutzer der Website</translation>
    </message>
    <message>
        <source>Loading stopped.</source>
        <translation>Laden angehalten.</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>Lin&amp;ked:</source>
        <translation>Ver&amp;knüpft:</translation>
    </message>
    <message>
        <source>Loading users…</source>
        <translation>Benutzer werden geladen…</translation>
    </message>
    <message numerus="yes">
        <source>Loading users… %n so far</source>
        <translation>
            <numerusform>Benutzer werden geladen… bisher %n</numerusform>
            <numerusform>Benutzer werden geladen… bisher %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s), %1 linked to WorkOS</source>
        <translation>
            <numerusform>%n Benutzer, %1 mit WorkOS verknüpft</numerusform>
            <numerusform>%n Benutzer, %1 mit WorkOS verknüpft</numerusform>
        </translation>
    </message>
    <message>
        <source>as loaded before</source>
        <translation>wie zuvor geladen</translation>
    </message>
    <message>
        <source>Select the user to link in the list first.</source>
        <translation>Wählen Sie zuerst den zu verknüpfenden Benutzer in der Liste aus.</translation>
    </message>
    <message>
        <source>Select only the user to link: one WordPress user links to one WorkOS user.</source>
        <translation>Wählen Sie nur den zu verknüpfenden Benutzer aus: Ein WordPress-Benutzer wird mit genau einem WorkOS-Benutzer verknüpft.</translation>
    </message>
    <message>
        <source>User #%1 is already linked to WorkOS user %2: unlink it first.</source>
        <translation>Benutzer #%1 ist bereits mit WorkOS-Benutzer %2 verknüpft: Lösen Sie zuerst die Verknüpfung.</translation>
    </message>
    <message>
        <source>Linked WordPress user #%1 to WorkOS user %2.</source>
        <translation>WordPress-Benutzer #%1 mit WorkOS-Benutzer %2 verknüpft.</translation>
    </message>
    <message>
        <source>Select the users to unlink in the list first.</source>
        <translation>Wählen Sie zuerst in der Liste die Benutzer aus, deren Verknüpfung gelöst werden soll.</translation>
    </message>
    <message>
        <source>User #%1 is not linked to WorkOS.</source>
        <translation>Benutzer #%1 ist nicht mit WorkOS verknüpft.</translation>
    </message>
    <message>
        <source>None of the selected users is linked to WorkOS.</source>
        <translation>Keiner der ausgewählten Benutzer ist mit WorkOS verknüpft.</translation>
    </message>
    <message>
        <source>Unlink user #%1 (%2) from WorkOS ID %3?</source>
        <translation>Verknüpfung von Benutzer #%1 (%2) mit WorkOS-ID %3 lösen?</translation>
    </message>
    <message numerus="yes">
        <source>Unlink %n user(s) from WorkOS?</source>
        <translation>
            <numerusform>Verknüpfung von %n Benutzer mit WorkOS lösen?</numerusform>
            <numerusform>Verknüpfung von %n Benutzern mit WorkOS lösen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Unlink from WorkOS</source>
        <translation>Verknüpfung mit WorkOS lösen</translation>
    </message>
    <message>
        <source>They can no longer sign in with WorkOS until they are linked again. Their WordPress accounts and content stay.</source>
        <translation>Eine Anmeldung über WorkOS ist erst nach einer erneuten Verknüpfung wieder möglich. WordPress-Konten und Inhalte bleiben bestehen.</translation>
    </message>
    <message>
        <source>&amp;Unlink</source>
        <translation>Verknüpfung &amp;lösen</translation>
    </message>
    <message>
        <source>Unlinking…</source>
        <translation>Verknüpfung wird gelöst…</translation>
    </message>
    <message numerus="yes">
        <source>Unlinked %n user(s) from WorkOS.</source>
        <translation>
            <numerusform>Verknüpfung von %n Benutzer mit WorkOS gelöst.</numerusform>
            <numerusform>Verknüpfung von %n Benutzern mit WorkOS gelöst.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the users to sync in the list first.</source>
        <translation>Wählen Sie zuerst die zu synchronisierenden Benutzer in der Liste aus.</translation>
    </message>
    <message>
        <source>Syncing from WorkOS…</source>
        <translation>Synchronisierung aus WorkOS…</translation>
    </message>
    <message numerus="yes">
        <source>Synced %n user(s) from WorkOS.</source>
        <translation>
            <numerusform>%n Benutzer aus WorkOS synchronisiert.</numerusform>
            <numerusform>%n Benutzer aus WorkOS synchronisiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Reloa&amp;d</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>not all of them</source>
        <translation>nicht vollständig</translation>
    </message>
</context>
<context>
    <name>workos::gui::WebhookPage</name>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <source>WorkOS tells the site about directory and user changes through webhooks. In the WorkOS dashboard, under Webhooks, add an endpoint with this URL, then paste the signing secret it shows here.</source>
        <translation>WorkOS informiert die Website per Webhook über Verzeichnis- und Benutzeränderungen. Fügen Sie im WorkOS-Dashboard unter „Webhooks“ einen Endpunkt mit dieser URL hinzu, und fügen Sie dann das dort angezeigte Signaturgeheimnis hier ein.</translation>
    </message>
    <message>
        <source>Webhook endpoint URL</source>
        <translation>URL des Webhook-Endpunkts</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the webhook URL</source>
        <translation>Webhook-URL kopieren</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>Kopiert.</translation>
    </message>
    <message>
        <source>Endpoint &amp;URL:</source>
        <translation>Endpunkt-&amp;URL:</translation>
    </message>
    <message>
        <source>Signing &amp;secret:</source>
        <translation>&amp;Signaturgeheimnis:</translation>
    </message>
    <message>
        <source>Events the site handles: user.*, organization_membership.*, organization.*, dsync.* (directory sync), connection.*. After the setup, the console sends a signed test event and shows whether the site verified it.</source>
        <translation>Von der Website verarbeitete Ereignisse: user.*, organization_membership.*, organization.*, dsync.* (Verzeichnissynchronisierung), connection.*. Nach der Einrichtung sendet die Konsole ein signiertes Testereignis und zeigt, ob die Website es verifiziert hat.</translation>
    </message>
    <message>
        <source>The site&apos;s secret is set by a constant in wp-config.php. Paste the same secret so the console can test it.</source>
        <translation>Das Geheimnis der Website ist durch eine Konstante in wp-config.php festgelegt. Fügen Sie dasselbe Geheimnis ein, damit die Konsole es testen kann.</translation>
    </message>
    <message>
        <source>The site has a secret ending in %1. Leave the field empty to keep it (the console then cannot test it).</source>
        <translation>Die Website hat ein Geheimnis, das auf %1 endet. Lassen Sie das Feld leer, um es zu behalten (die Konsole kann es dann nicht testen).</translation>
    </message>
    <message>
        <source>The site has no webhook secret yet: without one it refuses every webhook.</source>
        <translation>Die Website hat noch kein Webhook-Geheimnis: Ohne eines lehnt sie jeden Webhook ab.</translation>
    </message>
</context>
</TS>
