<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>ApiReply</name>
    <message>
        <source>The server sent an unreadable answer (%1).</source>
        <translation>Die Antwort des Servers ist nicht lesbar (%1).</translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation>Der Server ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>The server answered with HTTP status %1.</source>
        <translation>Der Server antwortete mit dem HTTP-Status %1.</translation>
    </message>
</context>
<context>
    <name>ConnectionMessages</name>
    <message>
        <source>Connected as %1 (%2).</source>
        <translation>Verbunden als %1 (%2).</translation>
    </message>
    <message>
        <source>This token cannot review actions; ask an administrator for a reviewer token.</source>
        <translation>Mit diesem Token lassen sich keine Aktionen prüfen; bitten Sie einen Administrator um ein Prüfer-Token.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The server did not accept the token. Check that it was copied completely.</source>
        <translation>Der Server hat das Token nicht angenommen. Prüfen Sie, ob es vollständig kopiert wurde.</translation>
    </message>
    <message>
        <source>The token is valid but not allowed to do this.</source>
        <translation>Das Token ist gültig, hat dafür aber keine Berechtigung.</translation>
    </message>
    <message>
        <source>The server does not know this request. Is the address that of a countersign-server?</source>
        <translation>Der Server kennt diese Anfrage nicht. Gehört die Adresse zu einem countersign-server?</translation>
    </message>
    <message>
        <source>The server is busy with too many requests. Try again in a moment.</source>
        <translation>Der Server ist mit zu vielen Anfragen ausgelastet. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The server cannot be reached.</source>
        <translation>Der Server ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>The server reported an error.</source>
        <translation>Der Server hat einen Fehler gemeldet.</translation>
    </message>
</context>
<context>
    <name>Countersign::AboutDialog</name>
    <message>
        <source>Countersign is free software, distributed under the GNU General Public License, version 3 or (at your option) any later version.</source>
        <translation>Countersign ist freie Software, veröffentlicht unter der GNU General Public License, Version 3 oder (nach Ihrer Wahl) jeder späteren Version.</translation>
    </message>
    <message>
        <source>About Countersign</source>
        <translation>Über Countersign</translation>
    </message>
    <message>
        <source>Countersign %1</source>
        <translation>Countersign %1</translation>
    </message>
    <message>
        <source>A human countersignature on what AI agents do.</source>
        <translation>Eine menschliche Gegenzeichnung für das, was KI-Agenten tun.</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Qt:</source>
        <translation>Qt:</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1 (erstellt mit %2)</translation>
    </message>
    <message>
        <source>KF6 SyntaxHighlighting:</source>
        <translation>KF6 SyntaxHighlighting:</translation>
    </message>
    <message>
        <source>QtKeychain:</source>
        <translation>QtKeychain:</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>not available in this build (tokens are asked for at each start)</source>
        <translation>in diesem Build nicht verfügbar (Tokens werden bei jedem Start abgefragt)</translation>
    </message>
    <message>
        <source>tokens are kept in the system keychain</source>
        <translation>Tokens werden im Schlüsselbund des Systems aufbewahrt</translation>
    </message>
    <message>
        <source>no keychain service found (tokens are asked for at each start)</source>
        <translation>kein Schlüsselbund-Dienst gefunden (Tokens werden bei jedem Start abgefragt)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Server version:</source>
        <translation>Serverversion:</translation>
    </message>
    <message>
        <source>Signed in as:</source>
        <translation>Angemeldet als:</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>nicht angemeldet</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>unknown (%1)</source>
        <translation>unbekannt (%1)</translation>
    </message>
    <message>
        <source>asking the server…</source>
        <translation>wird beim Server erfragt …</translation>
    </message>
</context>
<context>
    <name>Countersign::ActionDetailDialog</name>
    <message>
        <source>Action %1</source>
        <translation>Aktion %1</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <source>This action cannot be shown: %1</source>
        <translation>Diese Aktion kann nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <source>Decided actions are read-only here.</source>
        <translation>Entschiedene Aktionen sind hier nur lesbar.</translation>
    </message>
</context>
<context>
    <name>Countersign::ApplyProposalDialog</name>
    <message>
        <source>Apply Policy Proposal</source>
        <translation>Richtlinienvorschlag anwenden</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1 proposed on %2:&lt;/p&gt;&lt;p&gt;&lt;b&gt;%3&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1 hat am %2 vorgeschlagen:&lt;/p&gt;&lt;p&gt;&lt;b&gt;%3&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Notiz: %1</translation>
    </message>
    <message>
        <source>What it would have done to the last 90 days</source>
        <translation>Was er mit den letzten 90 Tagen gemacht hätte</translation>
    </message>
    <message>
        <source>Auto-approved, though a reviewer rejected or edited them:</source>
        <translation>Automatisch genehmigt, obwohl Prüfer sie abgelehnt oder bearbeitet haben:</translation>
    </message>
    <message>
        <source>Reviewer time for actions newly sent to review:</source>
        <translation>Prüfzeit für Aktionen, die neu zur Prüfung gingen:</translation>
    </message>
    <message>
        <source>Prohibited, though they were approved:</source>
        <translation>Verboten, obwohl sie genehmigt wurden:</translation>
    </message>
    <message>
        <source>Replaying the last 90 days under this proposal…</source>
        <translation>Die letzten 90 Tage werden mit diesem Vorschlag nachgespielt …</translation>
    </message>
    <message>
        <source>Applying makes this the policy in force as a new version; pending actions are re-tiered toward stricter only.</source>
        <translation>Beim Anwenden wird dies als neue Version zur geltenden Richtlinie; wartende Aktionen werden nur in strengere Stufen umgestuft.</translation>
    </message>
    <message>
        <source>Apply Proposal</source>
        <translation>Vorschlag anwenden</translation>
    </message>
    <message>
        <source>no simulation was offered</source>
        <translation>keine Simulation verfügbar</translation>
    </message>
    <message numerus="yes">
        <source>%1 hours for %n action(s)</source>
        <translation>
            <numerusform>%1 Stunden für %n Aktion</numerusform>
            <numerusform>%1 Stunden für %n Aktionen</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>The what-if could not be computed (%1): apply only if you know what the change does.</source>
        <translation>Die Was-wäre-wenn-Rechnung ist fehlgeschlagen (%1): Wenden Sie den Vorschlag nur an, wenn Sie wissen, was die Änderung bewirkt.</translation>
    </message>
</context>
<context>
    <name>Countersign::BatchDialog</name>
    <message>
        <source>Batch Review</source>
        <translation>Sammelprüfung</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n item(s))</source>
        <translation>
            <numerusform>%1 (%n Eintrag)</numerusform>
            <numerusform>%1 (%n Einträge)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Kategorie:</translation>
    </message>
    <message>
        <source>Reason (required to reject; sent to the agents)</source>
        <translation>Begründung (zum Ablehnen erforderlich; wird an die Agenten gesendet)</translation>
    </message>
    <message>
        <source>Approve All</source>
        <translation>Alle genehmigen</translation>
    </message>
    <message>
        <source>Reject All</source>
        <translation>Alle ablehnen</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) in this category.</source>
        <translation>
            <numerusform>%n Eintrag in dieser Kategorie.</numerusform>
            <numerusform>%n Einträge in dieser Kategorie.</numerusform>
        </translation>
    </message>
    <message>
        <source>Types: %1</source>
        <translation>Typen: %1</translation>
    </message>
    <message>
        <source>Confidence: %1% to %2%</source>
        <translation>Konfidenz: %1 % bis %2 %</translation>
    </message>
    <message numerus="yes">
        <source>%n selected item(s) of other categories are not included.</source>
        <translation>
            <numerusform>%n ausgewählter Eintrag aus anderen Kategorien ist nicht enthalten.</numerusform>
            <numerusform>%n ausgewählte Einträge aus anderen Kategorien sind nicht enthalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Showing a sample of %1.</source>
        <translation>Es wird eine Stichprobe von %1 angezeigt.</translation>
    </message>
    <message numerus="yes">
        <source>Approve %n</source>
        <translation>
            <numerusform>%n genehmigen</numerusform>
            <numerusform>%n genehmigen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reject %n</source>
        <translation>
            <numerusform>%n ablehnen</numerusform>
            <numerusform>%n ablehnen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Countersign::BottleneckView</name>
    <message>
        <source>No bottleneck: queue times and SLA breaches did not grow, and no reviewer carries far more than the others.</source>
        <translation>Kein Engpass: Wartezeiten und SLA-Verstöße sind nicht gewachsen, und kein Prüfer trägt weit mehr als die anderen.</translation>
    </message>
    <message>
        <source>Queue now</source>
        <translation>Warteschlange jetzt</translation>
    </message>
    <message>
        <source>Reviewers&apos; load in the period</source>
        <translation>Auslastung der Prüfer im Zeitraum</translation>
    </message>
    <message>
        <source>Bottlenecks</source>
        <translation>Engpässe</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Oldest</source>
        <translation>Älteste</translation>
    </message>
    <message>
        <source>SLA breaches</source>
        <translation>SLA-Verstöße</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Eskaliert</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Prüfer</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Entscheidungen</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Time to decide (median)</source>
        <translation>Zeit bis zur Entscheidung (Median)</translation>
    </message>
    <message>
        <source>Claimed now</source>
        <translation>Jetzt übernommen</translation>
    </message>
</context>
<context>
    <name>Countersign::ConfidenceMeter</name>
    <message>
        <source>Confidence %1%</source>
        <translation>Konfidenz %1 %</translation>
    </message>
    <message>
        <source>(policy threshold %1%)</source>
        <translation>(Schwellenwert der Richtlinie: %1 %)</translation>
    </message>
</context>
<context>
    <name>Countersign::ConnectDialog</name>
    <message>
        <source>Connect to a Server</source>
        <translation>Mit einem Server verbinden</translation>
    </message>
    <message>
        <source>Enter the address of your countersign-server and your personal token. Your administrator can give you both.</source>
        <translation>Geben Sie die Adresse Ihres countersign-servers und Ihr persönliches Token ein. Beides erhalten Sie von Ihrem Administrator.</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Add a server profile</source>
        <translation>Ein Serverprofil hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove this profile and its saved token</source>
        <translation>Dieses Profil und sein gespeichertes Token entfernen</translation>
    </message>
    <message>
        <source>Paste your token here</source>
        <translation>Fügen Sie hier Ihr Token ein</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>Server&amp;adresse:</translation>
    </message>
    <message>
        <source>T&amp;oken:</source>
        <translation>T&amp;oken:</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Neues Profil</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Remove Profile</source>
        <translation>Profil entfernen</translation>
    </message>
    <message>
        <source>Remove the profile “%1” and the token saved for it?</source>
        <translation>Das Profil „%1“ und das dafür gespeicherte Token entfernen?</translation>
    </message>
    <message>
        <source>A profile named “%1” already exists.</source>
        <translation>Es gibt bereits ein Profil namens „%1“.</translation>
    </message>
    <message>
        <source>Looking for the system keychain…</source>
        <translation>Schlüsselbund des Systems wird gesucht …</translation>
    </message>
    <message>
        <source>The token will be kept in the system keychain, not in a settings file.</source>
        <translation>Das Token wird im Schlüsselbund des Systems aufbewahrt, nicht in einer Einstellungsdatei.</translation>
    </message>
    <message>
        <source>%1 The token will not be saved: Countersign will ask for it each time it starts.</source>
        <translation>%1 Das Token wird nicht gespeichert: Countersign fragt bei jedem Start danach.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt …</translation>
    </message>
    <message>
        <source>The server answered, but not like a countersign-server: it did not say who the token belongs to.</source>
        <translation>Der Server hat geantwortet, aber nicht wie ein countersign-server: Er hat nicht mitgeteilt, wem das Token gehört.</translation>
    </message>
</context>
<context>
    <name>Countersign::DiffEditor</name>
    <message>
        <source>Edited text</source>
        <translation>Bearbeiteter Text</translation>
    </message>
</context>
<context>
    <name>Countersign::DiffFindBar</name>
    <message>
        <source>Find in both sides</source>
        <translation>In beiden Seiten suchen</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Vorheriger</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Vorheriger Treffer (Umschalt+Eingabe)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Nächster</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Nächster Treffer (Eingabe)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the find bar (Escape)</source>
        <translation>Suchleiste schließen (Esc)</translation>
    </message>
</context>
<context>
    <name>Countersign::DiffOverviewRuler</name>
    <message>
        <source>Overview of the changes</source>
        <translation>Übersicht der Änderungen</translation>
    </message>
    <message>
        <source>Where the changes are; click to go there</source>
        <translation>Wo die Änderungen sind; ein Klick springt dorthin</translation>
    </message>
</context>
<context>
    <name>Countersign::DiffPane</name>
    <message>
        <source>Original text</source>
        <translation>Ursprünglicher Text</translation>
    </message>
    <message>
        <source>Changed text</source>
        <translation>Geänderter Text</translation>
    </message>
    <message>
        <source>Unified diff</source>
        <translation>Vereinheitlichter Diff</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <source>Click, or press Enter, to show these unchanged lines</source>
        <translation>Klicken oder die Eingabetaste drücken, um diese unveränderten Zeilen anzuzeigen</translation>
    </message>
</context>
<context>
    <name>Countersign::DiffWidget</name>
    <message>
        <source>Next Change</source>
        <translation>Nächste Änderung</translation>
    </message>
    <message>
        <source>Go to the next change (Alt+Down)</source>
        <translation>Zur nächsten Änderung springen (Alt+Runter)</translation>
    </message>
    <message>
        <source>Previous Change</source>
        <translation>Vorherige Änderung</translation>
    </message>
    <message>
        <source>Go to the previous change (Alt+Up)</source>
        <translation>Zur vorherigen Änderung springen (Alt+Hoch)</translation>
    </message>
    <message>
        <source>Side by Side</source>
        <translation>Nebeneinander</translation>
    </message>
    <message>
        <source>Show the two versions next to each other</source>
        <translation>Die beiden Fassungen nebeneinander anzeigen</translation>
    </message>
    <message>
        <source>Unified</source>
        <translation>Vereinheitlicht</translation>
    </message>
    <message>
        <source>Show the changes in one column, like a patch</source>
        <translation>Die Änderungen in einer Spalte anzeigen, wie in einem Patch</translation>
    </message>
    <message>
        <source>Show All Lines</source>
        <translation>Alle Zeilen anzeigen</translation>
    </message>
    <message>
        <source>Unfold every hidden run of unchanged lines</source>
        <translation>Alle ausgeblendeten unveränderten Zeilen aufklappen</translation>
    </message>
    <message>
        <source>Ignore Whitespace</source>
        <translation>Leerraum ignorieren</translation>
    </message>
    <message>
        <source>Treat lines that differ only in whitespace as unchanged</source>
        <translation>Zeilen, die sich nur im Leerraum unterscheiden, als unverändert behandeln</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Suchen …</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Colour theme of the highlighted text</source>
        <translation>Farbschema der Syntaxhervorhebung</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>Automatic Theme</source>
        <translation>Automatisches Schema</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Vergleich läuft …</translation>
    </message>
    <message>
        <source>No changes</source>
        <translation>Keine Änderungen</translation>
    </message>
    <message>
        <source>Both versions are identical</source>
        <translation>Beide Fassungen sind identisch</translation>
    </message>
    <message>
        <source>The texts differ too much for a minimal diff: more lines are marked than needed.</source>
        <translation>Die Texte unterscheiden sich zu stark für einen minimalen Diff: Es sind mehr Zeilen markiert als nötig.</translation>
    </message>
    <message>
        <source>From a patch: only the lines around the changes are known.</source>
        <translation>Aus einem Patch: Nur die Zeilen um die Änderungen herum sind bekannt.</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Wird aktualisiert …</translation>
    </message>
    <message>
        <source>Wrap Lines</source>
        <translation>Zeilen umbrechen</translation>
    </message>
    <message>
        <source>Break long lines at the window&apos;s edge, remembered per language (Alt+Z)</source>
        <translation>Lange Zeilen am Fensterrand umbrechen, je Sprache gemerkt (Alt+Z)</translation>
    </message>
    <message>
        <source>Take the Draft&apos;s Lines</source>
        <translation>Zeilen des Entwurfs übernehmen</translation>
    </message>
    <message>
        <source>Undo your edit of the change at the cursor: its lines become the AI draft&apos;s again (Ctrl+Alt+Z)</source>
        <translation>Ihre Bearbeitung der Änderung am Cursor zurücknehmen: Ihre Zeilen werden wieder die des KI-Entwurfs (Strg+Alt+Z)</translation>
    </message>
    <message>
        <source>Wrap</source>
        <translation>Umbruch</translation>
    </message>
    <message>
        <source>Use Draft</source>
        <translation>Entwurf nehmen</translation>
    </message>
    <message>
        <source>Both versions are identical, ignoring whitespace</source>
        <translation>Beide Fassungen sind gleich, Leerraum nicht beachtet</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>lines added, lines removed</comment>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <comment>lines</comment>
        <translation>
            <numerusform>%n hinzugefügt</numerusform>
            <numerusform>%n hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <comment>lines</comment>
        <translation>
            <numerusform>%n entfernt</numerusform>
            <numerusform>%n entfernt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %2, in %n place(s)</source>
        <comment>lines added, lines removed</comment>
        <translation>
            <numerusform>%1 und %2, an %n Stelle</numerusform>
            <numerusform>%1 und %2, an %n Stellen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) added</source>
        <translation>
            <numerusform>%n Zeile hinzugefügt</numerusform>
            <numerusform>%n Zeilen hinzugefügt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Countersign::DrillDownDialog</name>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>The actions could not be loaded: %1</source>
        <translation>Die Aktionen konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>No actions.</source>
        <translation>Keine Aktionen.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n action(s)</source>
        <translation>
            <numerusform>%1 von %n Aktion</numerusform>
            <numerusform>%1 von %n Aktionen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
</context>
<context>
    <name>Countersign::DrillDownModel</name>
    <message>
        <source>Auto-approved</source>
        <translation>Automatisch freigegeben</translation>
    </message>
    <message>
        <source>Prohibited</source>
        <translation>Verboten</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Genehmigt</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Zurückgezogen</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Eingereicht</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Prüfer</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Entschieden</translation>
    </message>
</context>
<context>
    <name>Countersign::EditableDiffView</name>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>Ihre Fassung</translation>
    </message>
</context>
<context>
    <name>Countersign::EventStream</name>
    <message>
        <source>The event stream was interrupted.</source>
        <translation>Der Ereignisstrom wurde unterbrochen.</translation>
    </message>
</context>
<context>
    <name>Countersign::HistoryModel</name>
    <message>
        <source>Approved</source>
        <translation>Genehmigt</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Approve — waiting to send</source>
        <translation>Genehmigen – wartet auf Versand</translation>
    </message>
    <message>
        <source>Modify — waiting to send</source>
        <translation>Ändern – wartet auf Versand</translation>
    </message>
    <message>
        <source>Reject — waiting to send</source>
        <translation>Ablehnen – wartet auf Versand</translation>
    </message>
    <message>
        <source>Approval refused</source>
        <translation>Genehmigung abgewiesen</translation>
    </message>
    <message>
        <source>Modification refused</source>
        <translation>Änderung abgewiesen</translation>
    </message>
    <message>
        <source>Rejection refused</source>
        <translation>Ablehnung abgewiesen</translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>Noch nicht gesendet</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgewiesen</translation>
    </message>
    <message>
        <source>Saved on this computer; sent to %1 as soon as it can be reached.</source>
        <translation>Auf diesem Rechner gespeichert; wird an %1 gesendet, sobald der Server erreichbar ist.</translation>
    </message>
    <message>
        <source>Saved on this computer; sent to %1 as soon as it can be reached. Last attempt: %2</source>
        <translation>Auf diesem Rechner gespeichert; wird an %1 gesendet, sobald der Server erreichbar ist. Letzter Versuch: %2</translation>
    </message>
    <message>
        <source>%1 did not accept this decision: %2</source>
        <translation>%1 hat diese Entscheidung nicht angenommen: %2</translation>
    </message>
    <message>
        <source>Accepted by %1</source>
        <translation>Von %1 angenommen</translation>
    </message>
</context>
<context>
    <name>Countersign::HistoryWindow</name>
    <message>
        <source>Decision History</source>
        <translation>Entscheidungsverlauf</translation>
    </message>
    <message>
        <source>Search title, type, category, reason or id…</source>
        <translation>Titel, Typ, Kategorie, Begründung oder ID suchen …</translation>
    </message>
    <message>
        <source>All decisions</source>
        <translation>Alle Entscheidungen</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Genehmigt</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>&amp;Verify Chain</source>
        <translation>Kette &amp;prüfen</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren …</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 · %3 · action %4&lt;br&gt;Decided by %5 on %6: &lt;b&gt;%7&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 · %3 · Aktion %4&lt;br&gt;Entschieden von %5 am %6: &lt;b&gt;%7&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Begründung: %1</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>AI draft</source>
        <translation>KI-Entwurf</translation>
    </message>
    <message>
        <source>(rejected)</source>
        <translation>(abgelehnt)</translation>
    </message>
    <message>
        <source>Approved version</source>
        <translation>Genehmigte Fassung</translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation>Der Verlauf konnte nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>✔ The history is intact: %n decision(s), each linked to the one before.</source>
        <translation>
            <numerusform>✔ Der Verlauf ist unversehrt: %n Entscheidung, verknüpft mit der vorherigen.</numerusform>
            <numerusform>✔ Der Verlauf ist unversehrt: %n Entscheidungen, jede mit der vorherigen verknüpft.</numerusform>
        </translation>
    </message>
    <message>
        <source>✘ The history was altered. The chain breaks at entry %1: %2</source>
        <translation>✘ Der Verlauf wurde verändert. Die Kette bricht bei Eintrag %1: %2</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>Der Export ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Export Decision History</source>
        <translation>Entscheidungsverlauf exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;JSON files (*.json)</source>
        <translation>CSV-Dateien (*.csv);;JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Nach %1 exportiert</translation>
    </message>
    <message>
        <source>Modification refused</source>
        <translation>Änderung abgewiesen</translation>
    </message>
    <message>
        <source>&amp;1 Proposed change</source>
        <translation>&amp;1 Vorgeschlagene Änderung</translation>
    </message>
    <message>
        <source>What the agent wanted to change: the original on the left, its draft on the right</source>
        <translation>Was der Agent ändern wollte: links das Original, rechts sein Entwurf</translation>
    </message>
    <message>
        <source>&amp;2 Your edits</source>
        <translation>&amp;2 Ihre Änderungen</translation>
    </message>
    <message>
        <source>The agent&apos;s draft on the left, the version decided on the right</source>
        <translation>Links der Entwurf des Agenten, rechts die entschiedene Fassung</translation>
    </message>
    <message>
        <source>&amp;3 Result</source>
        <translation>&amp;3 Ergebnis</translation>
    </message>
    <message>
        <source>What the decision did: the original on the left, the approved version on the right</source>
        <translation>Was die Entscheidung bewirkt hat: links das Original, rechts die freigegebene Fassung</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>(rejected: unchanged)</source>
        <translation>(abgelehnt: unverändert)</translation>
    </message>
    <message>
        <source>&amp;1 Agent&apos;s patch</source>
        <translation>&amp;1 Patch des Agenten</translation>
    </message>
    <message>
        <source>The patch the agent proposed, file by file</source>
        <translation>Der Patch, den der Agent vorgeschlagen hat, Datei für Datei</translation>
    </message>
    <message>
        <source>&amp;3 Approved patch</source>
        <translation>&amp;3 Genehmigter Patch</translation>
    </message>
    <message>
        <source>The patch approved with your changes, file by file</source>
        <translation>Der mit Ihren Änderungen genehmigte Patch, Datei für Datei</translation>
    </message>
    <message>
        <source>Agent&apos;s patch</source>
        <translation>Patch des Agenten</translation>
    </message>
    <message>
        <source>Approved patch</source>
        <translation>Genehmigter Patch</translation>
    </message>
    <message>
        <source>Per file, the agent&apos;s version on the left, the one approved on the right</source>
        <translation>Je Datei links die Fassung des Agenten, rechts die genehmigte</translation>
    </message>
</context>
<context>
    <name>Countersign::JsonDiffModel</name>
    <message>
        <source>(the whole document)</source>
        <translation>(das ganze Dokument)</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
</context>
<context>
    <name>Countersign::JsonPayloadView</name>
    <message>
        <source>Changed keys</source>
        <translation>Geänderte Schlüssel</translation>
    </message>
    <message>
        <source>Your version&apos;s values</source>
        <translation>Werte Ihrer Fassung</translation>
    </message>
    <message>
        <source>One of the versions is not valid JSON: only the text diff can compare them.</source>
        <translation>Eine der Fassungen ist kein gültiges JSON: Nur der Textvergleich kann sie vergleichen.</translation>
    </message>
</context>
<context>
    <name>Countersign::JsonTreeModel</name>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>Wahrheitswert</translation>
    </message>
    <message>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>list</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>object</source>
        <translation>Objekt</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n Element</numerusform>
            <numerusform>%n Elemente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s)</source>
        <translation>
            <numerusform>%n Feld</numerusform>
            <numerusform>%n Felder</numerusform>
        </translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
</context>
<context>
    <name>Countersign::LinkOpener</name>
    <message>
        <source>This link cannot be opened: %1</source>
        <translation>Dieser Link kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Open a Linked Item</source>
        <translation>Verlinkten Eintrag öffnen</translation>
    </message>
    <message>
        <source>The link is for a server you have not connected to:
%1

Only connect if you trust it and expect to review its items.</source>
        <translation>Der Link gehört zu einem Server, mit dem Sie noch nicht verbunden waren:
%1

Verbinden Sie sich nur, wenn Sie ihm vertrauen und dort Einträge prüfen sollen.</translation>
    </message>
    <message>
        <source>The link is for your server “%1” (%2). Switch to it?</source>
        <translation>Der Link gehört zu Ihrem Server „%1“ (%2). Dorthin wechseln?</translation>
    </message>
    <message>
        <source>Connect…</source>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <source>Switch</source>
        <translation>Wechseln</translation>
    </message>
    <message>
        <source>The linked item is not in your queue.</source>
        <translation>Der verlinkte Eintrag ist nicht in Ihrer Warteschlange.</translation>
    </message>
    <message>
        <source>Loading the linked item…</source>
        <translation>Der verlinkte Eintrag wird geladen…</translation>
    </message>
    <message>
        <source>The linked item cannot be loaded: %1</source>
        <translation>Der verlinkte Eintrag kann nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>The server %1 has no item “%2”. The link may be incomplete, or meant for another server.</source>
        <translation>Der Server %1 hat keinen Eintrag „%2“. Der Link ist vielleicht unvollständig oder für einen anderen Server gedacht.</translation>
    </message>
    <message>
        <source>the policy</source>
        <translation>die Richtlinie</translation>
    </message>
    <message>
        <source>its expiry</source>
        <translation>den Fristablauf</translation>
    </message>
    <message>
        <source>Not in your queue: approved by %1 on %2. Shown read-only.</source>
        <translation>Nicht in Ihrer Warteschlange: genehmigt durch %1 am %2. Nur zum Lesen angezeigt.</translation>
    </message>
    <message>
        <source>Not in your queue: rejected by %1 on %2. Shown read-only.</source>
        <translation>Nicht in Ihrer Warteschlange: abgelehnt durch %1 am %2. Nur zum Lesen angezeigt.</translation>
    </message>
    <message>
        <source>Not in your queue: it expired undecided on %1. Shown read-only.</source>
        <translation>Nicht in Ihrer Warteschlange: am %1 unentschieden abgelaufen. Nur zum Lesen angezeigt.</translation>
    </message>
    <message>
        <source>Not in your queue: the agent withdrew it on %1. Shown read-only.</source>
        <translation>Nicht in Ihrer Warteschlange: der Agent hat ihn am %1 zurückgezogen. Nur zum Lesen angezeigt.</translation>
    </message>
    <message>
        <source>Not in your queue: you snoozed it until %1. Shown read-only; the Snoozed filter lists it.</source>
        <translation>Nicht in Ihrer Warteschlange: Sie haben ihn bis %1 zurückgestellt. Nur zum Lesen angezeigt; der Filter „Zurückgestellt“ listet ihn.</translation>
    </message>
    <message>
        <source>Not in your queue as it is shown now: a filter hides it, or it waits for other reviewers. Shown read-only.</source>
        <translation>Nicht in Ihrer Warteschlange, wie sie gerade angezeigt wird: ein Filter blendet ihn aus, oder er wartet auf andere Prüfer. Nur zum Lesen angezeigt.</translation>
    </message>
</context>
<context>
    <name>Countersign::MainWindow</name>
    <message>
        <source>Countersign</source>
        <translation>Countersign</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) decided.</source>
        <translation>
            <numerusform>%n Eintrag entschieden.</numerusform>
            <numerusform>%n Einträge entschieden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Batch review</source>
        <translation>Sammelprüfung</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) changed meanwhile and were not decided.</source>
        <translation>
            <numerusform>%n Eintrag wurde inzwischen geändert und nicht entschieden.</numerusform>
            <numerusform>%n Einträge wurden inzwischen geändert und nicht entschieden.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Verbinden …</translation>
    </message>
    <message>
        <source>Connect to a Countersign server</source>
        <translation>Mit einem Countersign-Server verbinden</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <source>Disconnect from the server</source>
        <translation>Die Verbindung zum Server trennen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Quit Countersign</source>
        <translation>Countersign beenden</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Genehmigen</translation>
    </message>
    <message>
        <source>Approve the current item (with your edit, if any)</source>
        <translation>Den aktuellen Eintrag genehmigen (mit Ihren Änderungen, falls vorhanden)</translation>
    </message>
    <message>
        <source>&amp;Modify</source>
        <translation>Än&amp;dern</translation>
    </message>
    <message>
        <source>Edit the proposal before approving it</source>
        <translation>Den Vorschlag vor dem Genehmigen bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Ablehnen</translation>
    </message>
    <message>
        <source>Reject the current item with a reason</source>
        <translation>Den aktuellen Eintrag mit Begründung ablehnen</translation>
    </message>
    <message>
        <source>Type the reason for rejecting, then press Enter.</source>
        <translation>Geben Sie die Begründung der Ablehnung ein und drücken Sie dann die Eingabetaste.</translation>
    </message>
    <message>
        <source>&amp;Undo Decision</source>
        <translation>Entscheidung &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>Take back the decision before it is sent</source>
        <translation>Die Entscheidung zurücknehmen, bevor sie gesendet wird</translation>
    </message>
    <message>
        <source>&amp;Next Item</source>
        <translation>&amp;Nächster Eintrag</translation>
    </message>
    <message>
        <source>Open the next item in the queue</source>
        <translation>Den nächsten Eintrag der Warteschlange öffnen</translation>
    </message>
    <message>
        <source>&amp;Previous Item</source>
        <translation>&amp;Vorheriger Eintrag</translation>
    </message>
    <message>
        <source>Open the previous item in the queue</source>
        <translation>Den vorherigen Eintrag der Warteschlange öffnen</translation>
    </message>
    <message>
        <source>&amp;Batch Review…</source>
        <translation>&amp;Sammelprüfung …</translation>
    </message>
    <message>
        <source>Approve or reject the selected items of one category at once</source>
        <translation>Die ausgewählten Einträge einer Kategorie auf einmal genehmigen oder ablehnen</translation>
    </message>
    <message>
        <source>&amp;Filter Queue</source>
        <translation>Warteschlange &amp;filtern</translation>
    </message>
    <message>
        <source>Type to filter the queue</source>
        <translation>Tippen, um die Warteschlange zu filtern</translation>
    </message>
    <message>
        <source>&amp;Reload Queue</source>
        <translation>Warteschlange neu &amp;laden</translation>
    </message>
    <message>
        <source>Load the queue again from the server</source>
        <translation>Die Warteschlange erneut vom Server laden</translation>
    </message>
    <message>
        <source>Decision &amp;History</source>
        <translation>Entscheidungs&amp;verlauf</translation>
    </message>
    <message>
        <source>Your past decisions, with their diffs</source>
        <translation>Ihre bisherigen Entscheidungen mit ihren Diffs</translation>
    </message>
    <message>
        <source>Approval &amp;Reports</source>
        <translation>Genehmigungs&amp;berichte</translation>
    </message>
    <message>
        <source>Approval rates, queue times and recommendations</source>
        <translation>Genehmigungsquoten, Wartezeiten und Empfehlungen</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>Themes, fonts, notifications</source>
        <translation>Farbschemata, Schriften, Benachrichtigungen</translation>
    </message>
    <message>
        <source>&amp;About Countersign</source>
        <translation>&amp;Über Countersign</translation>
    </message>
    <message>
        <source>Versions and licence</source>
        <translation>Versionen und Lizenz</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>E&amp;xtras</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Show Countersign</source>
        <translation>Countersign anzeigen</translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation>● Offline</translation>
    </message>
    <message>
        <source>● Connecting…</source>
        <translation>● Verbindung wird hergestellt …</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● Online</translation>
    </message>
    <message>
        <source>● Online (polling)</source>
        <translation>● Online (Abfragemodus)</translation>
    </message>
    <message>
        <source>Queue empty</source>
        <translation>Warteschlange leer</translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n offen</numerusform>
            <numerusform>%n offen</numerusform>
        </translation>
    </message>
    <message>
        <source> · oldest %1</source>
        <translation> · ältester %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>Countersign: %n pending</source>
        <translation>
            <numerusform>Countersign: %n offen</numerusform>
            <numerusform>Countersign: %n offen</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” was %2 by %3.</source>
        <translation>„%1“ wurde von %3 entschieden: %2.</translation>
    </message>
    <message>
        <source>Batch Review</source>
        <translation>Sammelprüfung</translation>
    </message>
    <message numerus="yes">
        <source>Approve %n item(s) at once?</source>
        <translation>
            <numerusform>%n Eintrag auf einmal genehmigen?</numerusform>
            <numerusform>%n Einträge auf einmal genehmigen?</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Every key of the window at a glance</source>
        <translation>Alle Tasten des Fensters auf einen Blick</translation>
    </message>
    <message>
        <source>● Not connected</source>
        <translation>● Nicht verbunden</translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s) saved on this computer, sent in order as soon as the server answers.</source>
        <translation>
            <numerusform>%n Entscheidung auf diesem Rechner gespeichert; wird gesendet, sobald der Server antwortet.</numerusform>
            <numerusform>%n Entscheidungen auf diesem Rechner gespeichert; werden der Reihe nach gesendet, sobald der Server antwortet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Modify</source>
        <translation>Ändern</translation>
    </message>
    <message>
        <source>Keep your edits?</source>
        <translation>Ihre Änderungen behalten?</translation>
    </message>
    <message>
        <source>You changed the proposal. You can keep editing, approve it with your edits, or discard them and return to the agent&apos;s draft.</source>
        <translation>Sie haben den Vorschlag geändert. Sie können weiter bearbeiten, ihn mit Ihren Änderungen genehmigen oder die Änderungen verwerfen und zum Entwurf des Agenten zurückkehren.</translation>
    </message>
    <message>
        <source>&amp;Keep Editing</source>
        <translation>&amp;Weiter bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Approve With Edits</source>
        <translation>Mit Änderungen &amp;genehmigen</translation>
    </message>
    <message>
        <source>&amp;Discard Edits</source>
        <translation>Änderungen &amp;verwerfen</translation>
    </message>
    <message>
        <source>Deciding</source>
        <translation>Entscheiden</translation>
    </message>
    <message>
        <source>Moving around</source>
        <translation>Navigieren</translation>
    </message>
    <message>
        <source>Reading the change</source>
        <translation>Die Änderung lesen</translation>
    </message>
    <message>
        <source>Windows</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>In the filter: clear it and return to the queue</source>
        <translation>Im Filter: leeren und zur Warteschlange zurückkehren</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>In the reason box: reject with that reason</source>
        <translation>Im Begründungsfeld: mit dieser Begründung ablehnen</translation>
    </message>
    <message>
        <source>Sending your last decisions to the server…</source>
        <translation>Ihre letzten Entscheidungen werden an den Server gesendet …</translation>
    </message>
    <message>
        <source>&amp;Quit Now</source>
        <translation>&amp;Jetzt beenden</translation>
    </message>
    <message>
        <source>Quitting</source>
        <translation>Beenden</translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s) could not be sent to the server yet.</source>
        <translation>
            <numerusform>%n Entscheidung konnte noch nicht an den Server gesendet werden.</numerusform>
            <numerusform>%n Entscheidungen konnten noch nicht an den Server gesendet werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>They are saved on this computer and will be sent the next time you connect to %1.</source>
        <translation>Sie sind auf diesem Rechner gespeichert und werden gesendet, wenn Sie sich das nächste Mal mit %1 verbinden.</translation>
    </message>
    <message>
        <source>&amp;Stay</source>
        <translation>&amp;Bleiben</translation>
    </message>
    <message>
        <source>&amp;Proposed Change</source>
        <translation>&amp;Vorgeschlagene Änderung</translation>
    </message>
    <message>
        <source>Your &amp;Edits</source>
        <translation>Ihre &amp;Änderungen</translation>
    </message>
    <message>
        <source>&amp;Result</source>
        <translation>&amp;Ergebnis</translation>
    </message>
    <message>
        <source>Choose what the diff compares</source>
        <translation>Wählen, was der Vergleich gegenüberstellt</translation>
    </message>
    <message numerus="yes">
        <source>Waiting to send (%n)</source>
        <translation>
            <numerusform>Wartet auf Versand (%n)</numerusform>
            <numerusform>Warten auf Versand (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Snooze…</source>
        <translation>&amp;Zurückstellen…</translation>
    </message>
    <message>
        <source>Not now: set the current item aside until a time you choose</source>
        <translation>Nicht jetzt: den aktuellen Eintrag bis zu einer gewählten Zeit zurückstellen</translation>
    </message>
    <message>
        <source>&amp;Snooze</source>
        <translation>&amp;Zurückstellen</translation>
    </message>
    <message>
        <source>15 &amp;Minutes</source>
        <translation>15 &amp;Minuten</translation>
    </message>
    <message>
        <source>1 &amp;Hour</source>
        <translation>1 &amp;Stunde</translation>
    </message>
    <message>
        <source>&amp;Tomorrow Morning (09:00)</source>
        <translation>Morgen &amp;früh (09:00)</translation>
    </message>
    <message>
        <source>&amp;Custom…</source>
        <translation>&amp;Eigene Zeit…</translation>
    </message>
    <message>
        <source>&amp;End Snooze</source>
        <translation>Zurückstellen &amp;beenden</translation>
    </message>
    <message>
        <source>“%1” expires at %2, before that time: decide it, or choose an earlier time.</source>
        <translation>„%1“ läuft um %2 ab, vor dieser Zeit: Entscheiden Sie es oder wählen Sie eine frühere Zeit.</translation>
    </message>
    <message>
        <source>Snoozed “%1” until %2. The Snoozed filter shows it.</source>
        <translation>„%1“ bis %2 zurückgestellt. Der Filter „Zurückgestellt“ zeigt es.</translation>
    </message>
</context>
<context>
    <name>Countersign::NotificationBatcher</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weiterer</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) need your attention</source>
        <translation>
            <numerusform>%n Eintrag braucht Ihre Aufmerksamkeit</numerusform>
            <numerusform>%n Einträge brauchen Ihre Aufmerksamkeit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new item(s) to review</source>
        <translation>
            <numerusform>%n neuer Eintrag zur Prüfung</numerusform>
            <numerusform>%n neue Einträge zur Prüfung</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) escalated</source>
        <translation>
            <numerusform>%n Eintrag eskaliert</numerusform>
            <numerusform>%n Einträge eskaliert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) past the review deadline</source>
        <translation>
            <numerusform>%n Eintrag über der Prüffrist</numerusform>
            <numerusform>%n Einträge über der Prüffrist</numerusform>
        </translation>
    </message>
    <message>
        <source>New item to review</source>
        <translation>Neuer Eintrag zur Prüfung</translation>
    </message>
    <message>
        <source>Item escalated</source>
        <translation>Eintrag eskaliert</translation>
    </message>
    <message>
        <source>“%1” passed its SLA.</source>
        <translation>„%1“ hat seine SLA-Frist überschritten.</translation>
    </message>
    <message>
        <source>SLA missed</source>
        <translation>Frist überschritten</translation>
    </message>
    <message>
        <source>“%1” is past its review deadline.</source>
        <translation>„%1“ hat seine Prüffrist überschritten.</translation>
    </message>
    <message numerus="yes">
        <source>%n items are past their review deadline.</source>
        <translation>
            <numerusform>%n Eintrag hat seine Prüffrist überschritten.</numerusform>
            <numerusform>%n Einträge haben ihre Prüffrist überschritten.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Countersign::PatchFileModel</name>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>renamed</source>
        <translation>umbenannt</translation>
    </message>
    <message>
        <source>copied</source>
        <translation>kopiert</translation>
    </message>
    <message>
        <source>modified</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>binary</source>
        <translation>binär</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2, %n line(s) added</source>
        <translation>
            <numerusform>%1: %2, %n Zeile hinzugefügt</numerusform>
            <numerusform>%1: %2, %n Zeilen hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) removed</source>
        <translation>
            <numerusform>%n Zeile entfernt</numerusform>
            <numerusform>%n Zeilen entfernt</numerusform>
        </translation>
    </message>
    <message>
        <source>You edited this file.</source>
        <translation>Sie haben diese Datei bearbeitet.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Zeilen</translation>
    </message>
</context>
<context>
    <name>Countersign::PatchView</name>
    <message>
        <source>Filter files by path</source>
        <translation>Dateien nach Pfad filtern</translation>
    </message>
    <message>
        <source>Next File</source>
        <translation>Nächste Datei</translation>
    </message>
    <message>
        <source>Previous File</source>
        <translation>Vorherige Datei</translation>
    </message>
    <message>
        <source>%1 is a binary file: the patch carries no text to show.</source>
        <translation>%1 ist eine Binärdatei: Der Patch enthält keinen Text zum Anzeigen.</translation>
    </message>
    <message>
        <source>%1 is %2 without changes to its lines.</source>
        <translation>%1 ist %2, ohne Änderungen an den Zeilen.</translation>
    </message>
    <message>
        <source>The hunks of %1 lie too far apart to be shown here.</source>
        <translation>Die Abschnitte von %1 liegen zu weit auseinander, um hier angezeigt zu werden.</translation>
    </message>
    <message>
        <source>This file cannot be edited (removed, binary, or too long); its change stays as proposed.</source>
        <translation>Diese Datei kann nicht bearbeitet werden (entfernt, binär oder zu lang); ihre Änderung bleibt wie vorgeschlagen.</translation>
    </message>
    <message>
        <source>Your edit cannot be sent as a patch: %1. Undo it, or edit only the lines the patch shows.</source>
        <translation>Ihre Bearbeitung kann nicht als Patch gesendet werden: %1. Machen Sie sie rückgängig oder bearbeiten Sie nur die Zeilen, die der Patch zeigt.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n Datei</numerusform>
            <numerusform>%n Dateien</numerusform>
        </translation>
    </message>
    <message>
        <source>AI draft: %1</source>
        <translation>KI-Entwurf: %1</translation>
    </message>
    <message>
        <source>Your version: %1</source>
        <translation>Ihre Fassung: %1</translation>
    </message>
</context>
<context>
    <name>Countersign::ProfileStore</name>
    <message>
        <source>Give the profile a name.</source>
        <translation>Geben Sie dem Profil einen Namen.</translation>
    </message>
    <message>
        <source>The name is too long (at most %1 characters).</source>
        <translation>Der Name ist zu lang (höchstens %1 Zeichen).</translation>
    </message>
    <message>
        <source>The name contains a control character.</source>
        <translation>Der Name enthält ein Steuerzeichen.</translation>
    </message>
    <message>
        <source>A profile named “%1” already exists.</source>
        <translation>Es gibt bereits ein Profil namens „%1“.</translation>
    </message>
    <message>
        <source>There is no profile named “%1”.</source>
        <translation>Es gibt kein Profil namens „%1“.</translation>
    </message>
</context>
<context>
    <name>Countersign::ProposalDialog</name>
    <message>
        <source>Auto-approve</source>
        <translation>Automatisch freigeben</translation>
    </message>
    <message>
        <source>Review required</source>
        <translation>Prüfung erforderlich</translation>
    </message>
    <message>
        <source>Prohibited</source>
        <translation>Verboten</translation>
    </message>
    <message>
        <source>Draft Policy Change</source>
        <translation>Richtlinienänderung entwerfen</translation>
    </message>
    <message>
        <source>Proposed tiers</source>
        <translation>Vorgeschlagene Stufen</translation>
    </message>
    <message>
        <source>Note for the administrator:</source>
        <translation>Notiz für die Administration:</translation>
    </message>
    <message>
        <source>Why this change, and anything to check before applying it</source>
        <translation>Warum diese Änderung, und was vor dem Anwenden zu prüfen ist</translation>
    </message>
    <message>
        <source>Send Proposal</source>
        <translation>Vorschlag senden</translation>
    </message>
    <message>
        <source>What if</source>
        <translation>Was wäre, wenn</translation>
    </message>
    <message>
        <source>(keep the default)</source>
        <translation>(Standard beibehalten)</translation>
    </message>
    <message>
        <source>The agents sent no category the policy knows for this type.</source>
        <translation>Die Agenten haben für diesen Typ keine Kategorie gesendet, die die Richtlinie kennt.</translation>
    </message>
    <message>
        <source>Prefilled from the category the agents sent with these actions.</source>
        <translation>Vorausgefüllt mit der Kategorie, die die Agenten mit diesen Aktionen gesendet haben.</translation>
    </message>
    <message>
        <source>Category of %1</source>
        <translation>Kategorie von %1</translation>
    </message>
    <message>
        <source>The agents suggested the category “%1”, which the policy does not have. A proposal can only choose an existing category: pick one, or leave the default and ask an administrator to add “%1” first.</source>
        <translation>Die Agenten haben die Kategorie „%1“ vorgeschlagen, die die Richtlinie nicht kennt. Ein Vorschlag kann nur eine vorhandene Kategorie wählen: Wählen Sie eine aus, oder behalten Sie die Vorgabe und bitten Sie einen Administrator, „%1“ zuerst anzulegen.</translation>
    </message>
    <message>
        <source>The agents sent %1 with the category hint “%2”, which the policy does not have.</source>
        <translation>Die Agenten haben %1 mit dem Kategoriehinweis „%2“ gesendet, den die Richtlinie nicht kennt.</translation>
    </message>
</context>
<context>
    <name>Countersign::ProposalListModel</name>
    <message>
        <source>Auto-approve</source>
        <translation>Automatisch genehmigen</translation>
    </message>
    <message>
        <source>Review required</source>
        <translation>Prüfung erforderlich</translation>
    </message>
    <message>
        <source>Prohibited</source>
        <translation>Verboten</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Angewendet</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1 → %2 (in %3)</source>
        <translation>%1 → %2 (in %3)</translation>
    </message>
    <message>
        <source>Rejected by %1: %2</source>
        <translation>Abgelehnt von %1: %2</translation>
    </message>
    <message>
        <source>Applied by %1 as policy version %2</source>
        <translation>Angewendet von %1 als Richtlinienversion %2</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Vorschlag</translation>
    </message>
    <message>
        <source>Drafted by</source>
        <translation>Entworfen von</translation>
    </message>
    <message>
        <source>Drafted</source>
        <translation>Entworfen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
</context>
<context>
    <name>Countersign::ProposalsPanel</name>
    <message>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>&amp;Apply…</source>
        <translation>&amp;Anwenden …</translation>
    </message>
    <message>
        <source>Re&amp;ject…</source>
        <translation>Ab&amp;lehnen …</translation>
    </message>
    <message>
        <source>Make this proposal the policy in force, after a last look at what it would have done</source>
        <translation>Diesen Vorschlag zur geltenden Richtlinie machen, nach einem letzten Blick darauf, was er bewirkt hätte</translation>
    </message>
    <message>
        <source>Select a pending proposal to see what it would have done to the last 90 days.</source>
        <translation>Wählen Sie einen offenen Vorschlag, um zu sehen, was er mit den letzten 90 Tagen gemacht hätte.</translation>
    </message>
    <message>
        <source>Proposals are for team leads and administrators: this token has neither role.</source>
        <translation>Vorschläge sind für Teamleitungen und Administratoren: Dieses Token hat keine der beiden Rollen.</translation>
    </message>
    <message>
        <source>The proposals could not be loaded: %1</source>
        <translation>Die Vorschläge konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>No proposals yet: draft one from a recommendation on the Recommendations tab.</source>
        <translation>Noch keine Vorschläge: Entwerfen Sie einen aus einer Empfehlung im Reiter Empfehlungen.</translation>
    </message>
    <message>
        <source>Proposal %1 by %2: %3</source>
        <translation>Vorschlag %1 von %2: %3</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Notiz: %1</translation>
    </message>
    <message>
        <source>Applied by %1 on %2 as policy version %3.</source>
        <translation>Angewendet von %1 am %2 als Richtlinienversion %3.</translation>
    </message>
    <message>
        <source>Rejected by %1 on %2: %3</source>
        <translation>Abgelehnt von %1 am %2: %3</translation>
    </message>
    <message>
        <source>Reject Policy Proposal</source>
        <translation>Richtlinienvorschlag ablehnen</translation>
    </message>
    <message>
        <source>Why is %1 rejected? The lead who drafted it reads this.</source>
        <translation>Warum wird %1 abgelehnt? Die Teamleitung, die ihn entworfen hat, liest dies.</translation>
    </message>
    <message>
        <source>Reject Proposal</source>
        <translation>Vorschlag ablehnen</translation>
    </message>
    <message>
        <source>A rejection needs a reason; the proposal stays pending.</source>
        <translation>Eine Ablehnung braucht eine Begründung; der Vorschlag bleibt offen.</translation>
    </message>
    <message>
        <source>The proposal was not applied: %1</source>
        <translation>Der Vorschlag wurde nicht angewendet: %1</translation>
    </message>
    <message>
        <source>Proposal applied: policy version %1 is in force.</source>
        <translation>Vorschlag angewendet: Richtlinienversion %1 gilt.</translation>
    </message>
    <message>
        <source>The proposal was not rejected: %1</source>
        <translation>Der Vorschlag wurde nicht abgelehnt: %1</translation>
    </message>
    <message>
        <source>Proposal rejected.</source>
        <translation>Vorschlag abgelehnt.</translation>
    </message>
</context>
<context>
    <name>Countersign::QuarterlyExport</name>
    <message>
        <source>must be a year and a quarter such as 2026Q4, not &quot;%1&quot;</source>
        <translation>muss ein Jahr mit Quartal wie 2026Q4 sein, nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>must be pdf or csv, not &quot;%1&quot;</source>
        <translation>muss pdf oder csv sein, nicht &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>Countersign::QuarterlyReviewPanel</name>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Als &amp;PDF exportieren …</translation>
    </message>
    <message>
        <source>Export C&amp;SV…</source>
        <translation>Als C&amp;SV exportieren …</translation>
    </message>
    <message>
        <source>Q%1</source>
        <translation>Q%1</translation>
    </message>
    <message>
        <source>&amp;Quarter:</source>
        <translation>&amp;Quartal:</translation>
    </message>
    <message>
        <source>Choose a quarter and press Generate: the review answers which action types to move to auto-approve, which to tighten, which new types appeared, how queue times and SLA breaches evolved, and how the reviewers&apos; load was spread.</source>
        <translation>Wählen Sie ein Quartal und klicken Sie auf Erstellen: Der Bericht beantwortet, welche Aktionstypen automatisch freigegeben werden können, welche strenger werden sollten, welche neuen Typen auftauchten, wie sich Wartezeiten und SLA-Verstöße entwickelten und wie die Last unter den Prüfern verteilt war.</translation>
    </message>
    <message>
        <source>Collecting the quarter&apos;s figures…</source>
        <translation>Zahlen des Quartals werden gesammelt …</translation>
    </message>
    <message>
        <source>The review could not be generated: %1</source>
        <translation>Der Bericht konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Export Quarterly Review</source>
        <translation>Quartalsbericht exportieren</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
</context>
<context>
    <name>Countersign::QueueColumns</name>
    <message>
        <source>&amp;Columns</source>
        <translation>&amp;Spalten</translation>
    </message>
    <message>
        <source>&amp;Reset Columns</source>
        <translation>Spalten &amp;zurücksetzen</translation>
    </message>
</context>
<context>
    <name>Countersign::QueueGroupModel</name>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s). Press Enter or use the context menu to review the group at once.</source>
        <translation>
            <numerusform>%n Eintrag. Mit Eingabe oder über das Kontextmenü die ganze Gruppe auf einmal prüfen.</numerusform>
            <numerusform>%n Einträge. Mit Eingabe oder über das Kontextmenü die ganze Gruppe auf einmal prüfen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Countersign::QueueModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 Sek.</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 Std. %2 Min.</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 Tg. %2 Std.</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Eskaliert</translation>
    </message>
    <message>
        <source>SLA due %1</source>
        <translation>SLA fällig am %1</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <source>Claimed by</source>
        <translation>Übernommen von</translation>
    </message>
    <message>
        <source>in %1</source>
        <comment>SLA due</comment>
        <translation>in %1</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <comment>SLA due</comment>
        <translation>%1 überfällig</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>%1 (snoozed until %2)</source>
        <translation>%1 (zurückgestellt bis %2)</translation>
    </message>
    <message>
        <source>%1 (snoozed by %2 until %3)</source>
        <translation>%1 (von %2 zurückgestellt bis %3)</translation>
    </message>
</context>
<context>
    <name>Countersign::QueuePanel</name>
    <message>
        <source>Filter by title, type, agent…</source>
        <translation>Nach Titel, Typ, Agent filtern …</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Action type</source>
        <translation>Aktionstyp</translation>
    </message>
    <message>
        <source>&amp;Mine</source>
        <translation>&amp;Meine</translation>
    </message>
    <message>
        <source>Only items claimed by or assigned to me</source>
        <translation>Nur Einträge, die ich übernommen habe oder die mir zugewiesen sind</translation>
    </message>
    <message>
        <source>&amp;Escalated</source>
        <translation>&amp;Eskaliert</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Alle Kategorien</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Alle Typen</translation>
    </message>
    <message>
        <source>Show the items that arrived since you last looked</source>
        <translation>Die Einträge zeigen, die seit Ihrem letzten Blick eingetroffen sind</translation>
    </message>
    <message>
        <source>&amp;No Grouping</source>
        <translation>&amp;Keine Gruppierung</translation>
    </message>
    <message>
        <source>Group by &amp;Category</source>
        <translation>Nach Kate&amp;gorie gruppieren</translation>
    </message>
    <message>
        <source>Group by &amp;Type</source>
        <translation>Nach &amp;Typ gruppieren</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Ansicht</translation>
    </message>
    <message>
        <source>Grouping and columns</source>
        <translation>Gruppierung und Spalten</translation>
    </message>
    <message>
        <source>&amp;Review Group…</source>
        <translation>Gruppe &amp;prüfen …</translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n neu</numerusform>
            <numerusform>%n neu</numerusform>
        </translation>
    </message>
    <message>
        <source>S&amp;noozed</source>
        <translation>&amp;Zurückgestellt</translation>
    </message>
    <message>
        <source>Only the items I snoozed, with the time each comes back</source>
        <translation>Nur die Einträge, die ich zurückgestellt habe, mit der Zeit, zu der sie zurückkommen</translation>
    </message>
</context>
<context>
    <name>Countersign::RecommendationModel</name>
    <message>
        <source>Move to auto-approve</source>
        <translation>Automatisch freigeben</translation>
    </message>
    <message>
        <source>Tighten</source>
        <translation>Verschärfen</translation>
    </message>
    <message>
        <source>Unassigned type</source>
        <translation>Nicht zugeordneter Typ</translation>
    </message>
    <message>
        <source>Bottleneck</source>
        <translation>Engpass</translation>
    </message>
    <message>
        <source>reviewer %1</source>
        <translation>Prüfer %1</translation>
    </message>
    <message>
        <source>category %1</source>
        <translation>Kategorie %1</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Empfehlung</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Betrifft</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
</context>
<context>
    <name>Countersign::RecommendationsPanel</name>
    <message>
        <source>&amp;Draft Policy Change…</source>
        <translation>Richtlinienänderung &amp;entwerfen …</translation>
    </message>
    <message>
        <source>Propose this change to the policy; an administrator applies it</source>
        <translation>Diese Änderung der Richtlinie vorschlagen; die Administration wendet sie an</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
</context>
<context>
    <name>Countersign::ReportTableModel</name>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Prüfer</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Week of</source>
        <translation>Woche ab</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Eingereicht</translation>
    </message>
    <message>
        <source>Auto-approved</source>
        <translation>Automatisch freigegeben</translation>
    </message>
    <message>
        <source>Prohibited</source>
        <translation>Verboten</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Zurückgezogen</translation>
    </message>
    <message>
        <source>Approval rate</source>
        <translation>Freigabequote</translation>
    </message>
    <message>
        <source>Modification rate</source>
        <translation>Änderungsquote</translation>
    </message>
    <message>
        <source>Rejection rate</source>
        <translation>Ablehnungsquote</translation>
    </message>
    <message>
        <source>Queue time (median)</source>
        <translation>Wartezeit (Median)</translation>
    </message>
    <message>
        <source>Queue time (p95)</source>
        <translation>Wartezeit (p95)</translation>
    </message>
    <message>
        <source>Time to decide (median)</source>
        <translation>Zeit bis zur Entscheidung (Median)</translation>
    </message>
    <message>
        <source>SLA breaches</source>
        <translation>SLA-Verstöße</translation>
    </message>
    <message>
        <source>Escalations</source>
        <translation>Eskalationen</translation>
    </message>
    <message>
        <source>Previous period: %1</source>
        <translation>Vorheriger Zeitraum: %1</translation>
    </message>
</context>
<context>
    <name>Countersign::ReportWindow</name>
    <message>
        <source>Approval Reports</source>
        <translation>Freigabeberichte</translation>
    </message>
    <message>
        <source>No recommendation for this period: no type met the bar for auto-approval and none needs tightening.</source>
        <translation>Keine Empfehlung für diesen Zeitraum: Kein Typ erreicht die Schwelle für automatische Freigabe, und keiner muss verschärft werden.</translation>
    </message>
    <message>
        <source>Every action type seen in this period is named in the policy.</source>
        <translation>Jeder Aktionstyp dieses Zeitraums ist in der Richtlinie benannt.</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>Ü&amp;bersicht</translation>
    </message>
    <message>
        <source>&amp;Table</source>
        <translation>&amp;Tabelle</translation>
    </message>
    <message>
        <source>&amp;Recommendations</source>
        <translation>&amp;Empfehlungen</translation>
    </message>
    <message>
        <source>&amp;Unassigned Types</source>
        <translation>&amp;Nicht zugeordnete Typen</translation>
    </message>
    <message>
        <source>&amp;Bottlenecks</source>
        <translation>En&amp;gpässe</translation>
    </message>
    <message>
        <source>&amp;Quarterly Review</source>
        <translation>&amp;Quartalsbericht</translation>
    </message>
    <message>
        <source>Loading reports…</source>
        <translation>Berichte werden geladen …</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>Dieses Quartal</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>Letztes Quartal</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>  &amp;Group table by:</source>
        <translation>  Tabelle &amp;gruppieren nach:</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>&amp;Bericht</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Export Table…</source>
        <translation>Tabelle e&amp;xportieren …</translation>
    </message>
    <message>
        <source>&amp;Quarterly Review…</source>
        <translation>&amp;Quartalsbericht …</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>The period starts after it ends: pick a start date on or before the end date.</source>
        <translation>Der Zeitraum beginnt nach seinem Ende: Wählen Sie ein Anfangsdatum am oder vor dem Enddatum.</translation>
    </message>
    <message>
        <source>No actions were submitted or decided in this period.</source>
        <translation>In diesem Zeitraum wurden keine Aktionen eingereicht oder entschieden.</translation>
    </message>
    <message>
        <source>&amp;Unassigned Types (%1)</source>
        <translation>&amp;Nicht zugeordnete Typen (%1)</translation>
    </message>
    <message>
        <source>Reports are for team leads: this connection&apos;s token has no lead role. Connect with a lead&apos;s or an administrator&apos;s token to see them.</source>
        <translation>Berichte sind für Teamleitungen: Das Token dieser Verbindung hat keine Leitungsrolle. Verbinden Sie sich mit dem Token einer Leitung oder der Administration, um sie zu sehen.</translation>
    </message>
    <message>
        <source>The reports could not be loaded: %1</source>
        <translation>Die Berichte konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Proposal Not Sent</source>
        <translation>Vorschlag nicht gesendet</translation>
    </message>
    <message>
        <source>Proposal %1 sent: an administrator reviews and applies it.</source>
        <translation>Vorschlag %1 gesendet: Die Administration prüft ihn und wendet ihn an.</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Export Report Table</source>
        <translation>Berichtstabelle exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Submitted: %1 · Reviewed: %2 · Recommendations: %3</source>
        <translation>Eingereicht: %1 · Geprüft: %2 · Empfehlungen: %3</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>No report to show.</source>
        <translation>Kein Bericht anzuzeigen.</translation>
    </message>
    <message>
        <source>Propo&amp;sals</source>
        <translation>&amp;Vorschläge</translation>
    </message>
    <message>
        <source>Re&amp;viewers</source>
        <translation>&amp;Prüfer</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
</context>
<context>
    <name>Countersign::ReviewPane</name>
    <message>
        <source>Auto-approve</source>
        <translation>Automatisch genehmigen</translation>
    </message>
    <message>
        <source>Review required</source>
        <translation>Prüfung erforderlich</translation>
    </message>
    <message>
        <source>Prohibited</source>
        <translation>Verboten</translation>
    </message>
    <message>
        <source>Select an item in the queue to review it.</source>
        <translation>Wählen Sie einen Eintrag in der Warteschlange aus, um ihn zu prüfen.</translation>
    </message>
    <message>
        <source>AI reasoning</source>
        <translation>Begründung der KI</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>Confidence:</source>
        <translation>Konfidenz:</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Genehmigen</translation>
    </message>
    <message>
        <source>Approve the action as proposed (Ctrl+Return)</source>
        <translation>Die Aktion wie vorgeschlagen genehmigen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Modify…</source>
        <translation>Ändern …</translation>
    </message>
    <message>
        <source>Edit the proposal, then approve it with your edit (Ctrl+E)</source>
        <translation>Den Vorschlag bearbeiten und dann mit Ihren Änderungen genehmigen (Strg+E)</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Reject the action; the reason goes back to the agent (Ctrl+Backspace)</source>
        <translation>Die Aktion ablehnen; die Begründung geht an den Agenten zurück (Strg+Rücktaste)</translation>
    </message>
    <message>
        <source>Reason for rejecting (sent to the agent)</source>
        <translation>Begründung der Ablehnung (wird an den Agenten gesendet)</translation>
    </message>
    <message>
        <source>%1 · %2 · from %3 · %4</source>
        <translation>%1 · %2 · von %3 · %4</translation>
    </message>
    <message>
        <source> (unassigned type)</source>
        <translation> (nicht zugeordneter Typ)</translation>
    </message>
    <message>
        <source>AI draft</source>
        <translation>KI-Entwurf</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>Ihre Fassung</translation>
    </message>
    <message>
        <source>*The agent gave no reasoning.*</source>
        <translation>*Der Agent hat keine Begründung angegeben.*</translation>
    </message>
    <message>
        <source>Not claimed</source>
        <translation>Nicht übernommen</translation>
    </message>
    <message>
        <source>Claimed by you</source>
        <translation>Von Ihnen übernommen</translation>
    </message>
    <message>
        <source>Claimed by %1</source>
        <translation>Übernommen von %1</translation>
    </message>
    <message>
        <source>SLA: due in %1</source>
        <translation>SLA: fällig in %1</translation>
    </message>
    <message>
        <source>SLA: overdue by %1</source>
        <translation>SLA: seit %1 überfällig</translation>
    </message>
    <message>
        <source> · escalated</source>
        <translation> · eskaliert</translation>
    </message>
    <message>
        <source>Approve with edits</source>
        <translation>Mit Änderungen genehmigen</translation>
    </message>
    <message>
        <source>Cancel edit</source>
        <translation>Bearbeitung abbrechen</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n s — %2 to undo</source>
        <translation>
            <numerusform>%1 in %n s – %2 zum Rückgängigmachen</numerusform>
            <numerusform>%1 in %n s – %2 zum Rückgängigmachen</numerusform>
        </translation>
    </message>
    <message>
        <source>Your decision on this item is saved and waiting to be sent to the server.</source>
        <translation>Ihre Entscheidung zu diesem Eintrag ist gespeichert und wartet auf den Versand an den Server.</translation>
    </message>
    <message>
        <source>Approve with edits — sent when back</source>
        <translation>Mit Änderungen genehmigen – Versand, sobald erreichbar</translation>
    </message>
    <message>
        <source>Approve — sent when back</source>
        <translation>Genehmigen – Versand, sobald erreichbar</translation>
    </message>
    <message>
        <source>Reject — sent when back</source>
        <translation>Ablehnen – Versand, sobald erreichbar</translation>
    </message>
    <message>
        <source>Your unfinished edit of this item was kept. Approve it with Ctrl+Return, or press Ctrl+E to discard it.</source>
        <translation>Ihre unfertige Bearbeitung dieses Eintrags wurde aufbewahrt. Genehmigen Sie sie mit Strg+Eingabe, oder verwerfen Sie sie mit Strg+E.</translation>
    </message>
    <message>
        <source>&amp;1 Proposed change</source>
        <translation>&amp;1 Vorgeschlagene Änderung</translation>
    </message>
    <message>
        <source>What the agent wants to change: the original on the left, its draft on the right</source>
        <translation>Was der Agent ändern will: links das Original, rechts sein Entwurf</translation>
    </message>
    <message>
        <source>&amp;2 Your edits</source>
        <translation>&amp;2 Ihre Änderungen</translation>
    </message>
    <message>
        <source>Your changes to the agent&apos;s draft; Modify edits here</source>
        <translation>Ihre Änderungen am Entwurf des Agenten; hier wird bearbeitet</translation>
    </message>
    <message>
        <source>&amp;3 Result</source>
        <translation>&amp;3 Ergebnis</translation>
    </message>
    <message>
        <source>What approving now does: the original on the left, your version on the right</source>
        <translation>Was eine Genehmigung jetzt bewirkt: links das Original, rechts Ihre Fassung</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>This patch could not be read (%1), so it is shown as text.</source>
        <translation>Dieser Patch konnte nicht gelesen werden (%1) und wird deshalb als Text angezeigt.</translation>
    </message>
    <message>
        <source>JSON keys</source>
        <translation>JSON-Schlüssel</translation>
    </message>
    <message>
        <source>The keys that differ, whatever their order, and your version&apos;s values to edit</source>
        <translation>Die Schlüssel, die sich unterscheiden, gleich in welcher Reihenfolge, und die Werte Ihrer Fassung zum Bearbeiten</translation>
    </message>
</context>
<context>
    <name>Countersign::ReviewSession</name>
    <message>
        <source>Cannot connect to %1</source>
        <translation>Keine Verbindung zu %1</translation>
    </message>
    <message>
        <source>Cannot load the queue</source>
        <translation>Die Warteschlange kann nicht geladen werden</translation>
    </message>
    <message>
        <source>Cannot open this item</source>
        <translation>Dieser Eintrag kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Nothing to decide</source>
        <translation>Nichts zu entscheiden</translation>
    </message>
    <message>
        <source>The item is no longer in the queue.</source>
        <translation>Der Eintrag ist nicht mehr in der Warteschlange.</translation>
    </message>
    <message>
        <source>Prohibited action</source>
        <translation>Verbotene Aktion</translation>
    </message>
    <message>
        <source>The policy prohibits this action; it can never be approved. %1</source>
        <translation>Die Richtlinie verbietet diese Aktion; sie kann nie genehmigt werden. %1</translation>
    </message>
    <message>
        <source>Already decided</source>
        <translation>Bereits entschieden</translation>
    </message>
    <message>
        <source>Your decision on “%1” is already waiting to be sent.</source>
        <translation>Ihre Entscheidung zu „%1“ wartet bereits auf den Versand.</translation>
    </message>
    <message>
        <source>The decision was not made</source>
        <translation>Die Entscheidung wurde nicht getroffen</translation>
    </message>
    <message>
        <source>Approving “%1”</source>
        <translation>„%1“ wird genehmigt</translation>
    </message>
    <message>
        <source>Approving “%1” with your edits</source>
        <translation>„%1“ wird mit Ihren Änderungen genehmigt</translation>
    </message>
    <message>
        <source>Rejecting “%1”</source>
        <translation>„%1“ wird abgelehnt</translation>
    </message>
    <message>
        <source>The decision could not be taken back</source>
        <translation>Die Entscheidung konnte nicht zurückgenommen werden</translation>
    </message>
    <message>
        <source>The server no longer accepts your token</source>
        <translation>Der Server akzeptiert Ihr Token nicht mehr</translation>
    </message>
    <message>
        <source>Your decisions are kept and sent once you connect again. %1</source>
        <translation>Ihre Entscheidungen werden aufbewahrt und gesendet, sobald Sie sich wieder verbinden. %1</translation>
    </message>
    <message>
        <source>The decision history could not be written</source>
        <translation>Der Entscheidungsverlauf konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>The batch was not decided</source>
        <translation>Der Stapel wurde nicht entschieden</translation>
    </message>
    <message>
        <source>The server cannot be reached. Batch decisions need it; decide items one by one to have them sent later.</source>
        <translation>Der Server ist nicht erreichbar. Stapelentscheidungen brauchen ihn; entscheiden Sie Einträge einzeln, damit sie später gesendet werden.</translation>
    </message>
    <message>
        <source>Your edit could not be kept</source>
        <translation>Ihre Bearbeitung konnte nicht aufbewahrt werden</translation>
    </message>
    <message>
        <source>Connect again with a valid token. Your saved decisions are kept and sent then. (%1)</source>
        <translation>Verbinden Sie sich erneut mit einem gültigen Token. Ihre gespeicherten Entscheidungen bleiben erhalten und werden dann gesendet. (%1)</translation>
    </message>
    <message>
        <source>Cannot snooze this item</source>
        <translation>Dieser Eintrag kann nicht zurückgestellt werden</translation>
    </message>
    <message>
        <source>Cannot end the snooze</source>
        <translation>Das Zurückstellen kann nicht beendet werden</translation>
    </message>
</context>
<context>
    <name>Countersign::ReviewerTableModel</name>
    <message>
        <source>Reviewer</source>
        <translation>Prüfer</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Entscheidungen</translation>
    </message>
    <message>
        <source>Share of load</source>
        <translation>Anteil an der Last</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Genehmigt</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Median time to decide</source>
        <translation>Zeit bis zur Entscheidung (Median)</translation>
    </message>
    <message>
        <source>Spot-checked</source>
        <translation>Stichprobe geprüft</translation>
    </message>
    <message>
        <source>Found problems</source>
        <translation>Gefundene Probleme</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Übereinstimmung</translation>
    </message>
    <message>
        <source>Found wrong</source>
        <translation>Als falsch befunden</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n checked approvals found wrong</source>
        <translation>
            <numerusform>%1 von %n geprüften Genehmigung als falsch befunden</numerusform>
            <numerusform>%1 von %n geprüften Genehmigungen als falsch befunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of their approvals sampled for a spot check</source>
        <translation>
            <numerusform>%n eigene Genehmigung für eine Stichprobe gezogen</numerusform>
            <numerusform>%n eigene Genehmigungen für eine Stichprobe gezogen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Countersign::ReviewersPanel</name>
    <message>
        <source>The reviewers report could not be loaded: %1</source>
        <translation>Der Prüferbericht konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>No reviewer decided anything in this period.</source>
        <translation>In diesem Zeitraum hat kein Prüfer etwas entschieden.</translation>
    </message>
    <message numerus="yes">
        <source>Your own figures; the share is of all %n reviewer decisions in this period.</source>
        <translation>
            <numerusform>Ihre eigenen Zahlen; der Anteil bezieht sich auf %n Prüferentscheidung in diesem Zeitraum.</numerusform>
            <numerusform>Ihre eigenen Zahlen; der Anteil bezieht sich auf alle %n Prüferentscheidungen in diesem Zeitraum.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Countersign::SessionBanner</name>
    <message>
        <source>&amp;Retry Now</source>
        <translation>&amp;Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>Show in &amp;History</source>
        <translation>Im &amp;Verlauf zeigen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>The server at %1 cannot be reached (since %2).</source>
        <translation>Der Server %1 ist nicht erreichbar (seit %2).</translation>
    </message>
    <message numerus="yes">
        <source>Trying again in %n s.</source>
        <translation>
            <numerusform>Neuer Versuch in %n s.</numerusform>
            <numerusform>Neuer Versuch in %n s.</numerusform>
        </translation>
    </message>
    <message>
        <source>Trying again now…</source>
        <translation>Neuer Versuch läuft …</translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s) will be sent when it is back.</source>
        <translation>
            <numerusform>%n Entscheidung wird gesendet, sobald er wieder erreichbar ist.</numerusform>
            <numerusform>%n Entscheidungen werden gesendet, sobald er wieder erreichbar ist.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your decisions are kept and sent when it is back.</source>
        <translation>Ihre Entscheidungen werden aufbewahrt und gesendet, sobald er wieder erreichbar ist.</translation>
    </message>
    <message>
        <source>The server did not accept your decision on “%1”: %2</source>
        <translation>Der Server hat Ihre Entscheidung zu „%1“ nicht angenommen: %2</translation>
    </message>
    <message numerus="yes">
        <source>The server did not accept %n of your decisions. The latest, on “%1”: %2</source>
        <translation>
            <numerusform>Der Server hat %n Ihrer Entscheidungen nicht angenommen. Die letzte, zu „%1“: %2</numerusform>
            <numerusform>Der Server hat %n Ihrer Entscheidungen nicht angenommen. Die letzte, zu „%1“: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Countersign::SettingsDialog</name>
    <message>
        <source>Configure Countersign</source>
        <translation>Countersign einrichten</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Erscheinungsbild</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Automatic (from the colour scheme)</source>
        <translation>Automatisch (passend zum Farbschema)</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <source>&amp;Syntax highlighting:</source>
        <translation>&amp;Syntaxhervorhebung:</translation>
    </message>
    <message>
        <source>&amp;Diff font:</source>
        <translation>Schrift für &amp;Diffs:</translation>
    </message>
    <message>
        <source>Reviewing</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>No undo</source>
        <translation>Kein Rückgängigmachen</translation>
    </message>
    <message>
        <source>How long a decision can be taken back before it is sent to the server.</source>
        <translation>Wie lange sich eine Entscheidung zurücknehmen lässt, bevor sie an den Server gesendet wird.</translation>
    </message>
    <message>
        <source>Ask before approving several items at &amp;once</source>
        <translation>Vor dem Genehmigen mehrerer Einträge &amp;bestätigen lassen</translation>
    </message>
    <message>
        <source>&amp;Undo window:</source>
        <translation>Zeit zum &amp;Rückgängigmachen:</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>&amp;Review deadlines (SLA) missed</source>
        <translation>Versäumte &amp;Prüffristen (SLA)</translation>
    </message>
    <message>
        <source>&amp;Escalations</source>
        <translation>&amp;Eskalationen</translation>
    </message>
    <message>
        <source>My &amp;categories (none checked: all of them):</source>
        <translation>Meine &amp;Kategorien (keine angehakt: alle):</translation>
    </message>
    <message>
        <source>Another category</source>
        <translation>Weitere Kategorie</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;New items</source>
        <translation>&amp;Neue Einträge</translation>
    </message>
    <message>
        <source>All items</source>
        <translation>Alle Einträge</translation>
    </message>
    <message>
        <source>Escalated items only</source>
        <translation>Nur eskalierte Einträge</translation>
    </message>
    <message>
        <source>Items in my categories</source>
        <translation>Einträge in meinen Kategorien</translation>
    </message>
    <message>
        <source>Notify &amp;for:</source>
        <translation>Benachrichtigen &amp;für:</translation>
    </message>
</context>
<context>
    <name>Countersign::ShortcutsDialog</name>
    <message>
        <source>In text fields</source>
        <translation>In Textfeldern</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
</context>
<context>
    <name>Countersign::SimulationTableModel</name>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Of the actions the proposal would auto-approve: how many a reviewer in fact rejected or edited</source>
        <translation>Von den Aktionen, die der Vorschlag automatisch genehmigen würde: wie viele ein Prüfer tatsächlich abgelehnt oder bearbeitet hat</translation>
    </message>
    <message>
        <source>Actions newly sent to review × the median decide time of their category in the window</source>
        <translation>Neu zur Prüfung geschickte Aktionen × mittlere Entscheidungszeit ihrer Kategorie im Zeitraum</translation>
    </message>
    <message>
        <source>Of the actions the proposal would prohibit: how many were in fact approved</source>
        <translation>Von den Aktionen, die der Vorschlag verbieten würde: wie viele tatsächlich genehmigt wurden</translation>
    </message>
    <message>
        <source>Auto-approvals a spot check found a problem with, which the proposal keeps automatic</source>
        <translation>Automatische Genehmigungen mit einem Problem aus der Stichprobe, die der Vorschlag automatisch lässt</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>Verschoben</translation>
    </message>
    <message>
        <source>To auto</source>
        <translation>Zu automatisch</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Bearbeitet</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>Zur Prüfung</translation>
    </message>
    <message>
        <source>Reviewer hours</source>
        <translation>Prüferstunden</translation>
    </message>
    <message>
        <source>To prohibited</source>
        <translation>Zu verboten</translation>
    </message>
    <message>
        <source>Were approved</source>
        <translation>Waren genehmigt</translation>
    </message>
    <message>
        <source>Problems kept auto</source>
        <translation>Probleme bleiben automatisch</translation>
    </message>
</context>
<context>
    <name>Countersign::SnoozeDialog</name>
    <message>
        <source>Snooze Until</source>
        <translation>Zurückstellen bis</translation>
    </message>
    <message>
        <source>Set “%1” aside until:</source>
        <translation>„%1“ zurückstellen bis:</translation>
    </message>
    <message>
        <source>At the latest %1, when it expires. Its SLA keeps running meanwhile.</source>
        <translation>Spätestens %1, wenn es abläuft. Die SLA läuft währenddessen weiter.</translation>
    </message>
    <message>
        <source>At most 7 days. Its SLA keeps running meanwhile.</source>
        <translation>Höchstens 7 Tage. Die SLA läuft währenddessen weiter.</translation>
    </message>
</context>
<context>
    <name>Countersign::TokenStore</name>
    <message>
        <source>Access to the keychain was denied.</source>
        <translation>Der Zugriff auf den Schlüsselbund wurde verweigert.</translation>
    </message>
    <message>
        <source>The keychain refused access: %1</source>
        <translation>Der Schlüsselbund hat den Zugriff verweigert: %1</translation>
    </message>
    <message>
        <source>No keychain service is available: %1</source>
        <translation>Es ist kein Schlüsselbund-Dienst verfügbar: %1</translation>
    </message>
    <message>
        <source>The keychain reported an error: %1</source>
        <translation>Der Schlüsselbund hat einen Fehler gemeldet: %1</translation>
    </message>
    <message>
        <source>This build of Countersign has no keychain support.</source>
        <translation>Dieser Build von Countersign unterstützt keinen Schlüsselbund.</translation>
    </message>
    <message>
        <source>No keychain service is running (such as KWallet or GNOME Keyring).</source>
        <translation>Es läuft kein Schlüsselbund-Dienst (wie KWallet oder GNOME-Schlüsselbund).</translation>
    </message>
    <message>
        <source>The system keychain is not used in this session.</source>
        <translation>Der Schlüsselbund des Systems wird in dieser Sitzung nicht verwendet.</translation>
    </message>
</context>
<context>
    <name>Countersign::TraceLink</name>
    <message>
        <source>Open the agent&apos;s run</source>
        <translation>Lauf des Agenten öffnen</translation>
    </message>
</context>
<context>
    <name>Countersign::WhatIfPanel</name>
    <message>
        <source>Run What-If</source>
        <translation>Was-wäre-wenn berechnen</translation>
    </message>
    <message>
        <source>Replay the last 90 days under the proposed tiers</source>
        <translation>Die letzten 90 Tage mit den vorgeschlagenen Stufen nachspielen</translation>
    </message>
    <message>
        <source>See what the proposed tiers would have done to the actions of the last 90 days.</source>
        <translation>Sehen Sie, was die vorgeschlagenen Stufen mit den Aktionen der letzten 90 Tage gemacht hätten.</translation>
    </message>
    <message>
        <source>Actions a reviewer rejected or edited that the proposal would auto-approve</source>
        <translation>Aktionen, die ein Prüfer abgelehnt oder bearbeitet hat und die der Vorschlag automatisch genehmigen würde</translation>
    </message>
    <message>
        <source>Replaying the last 90 days under the proposed tiers…</source>
        <translation>Die letzten 90 Tage werden mit den vorgeschlagenen Stufen nachgespielt …</translation>
    </message>
    <message numerus="yes">
        <source>No action of the %n action(s) in this period would have landed in another tier.</source>
        <translation>
            <numerusform>Die %n Aktion dieses Zeitraums wäre in keiner anderen Stufe gelandet.</numerusform>
            <numerusform>Keine der %n Aktionen dieses Zeitraums wäre in einer anderen Stufe gelandet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) would have changed tier.</source>
        <translation>
            <numerusform>%n Aktion hätte die Stufe gewechselt.</numerusform>
            <numerusform>%n Aktionen hätten die Stufe gewechselt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It would have auto-approved %n that reviewers rejected or edited.</source>
        <translation>
            <numerusform>Er hätte %n Aktion automatisch genehmigt, die Prüfer abgelehnt oder bearbeitet haben.</numerusform>
            <numerusform>Er hätte %n Aktionen automatisch genehmigt, die Prüfer abgelehnt oder bearbeitet haben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reviewing the %n newly sent to review would have taken about %1 hours.</source>
        <translation>
            <numerusform>Die Prüfung der %n neu zur Prüfung geschickten Aktion hätte etwa %1 Stunden gedauert.</numerusform>
            <numerusform>Die Prüfung der %n neu zur Prüfung geschickten Aktionen hätte etwa %1 Stunden gedauert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) it would prohibit were approved.</source>
        <translation>
            <numerusform>%n Aktion, die er verbieten würde, wurde genehmigt.</numerusform>
            <numerusform>%n Aktionen, die er verbieten würde, wurden genehmigt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n auto-approval(s) with a spot-check problem stay automatic.</source>
        <translation>
            <numerusform>%n automatische Genehmigung mit Stichprobenproblem bleibt automatisch.</numerusform>
            <numerusform>%n automatische Genehmigungen mit Stichprobenproblem bleiben automatisch.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · rejected · %2</source>
        <translation>%1 · abgelehnt · %2</translation>
    </message>
    <message>
        <source>%1 · modified · %2</source>
        <translation>%1 · bearbeitet · %2</translation>
    </message>
    <message>
        <source>%1 · approved, now prohibited · %2</source>
        <translation>%1 · genehmigt, künftig verboten · %2</translation>
    </message>
    <message>
        <source>The what-if needs a lead&apos;s or an administrator&apos;s token.</source>
        <translation>Die Was-wäre-wenn-Rechnung braucht das Token einer Teamleitung oder eines Administrators.</translation>
    </message>
    <message>
        <source>The what-if could not run: %1</source>
        <translation>Die Was-wäre-wenn-Rechnung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Would be auto-approved, by what reviewers did</source>
        <translation>Künftig automatisch genehmigt, nach Entscheidung der Prüfer</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Genehmigt</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Bearbeitet</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Actions a reviewer rejected or edited that the proposal would auto-approve; Enter or double-click opens one read-only</source>
        <translation>Aktionen, die ein Prüfer abgelehnt oder bearbeitet hat und die der Vorschlag automatisch genehmigen würde; Eingabe oder Doppelklick öffnet eine zum Lesen</translation>
    </message>
</context>
<context>
    <name>Countersign::WindowCloseKeys</name>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
</context>
<context>
    <name>DecisionHistory</name>
    <message>
        <source>The local decision history cannot be %1: %2</source>
        <translation>Der lokale Entscheidungsverlauf kann nicht %1 werden: %2</translation>
    </message>
    <message>
        <source>opened</source>
        <translation>geöffnet</translation>
    </message>
    <message>
        <source>prepared</source>
        <translation>vorbereitet</translation>
    </message>
    <message>
        <source>written</source>
        <translation>geschrieben</translation>
    </message>
    <message>
        <source>read</source>
        <translation>gelesen</translation>
    </message>
    <message>
        <source>There is no decision %1 in the history.</source>
        <translation>Im Verlauf gibt es keine Entscheidung %1.</translation>
    </message>
    <message>
        <source>The export could not be written: %1</source>
        <translation>Der Export konnte nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>DecisionOutbox</name>
    <message>
        <source>The decision could not be saved for sending: %1</source>
        <translation>Die Entscheidung konnte nicht zum Senden gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The outbox could not be written:</source>
        <translation>Der Postausgang konnte nicht geschrieben werden:</translation>
    </message>
    <message>
        <source>The outbox could not be read: %1</source>
        <translation>Der Postausgang konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Outbox entry %1 cannot be read.</source>
        <translation>Eintrag %1 des Postausgangs kann nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>DiffRowPainter</name>
    <message>
        <source>Show 1 hidden line</source>
        <translation>1 ausgeblendete Zeile anzeigen</translation>
    </message>
    <message>
        <source>Show %1 hidden lines</source>
        <translation>%1 ausgeblendete Zeilen anzeigen</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) hidden (not in the patch)</source>
        <translation>
            <numerusform>%n Zeile ausgeblendet (nicht im Patch)</numerusform>
            <numerusform>%n Zeilen ausgeblendet (nicht im Patch)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditDrafts</name>
    <message>
        <source>Your edit could not be saved: %1</source>
        <translation>Ihre Bearbeitung konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Your saved edit could not be read: %1</source>
        <translation>Ihre gespeicherte Bearbeitung konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Your saved edit could not be removed: %1</source>
        <translation>Ihre gespeicherte Bearbeitung konnte nicht entfernt werden: %1</translation>
    </message>
    <message>
        <source>Your saved edits could not be read: %1</source>
        <translation>Ihre gespeicherten Bearbeitungen konnten nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>EvidenceFormatter</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>QuarterlyReport</name>
    <message>
        <source>Quarterly review: Q%1 %2</source>
        <translation>Quartalsbericht: Q%1 %2</translation>
    </message>
    <message>
        <source>Actions submitted</source>
        <translation>Eingereichte Aktionen</translation>
    </message>
    <message>
        <source>Auto-approved by policy</source>
        <translation>Von der Richtlinie automatisch freigegeben</translation>
    </message>
    <message>
        <source>Reviewed by a person</source>
        <translation>Von einer Person geprüft</translation>
    </message>
    <message>
        <source>Prohibited by policy</source>
        <translation>Von der Richtlinie verboten</translation>
    </message>
    <message>
        <source>Approved unmodified</source>
        <translation>Unverändert freigegeben</translation>
    </message>
    <message>
        <source>Modified before approval</source>
        <translation>Vor der Freigabe geändert</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Median time in queue</source>
        <translation>Mediane Wartezeit</translation>
    </message>
    <message>
        <source>95th percentile time in queue</source>
        <translation>Wartezeit, 95. Perzentil</translation>
    </message>
    <message>
        <source>SLA breaches</source>
        <translation>SLA-Verstöße</translation>
    </message>
    <message>
        <source>Escalations</source>
        <translation>Eskalationen</translation>
    </message>
    <message>
        <source>Changes in brackets compare with the previous quarter.</source>
        <translation>Änderungen in Klammern im Vergleich zum Vorquartal.</translation>
    </message>
    <message>
        <source>Queue times and SLA breaches by category</source>
        <translation>Wartezeiten und SLA-Verstöße nach Kategorie</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Vorquartal</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>How the reviewers&apos; load was spread</source>
        <translation>Wie sich die Last auf die Prüfer verteilte</translation>
    </message>
    <message>
        <source>No reviewed decisions in this quarter.</source>
        <translation>In diesem Quartal gab es keine geprüften Entscheidungen.</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Prüfer</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Entscheidungen</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Rejection rate</source>
        <translation>Ablehnungsquote</translation>
    </message>
    <message>
        <source>Time to decide (median)</source>
        <translation>Zeit bis zur Entscheidung (Median)</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>Move to auto-approve</source>
        <translation>Automatisch freigeben</translation>
    </message>
    <message>
        <source>No action type met the bar for auto-approval this quarter.</source>
        <translation>Kein Aktionstyp erreichte in diesem Quartal die Schwelle für automatische Freigabe.</translation>
    </message>
    <message>
        <source>Tighten</source>
        <translation>Verschärfen</translation>
    </message>
    <message>
        <source>Nothing to tighten this quarter.</source>
        <translation>In diesem Quartal ist nichts zu verschärfen.</translation>
    </message>
    <message>
        <source>Every action type seen this quarter is named in the policy.</source>
        <translation>Jeder Aktionstyp dieses Quartals ist in der Richtlinie benannt.</translation>
    </message>
    <message>
        <source>Bottlenecks</source>
        <translation>Engpässe</translation>
    </message>
    <message>
        <source>No category or reviewer held up the queue.</source>
        <translation>Keine Kategorie und kein Prüfer hat die Warteschlange aufgehalten.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Decisions to take</source>
        <translation>Zu treffende Entscheidungen</translation>
    </message>
    <message>
        <source>Spot-check findings</source>
        <translation>Befunde der Stichproben</translation>
    </message>
    <message>
        <source>Spot checks of auto-approved actions found no problem this quarter.</source>
        <translation>Stichproben automatisch genehmigter Aktionen fanden in diesem Quartal kein Problem.</translation>
    </message>
    <message>
        <source>Assign: new action types the policy does not name</source>
        <translation>Zuordnen: neue Aktionstypen, die die Richtlinie nicht benennt</translation>
    </message>
    <message>
        <source>The quarter in figures</source>
        <translation>Das Quartal in Zahlen</translation>
    </message>
    <message>
        <source>What if: could not be computed.</source>
        <translation>Was wäre, wenn: konnte nicht berechnet werden.</translation>
    </message>
    <message numerus="yes">
        <source>What if: would have auto-approved %n that reviewers rejected or edited.</source>
        <translation>
            <numerusform>Was wäre, wenn: hätte %n Aktion automatisch genehmigt, die Prüfer abgelehnt oder bearbeitet haben.</numerusform>
            <numerusform>Was wäre, wenn: hätte %n Aktionen automatisch genehmigt, die Prüfer abgelehnt oder bearbeitet haben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Approvals checked</source>
        <translation>Geprüfte Genehmigungen</translation>
    </message>
    <message>
        <source>Found wrong</source>
        <translation>Als falsch befunden</translation>
    </message>
    <message>
        <source>Approvals checked: a reviewer&apos;s approvals sampled for a spot check that got a verdict. Found wrong: the share of those whose verdict was a problem.</source>
        <translation>Geprüfte Genehmigungen: Genehmigungen eines Prüfers, die für eine Stichprobe gezogen wurden und ein Urteil erhielten. Als falsch befunden: der Anteil davon, dessen Urteil ein Problem war.</translation>
    </message>
</context>
<context>
    <name>ReportCharts</name>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Decisions by outcome</source>
        <translation>Entscheidungen nach Ergebnis</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Time in queue (hours)</source>
        <translation>Wartezeit (Stunden)</translation>
    </message>
    <message>
        <source>Time in queue (minutes)</source>
        <translation>Wartezeit (Minuten)</translation>
    </message>
    <message>
        <source>Time in queue (seconds)</source>
        <translation>Wartezeit (Sekunden)</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>95th percentile</source>
        <translation>95. Perzentil</translation>
    </message>
    <message>
        <source>Outcome rates over time</source>
        <translation>Ergebnisquoten im Zeitverlauf</translation>
    </message>
    <message>
        <source>Approval rate</source>
        <translation>Freigabequote</translation>
    </message>
    <message>
        <source>Modification rate</source>
        <translation>Änderungsquote</translation>
    </message>
    <message>
        <source>Rejection rate</source>
        <translation>Ablehnungsquote</translation>
    </message>
    <message>
        <source>Volume by tier</source>
        <translation>Menge nach Stufe</translation>
    </message>
    <message>
        <source>Auto-approved</source>
        <translation>Automatisch freigegeben</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <source>Prohibited</source>
        <translation>Verboten</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>No reviewed decisions in this period.</source>
        <translation>Keine geprüften Entscheidungen in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Time in queue</source>
        <translation>Wartezeit</translation>
    </message>
    <message>
        <source>Nothing waited for review in this period.</source>
        <translation>In diesem Zeitraum wartete nichts auf Prüfung.</translation>
    </message>
    <message>
        <source>No actions in this period.</source>
        <translation>Keine Aktionen in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Approval rate, previous period</source>
        <translation>Genehmigungsquote, vorheriger Zeitraum</translation>
    </message>
</context>
<context>
    <name>RoleNames</name>
    <message>
        <source>agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>reviewer</source>
        <translation>Prüfer</translation>
    </message>
    <message>
        <source>lead reviewer</source>
        <translation>leitender Prüfer</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>no role</source>
        <translation>keine Rolle</translation>
    </message>
</context>
<context>
    <name>ServerUrl</name>
    <message>
        <source>Enter the server address, for example https://countersign.example.com.</source>
        <translation>Geben Sie die Serveradresse ein, zum Beispiel https://countersign.example.com.</translation>
    </message>
    <message>
        <source>The address must not contain spaces.</source>
        <translation>Die Adresse darf keine Leerzeichen enthalten.</translation>
    </message>
    <message>
        <source>Start the address with https:// (or http:// for a server on this machine).</source>
        <translation>Beginnen Sie die Adresse mit https:// (oder http:// für einen Server auf diesem Rechner).</translation>
    </message>
    <message>
        <source>Only http:// and https:// addresses are supported, not %1://.</source>
        <translation>Nur http://- und https://-Adressen werden unterstützt, nicht %1://.</translation>
    </message>
    <message>
        <source>This is not a valid address. Check it for typing mistakes.</source>
        <translation>Das ist keine gültige Adresse. Prüfen Sie sie auf Tippfehler.</translation>
    </message>
    <message>
        <source>The address has no host name.</source>
        <translation>Die Adresse enthält keinen Rechnernamen.</translation>
    </message>
    <message>
        <source>Do not put a user name or password in the address; enter the token below.</source>
        <translation>Geben Sie in der Adresse weder Benutzernamen noch Passwort an; tragen Sie unten das Token ein.</translation>
    </message>
    <message>
        <source>Remove the part starting with ? or # from the address.</source>
        <translation>Entfernen Sie den Teil ab ? oder # aus der Adresse.</translation>
    </message>
    <message>
        <source>This address uses plain http: the token would travel unencrypted. Use https unless the network is trusted.</source>
        <translation>Diese Adresse verwendet unverschlüsseltes http: Das Token würde im Klartext übertragen. Verwenden Sie https, es sei denn, das Netzwerk ist vertrauenswürdig.</translation>
    </message>
</context>
<context>
    <name>ServerVersion</name>
    <message>
        <source>The server does not report its version.</source>
        <translation>Der Server nennt seine Version nicht.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Review and countersign what AI agents propose.</source>
        <translation>Prüfen und gegenzeichnen, was KI-Agenten vorschlagen.</translation>
    </message>
    <message>
        <source>Connect to this server.</source>
        <translation>Mit diesem Server verbinden.</translation>
    </message>
    <message>
        <source>Read the bearer token from this file.</source>
        <translation>Das Bearer-Token aus dieser Datei lesen.</translation>
    </message>
    <message>
        <source>Use the lead token of a demo server&apos;s token file.</source>
        <translation>Das Token des leitenden Prüfers aus der Token-Datei eines Demo-Servers verwenden.</translation>
    </message>
    <message>
        <source>The local decision history file.</source>
        <translation>Die Datei des lokalen Entscheidungsverlaufs.</translation>
    </message>
    <message>
        <source>Open the report window.</source>
        <translation>Das Berichtsfenster öffnen.</translation>
    </message>
    <message>
        <source>Save a picture of the main window to this file after two seconds, then quit.</source>
        <translation>Nach zwei Sekunden ein Bild des Hauptfensters in dieser Datei speichern, dann beenden.</translation>
    </message>
    <message>
        <source>Write the quarterly review of this quarter (e.g. 2026Q4) to --output and quit; no display needed.</source>
        <translation>Den Quartalsbericht dieses Quartals (z. B. 2026Q4) nach --output schreiben und beenden; ohne Bildschirm.</translation>
    </message>
    <message>
        <source>The file --quarterly-review writes.</source>
        <translation>Die Datei, die --quarterly-review schreibt.</translation>
    </message>
    <message>
        <source>pdf or csv (default: from the --output file name, else pdf).</source>
        <translation>pdf oder csv (Standard: nach dem Namen der --output-Datei, sonst pdf).</translation>
    </message>
    <message>
        <source>A countersign://open link to open (the running app opens it).</source>
        <translation>Ein countersign://open-Link zum Öffnen (die laufende App öffnet ihn).</translation>
    </message>
</context>
</TS>
