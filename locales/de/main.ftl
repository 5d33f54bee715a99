## mitid-bot, Deutsch. "Sie"-Form, höflich und klar, kurze Nachrichten für das Handy.
## Wie eine nordschleswigsche Kommune an Grenzpendlerinnen und Grenzpendler schreibt.
## Dokumente: beim ersten Vorkommen in einer Nachricht den dänischen Namen in Klammern,
## z. B. "gelbe Gesundheitskarte (sundhedskort)". In Schaltflächen darf er fehlen (max. 64 Zeichen).
## Variablen, die jede Nachricht nutzen darf: $municipality, $phone, $support_phone, $booking_url,
## $retention_days, $evening_hour, $evening_minute, $before_hours (siehe src/i18n.rs).
## $phone und $support_phone tragen auf Deutsch +45. Nie eine Telefonnummer ohne +45 schreiben.
## Einheitlich (nach der Durchsicht shared/reviews/de.md):
## - Zeugin/Zeuge: in ganzen Sätzen beide Formen („eine Zeugin oder einen Zeugen“), danach
##   „die Person“; in Schaltflächen, Befehlen und FAQ-Titeln „Zeuge“ allein.
## - Die Kommune mit Artikel: „der { $municipality }“, „Die { $municipality } hilft …“.
## - Wunsch-Benutzer-ID / Vorschlag (nicht „Idee“); MitID-Support (mit Bindestrich);
##   Geburts- oder Taufurkunde (fødsels-/dåbsattest); Nachweis über öffentliche Leistungen.
## - Termine werden online gebucht; das Telefon ist für Fragen, nicht zum Buchen.
## - Datum im Satz: „am { $appointment }“ → „am Donnerstag, 3. Dezember 2026, um 9:30 Uhr“.

## ---- Formate ----

# Zeitpunkte, wie man sie auf Deutsch schreibt: "Donnerstag, 3. Dezember 2026, um 9:30 Uhr"
# (im Text: "am { $appointment }"). $weekday (1 = Montag), $day, $month, $year, $hour (ohne
# führende Null), $minute (zweistellig). Variablen für Texte: $appointment, $appointment_date
# ("Donnerstag, 3. Dezember 2026"), $appointment_from ("ab dem 3. Dezember 2026 um 9:30 Uhr",
# um Mitternacht nur "ab dem 21. Dezember 2026").
fmt-date = { fmt-weekday }, { $day }. { fmt-month } { $year }
fmt-datetime = { fmt-date }, um { $hour }:{ $minute } Uhr
fmt-from-date = ab dem { $day }. { fmt-month } { $year }
fmt-from-datetime = ab dem { $day }. { fmt-month } { $year } um { $hour }:{ $minute } Uhr
fmt-weekday = { $weekday ->
    [1] Montag
    [2] Dienstag
    [3] Mittwoch
    [4] Donnerstag
    [5] Freitag
    [6] Samstag
   *[7] Sonntag
}
fmt-month = { $month ->
    [1] Januar
    [2] Februar
    [3] März
    [4] April
    [5] Mai
    [6] Juni
    [7] Juli
    [8] August
    [9] September
    [10] Oktober
    [11] November
   *[12] Dezember
}

progress = Schritt { $step } von { $total }

## ---- Schaltflächen, die an vielen Stellen vorkommen ----

btn-yes = Ja
btn-no = Nein
btn-not-sure = Ich bin mir nicht sicher
btn-dont-remember = Ich weiß es nicht mehr
btn-continue = Weiter
btn-done = Fertig
btn-back = Zurück
btn-restart = Neu anfangen
btn-resume = Dort weitermachen, wo ich aufgehört habe
btn-menu = Hauptmenü
btn-faq = Fragen und Antworten
btn-book = Termin buchen
btn-book-online = Online buchen
btn-language = Sprache / Sprog / Language
btn-privacy = Was speichern Sie über mich?
btn-prepare = Meinen Termin vorbereiten
btn-checklist = Meine Checkliste zeigen
btn-witness-check = Prüfen, ob jemand mein Zeuge sein kann
btn-userid-check = Wunsch-Benutzer-ID prüfen
btn-check-documents = Meine Dokumente prüfen

lang-da = Dansk
lang-en = English
lang-de = Deutsch

## ---- Begrüßung, Menü, Hilfe ----

welcome =
    Guten Tag! Ich bin der automatische Assistent des Bürgerservice (Borgerservice) der { $municipality }.

    Ich helfe Ihnen, sich auf Ihren MitID-Termin vorzubereiten. Ich sage Ihnen, welche Dokumente Sie mitbringen müssen, ob Sie eine Zeugin oder einen Zeugen brauchen und wie Sie Ihr Handy vorbereiten. So bekommen Sie MitID bei einem einzigen Besuch.

    Ich frage nie nach Ihrem Passwort, Ihrer PIN oder Ihrer CPR-Nummer.

menu = Was möchten Sie tun?

help =
    { $channel ->
        [web]
            So nutzen Sie mich:
            • Tippen Sie auf eine Schaltfläche, oder schreiben Sie Ihre Frage, zum Beispiel „Brauche ich eine Zeugin oder einen Zeugen?“.
            • „Meine Antworten löschen“ unten auf der Seite löscht alles, was ich über Sie gespeichert habe.

            Wenn ich eine Frage nicht beantworten kann, rufen Sie den Bürgerservice unter { $phone } an.
       *[other]
            So nutzen Sie mich:
            • Tippen Sie auf eine Schaltfläche, oder schreiben Sie den Text oder die Nummer der Schaltfläche.
            • Sie können Ihre Frage auch einfach schreiben, zum Beispiel „Brauche ich eine Zeugin oder einen Zeugen?“.
            • /menu zeigt das Hauptmenü, /restart startet die Vorbereitung neu.
            • /checklist zeigt Ihre Checkliste, /reminders Ihre Erinnerungen.
            • /language wechselt die Sprache. /forget löscht alles, was ich über Sie gespeichert habe.

            Wenn ich eine Frage nicht beantworten kann, rufen Sie den Bürgerservice unter { $phone } an.
    }

language-choose = Welche Sprache möchten Sie?

privacy =
    Ich speichere Ihre Antworten auf meine Fragen (zum Beispiel „wohnt in Dänemark“) und Ihre Sprache. So können Sie später weitermachen und Ihre Checkliste wieder ansehen.

    Ich speichere auch die Zeitpunkte, die Sie mir schreiben: wann Ihr Termin ist, damit ich Sie daran erinnern kann, und bei der Zeugenprüfung, wann die Person MitID bekommen hat.

    Ihre Vorschläge für die Benutzer-ID und Ihre Fragen speichere ich nicht.

    Alles wird gelöscht, wenn Sie { $retention_days } Tage lang nicht mit mir geschrieben haben. Haben Sie eine Erinnerung bestellt, zählen die Tage erst ab der Erinnerung. Wenn Sie /forget schreiben, lösche ich sofort alles.

    Außerdem zähle ich, wie der Bot genutzt wird, zum Beispiel wie viele Checklisten ich zeige. Diese Zahlen verraten nicht, wer Sie sind.

    Der Chat läuft über Telegram, ein eigenständiges Unternehmen, das nicht zur Kommune gehört. Bitte schicken Sie hier keine CPR-Nummer, keine Passwörter und keine Fotos Ihrer Dokumente.

# The same on the web chat: no Telegram, no reminders sent, deleting is a button.
privacy-web =
    Ich speichere Ihre Antworten auf meine Fragen (zum Beispiel „wohnt in Dänemark“) und Ihre Sprache. So können Sie später weitermachen und Ihre Checkliste wieder ansehen.

    Ich speichere auch die Zeitpunkte, die Sie mir schreiben: wann Ihr Termin ist und bei der Zeugenprüfung, wann die Person MitID bekommen hat.

    Ihre Vorschläge für die Benutzer-ID und Ihre Fragen speichere ich nicht.

    Alles wird { $retention_days } Tage nach Ihrer letzten Antwort gelöscht – oder { $retention_days } Tage nach Ihrem Termin, wenn dieser später ist. Wenn Sie auf „Meine Antworten löschen“ drücken, lösche ich sofort alles.

    Außerdem zähle ich, wie der Chat genutzt wird, zum Beispiel wie viele Checklisten ich zeige. Diese Zahlen verraten nicht, wer Sie sind.

    Diese Seite verwendet ein Cookie. Es zeigt nur, welcher Chat Ihrer ist. Bitte schreiben Sie hier nie Ihre CPR-Nummer, Ihr Passwort oder Ihre PIN.

book =
    Für MitID brauchen Sie immer einen Termin beim Bürgerservice. Mit Termin sind Sie zur gebuchten Zeit an der Reihe. Ohne Termin können wir Ihnen nur helfen, wenn gerade Zeit ist.

    Buchen Sie Ihren Termin online: { $booking_url }
    Haben Sie Fragen? Rufen Sie uns unter { $phone } an.

start-over-notice = Wir fangen noch einmal von vorn an.

## ---- Was die Engine sagt ----

stale-button = Diese Schaltfläche gehört zu einer früheren Nachricht. Hier sind wir gerade:
not-understood =
    Das habe ich leider nicht verstanden. Sie können unten auf eine Schaltfläche tippen, Ihre Frage in wenigen Worten stellen oder den Bürgerservice unter { $phone } anrufen.
only-text = Ich kann nur Text und Schaltflächen lesen. Bitte schreiben Sie Ihre Frage, oder tippen Sie auf eine Schaltfläche.
# Only Telegram lets the bot delete the message; the web page does not show it again.
cpr-warning =
    { $channel ->
        [telegram] Es sieht so aus, als hätten Sie eine CPR-Nummer geschickt. Bitte schicken Sie Ihre CPR-Nummer nie in einem Chat. Ich habe sie nicht gespeichert und versucht, Ihre Nachricht zu löschen.
       *[other] Es sieht so aus, als hätten Sie eine CPR-Nummer geschrieben. Bitte schicken Sie Ihre CPR-Nummer nie in einem Chat. Ich habe sie nicht gespeichert.
    }
date-unreadable = Dieses Datum konnte ich nicht lesen. Bitte schreiben Sie zuerst den Tag, dann den Monat, zum Beispiel 15.01. oder 15. Januar. Mit Uhrzeit: 15.01. 14:30
date-no-such-day = Dieses Datum gibt es nicht. Bitte prüfen Sie Tag und Monat. Schreiben Sie zuerst den Tag, zum Beispiel 28.02.
date-in-future = Dieses Datum liegt in der Zukunft. Bitte schreiben Sie das Datum, an dem Ihre Zeugin oder Ihr Zeuge MitID bekommen hat.
date-in-past = Dieses Datum ist schon vorbei. Bitte schreiben Sie Datum und Uhrzeit Ihres Termins, zum Beispiel 15.01. 10:00

## ---- Prüfung der Benutzer-ID (was eingegeben wurde, wird nie gespeichert) ----

userid-allowed = ✅ Diese Benutzer-ID entspricht den Regeln ({ $length } Zeichen).
userid-not-allowed = ❌ Diese Benutzer-ID ist nicht erlaubt:
userid-problem-too-short = • Die Benutzer-ID hat { $length } Zeichen. Nötig sind mindestens 5.
userid-problem-too-long = • Die Benutzer-ID hat { $length } Zeichen. Erlaubt sind höchstens 48.
userid-problem-characters = • Diese Zeichen sind nicht erlaubt: { $characters }
userid-problem-starts-with-space = • Am Anfang darf kein Leerzeichen stehen.
userid-problem-ends-with-space = • Am Ende darf kein Leerzeichen stehen.
userid-problem-ten-digits = • Die Benutzer-ID darf nicht aus genau 10 Ziffern bestehen, wie eine CPR-Nummer.
userid-warning-cpr = ⚠️ Die Benutzer-ID scheint eine CPR-Nummer zu enthalten. Das ist erlaubt, aber wir raten dringend davon ab.
userid-warning-ten-digits = ⚠️ Die Benutzer-ID enthält 10 Ziffern hintereinander. Das ist erlaubt, kann aber mit einer CPR-Nummer verwechselt werden.
userid-ends-not-seen = Leerzeichen ganz am Anfang oder Ende einer Nachricht kann ich nicht sehen, deshalb sind sie nicht mitgezählt. Eine Benutzer-ID darf nicht mit einem Leerzeichen beginnen oder enden.
userid-not-kept =
    Ich habe nicht gespeichert, was Sie geschrieben haben. Ob eine Benutzer-ID noch frei ist, sehen Sie erst, wenn Sie MitID einrichten.
    Schreiben Sie einen weiteren Vorschlag, um ihn zu prüfen, oder tippen Sie auf eine Schaltfläche.

## ---- 1. Zu Ihrer Person ----

cpr-unsure =
    Sie haben eine CPR-Nummer, wenn Sie in Dänemark registriert sind. Die Nummer hat 10 Ziffern: Ihr Geburtsdatum und 4 weitere Ziffern. Sie steht auf Ihrer gelben Gesundheitskarte (sundhedskort).
    Wohnen Sie im Ausland und arbeiten in Dänemark? Dann steht sie auf Ihrer speziellen Gesundheitskarte für Grenzpendler (særligt sundhedskort).

    Haben Sie eine?
btn-cpr-have-not = Nein, ich habe keine
no-cpr =
    Für MitID beim Bürgerservice brauchen Sie eine CPR-Nummer.

    Eine CPR-Nummer bekommen Sie, wenn Sie in Dänemark registriert sind. Wenn Sie hierher gezogen sind oder hier arbeiten, wenden Sie sich an den Bürgerservice oder an den International Citizen Service. Wenn Sie nicht sicher sind, was für Sie gilt, rufen Sie uns unter { $phone } an.

under-13 =
    MitID gibt es ab 13 Jahren. Kommen Sie dann gern wieder.

reason-question = Worum geht es bei Ihnen?
btn-reason-first = Ich bekomme MitID zum ersten Mal
btn-reason-new-phone = Ich habe ein neues Handy
btn-reason-password = Ich habe mein Passwort vergessen
btn-reason-code-display = Ich habe meinen Codeanzeiger verloren
btn-reason-other = Meine MitID funktioniert aus einem anderen Grund nicht

self-service-done = Viel Erfolg! Wenn es nicht klappt, kommen Sie hierher zurück und wählen Sie „Meinen Termin vorbereiten“.

witness-last-question = Haben Sie beim letzten Mal (für MitID oder NemID) eine Zeugin oder einen Zeugen gebraucht?

## ---- 2. Wo Sie wohnen ----

residence-question = Wo wohnen Sie?
btn-residence-dk = In Dänemark
btn-residence-cross-border = Im Ausland, und ich arbeite in Dänemark
btn-residence-abroad = Im Ausland, und ich arbeite nicht in Dänemark

## ---- 3. Dokumente ----

doc-main-question = Welches dieser dänischen Dokumente haben Sie? Wenn Sie mehrere haben, wählen Sie das oberste in der Liste. Es muss gültig sein.
btn-doc-licence = Dänischer Führerschein
btn-doc-dk-passport = Dänischer Reisepass (kein Notpass)
btn-doc-dk-permit = In Dänemark ausgestellte Aufenthaltserlaubnis oder -karte
btn-doc-none-of-these = Keines davon

main-cpr-question = { $main_doc ->
    [dk_permit] Steht Ihre CPR-Nummer auf Ihrer Aufenthaltserlaubnis oder -karte?
   *[other] Steht Ihre CPR-Nummer in Ihrem Reisepass?
}

docs-question = Wählen Sie alle Dokumente aus, die Sie haben, und tippen Sie dann auf „Fertig“. Sie brauchen zwei: Auf mindestens einem muss Ihre CPR-Nummer stehen, und mindestens eines muss ein Foto haben.
docs-dk-id-counts = { $main_doc ->
    [dk_permit] Ihre Aufenthaltserlaubnis zählt
   *[other] Ihr Reisepass zählt
} als eines davon, und zwar als Ausweis mit Foto.
doc-yellow-card = Gelbe Gesundheitskarte (sundhedskort)
doc-special-card = Spezielle Gesundheitskarte für Grenzpendler
doc-personal-cert = Personenstandsbescheinigung, Geburts-/Taufurkunde (DK/Grönland)
doc-residence-cert = Wohnsitzbescheinigung (bopælsattest) aus DK/Grönland
doc-foreign-passport = Reisepass aus einem anderen Land (kein Notpass)
doc-foreign-id = Personalausweis oder Führerschein aus einem anderen Land
doc-municipal-id = Kommunaler Ausweis (legitimationskort)
doc-tax = Dänischer Steuerbescheid oder Vorauszahlungsbescheid
doc-benefit = Nachweis über Leistungen, z. B. SU (dän. Ausbildungsförderung)

personal-cert-cpr-question = Steht Ihre CPR-Nummer auf Ihrer Personenstandsbescheinigung (personattest) oder Ihrer Geburts- oder Taufurkunde (fødsels-/dåbsattest)?
residence-cert-cpr-question = Steht Ihre CPR-Nummer auf Ihrer Wohnsitzbescheinigung (bopælsattest)?
tax-recent-question = Ist Ihr Steuerbescheid (årsopgørelse) oder Vorauszahlungsbescheid (forskudsopgørelse) { $appointment_known ->
    [yes] am { $appointment_day_date }, dem Tag Ihres Termins,
   *[other] am Tag Ihres Termins
} höchstens 3 Monate alt? Achten Sie auf das Datum des Bescheids.
benefit-recent-question = Ist Ihr Nachweis über öffentliche Leistungen (z. B. SU, die dänische Ausbildungsförderung) { $appointment_known ->
    [yes] am { $appointment_day_date }, dem Tag Ihres Termins,
   *[other] am Tag Ihres Termins
} höchstens 3 Monate alt?

docs-enough = ✅ Ihre Dokumente reichen aus. Denken Sie daran, sie mitzubringen.
docs-maybe =
    ⚠️ Ihre Dokumente reichen vielleicht nicht aus: Ihre CPR-Nummer steht darauf, aber keines hat ein Foto.
    Bringen Sie einen Ausweis mit Foto mit, wenn Sie einen haben, zum Beispiel einen Reisepass. Wenn Sie keinen haben, rufen Sie vor der Buchung den Bürgerservice unter { $phone } an.
docs-not-enough = ❌ Ihre Dokumente reichen noch nicht aus. { $documents_missing ->
    [photo] Sie brauchen außerdem ein Dokument mit Foto, zum Beispiel einen Reisepass oder einen Personalausweis.
    [second] Sie brauchen noch ein weiteres Dokument aus der Liste.
    [cpr_and_photo] Sie brauchen ein Dokument, auf dem Ihre CPR-Nummer steht, und ein Dokument mit Foto.
   *[cpr] Sie brauchen außerdem ein Dokument, auf dem Ihre CPR-Nummer steht.
}
docs-too-old-tax = Ihr Steuerbescheid (årsopgørelse) oder Vorauszahlungsbescheid (forskudsopgørelse) zählt nicht, weil er am Tag Ihres Termins älter als 3 Monate ist.
docs-too-old-benefit = Ihr Nachweis über öffentliche Leistungen zählt nicht, weil er am Tag Ihres Termins älter als 3 Monate ist.
docs-no-cpr-personal-cert = Ihre Personenstandsbescheinigung (personattest) oder Geburts- oder Taufurkunde (fødsels-/dåbsattest) zählt hier nur, wenn Ihre CPR-Nummer darauf steht.
docs-no-cpr-residence-cert = Ihre Wohnsitzbescheinigung (bopælsattest) zählt hier nur, wenn Ihre CPR-Nummer darauf steht.
docs-originals = Bringen Sie gültige Originale mit. Ein Foto oder PDF eines Dokuments zählt nicht.
btn-change-documents = Dokumente neu auswählen

## ---- 4. Zeugin oder Zeuge ----

witness-forecast = { $witness ->
    [almost_certain] Sie brauchen höchstwahrscheinlich eine Zeugin oder einen Zeugen.
    [likely] Sie brauchen wahrscheinlich eine Zeugin oder einen Zeugen.
   *[unlikely] Eine Zeugin oder ein Zeuge ist bei Ihnen wahrscheinlich nicht nötig.
}
witness-forecast-unknown = Ob Sie eine Zeugin oder einen Zeugen brauchen, hängt davon ab, wie viel das CPR-Register über Sie weiß.
witness-reason-last-time = • Sie brauchten beim letzten Mal eine Zeugin oder einen Zeugen.
witness-reason-abroad = • Sie wohnen außerhalb Dänemarks.
witness-reason-under-five = • Sie wohnen seit weniger als 5 Jahren in Dänemark.
witness-reason-little-history = • Sie sind selten umgezogen und haben keine Kinder. Deshalb weiß das CPR-Register wenig über Sie.
witness-requirements =
    Ihre Zeugin oder Ihr Zeuge muss:
    • mindestens 18 Jahre alt sein,
    • zum Zeitpunkt Ihres Termins seit mindestens 30 vollen Tagen (30 × 24 Stunden) eine eigene MitID haben,
    • in den letzten 120 Tagen höchstens 2-mal Zeugin oder Zeuge gewesen sein (bei Ihrem Termin also höchstens zum 3. Mal),
    • zusammen mit Ihnen zum Termin kommen,
    • die eigene MitID (Handy mit App oder Codeanzeiger) und einen gültigen Ausweis mit Foto mitbringen,
    • zusätzlich eines dieser Dokumente mitbringen, wenn auf dem Ausweis keine CPR-Nummer steht. Das gilt für alle ausländischen Ausweise, auch für den deutschen Personalausweis und Reisepass:
    { -witness-cpr-documents }
witness-if-needed = Dann können Sie einen neuen Termin buchen und eine Zeugin oder einen Zeugen mitbringen. Kennen Sie jemanden, der die Regeln unten erfüllt, können Sie die Person auch sicherheitshalber gleich mitbringen.

## ---- 5. Handy oder Codeanzeiger ----

device-question = Wie möchten Sie MitID nutzen?
btn-device-app = Mit der MitID-App auf meinem Handy
btn-device-code-display = Mit einem Codeanzeiger
btn-device-audio = Mit einem Codevorleser
btn-device-unsure = Das weiß ich noch nicht
device-compare =
    • Die MitID-App: Die meisten nutzen sie. Sie brauchen ein Handy oder Tablet mit Google Play oder dem App Store.
    • Ein Codeanzeiger (kodeviser): ein kleines Gerät, das einen Code anzeigt. Sie nutzen ihn zusammen mit einem Passwort.
    • Ein Codevorleser (kodeoplæser): wie ein Codeanzeiger, aber er liest den Code laut vor. Für Menschen, die schlecht sehen.
device-app =
    Für die MitID-App muss Ihr Handy oder Tablet:
    • Google Play oder den App Store haben (manche Huawei-Handys haben kein Google Play),
    • nicht gerootet oder gejailbreakt sein (so verändert, dass der eigene Schutz des Handys ausgeschaltet ist),
    • kein zu altes Betriebssystem haben: Android 9 und älter funktionieren nicht mehr.

    Bitte installieren Sie die MitID-App, bevor Sie kommen, und bringen Sie das Handy mit (mit SIM-Karte: Sie bekommen einen Code per SMS).
    Sie wählen für die App eine 6-stellige PIN. Sagen Sie Ihre PIN niemandem.

    Unsere Mitarbeiterinnen und Mitarbeiter helfen Ihnen, die App zu finden und zu aktivieren, aber Probleme mit dem Handy können sie nicht lösen.
btn-phone-ok = Mein Handy kann das
btn-phone-not-ok = Mein Handy kann das nicht
device-code =
    Einen Codeanzeiger (kodeviser) oder Codevorleser (kodeoplæser) nutzen Sie zusammen mit einem Passwort. Die ersten 3 sind kostenlos.

    Ihr Passwort:
    • hat 8 bis 64 Zeichen,
    • darf Ihre Benutzer-ID nicht enthalten,
    • darf keine 10 Ziffern hintereinander enthalten (wie eine CPR-Nummer),
    • darf keine Wörter wie „Passwort“ oder „password“ und keine Tastenfolgen wie „qwertyui“ oder „abc12345“ enthalten.

    Überlegen Sie sich ein Passwort, bevor Sie kommen, aber sagen Sie es niemandem – nicht mir und auch nicht unseren Mitarbeiterinnen und Mitarbeitern.

## ---- 6. Benutzer-ID ----

userid-rules =
    Sie melden sich mit einer Benutzer-ID (bruger-ID) an. Die Benutzer-ID ist wie ein Benutzername, kein Passwort: Sie geben sie bei jeder Anmeldung ein.
    Bekommen Sie MitID zum ersten Mal? Dann wählen Sie Ihre Benutzer-ID am besten schon vor dem Termin – das spart Zeit. Haben Sie schon MitID, brauchen Sie keine neue: Denken Sie an Ihre bisherige Benutzer-ID.

    Die Regeln:
    • 5 bis 48 Zeichen,
    • Buchstaben a–z, æ, ø, å (Groß- und Kleinschreibung macht keinen Unterschied),
    • Ziffern 0–9, Leerzeichen und diese Zeichen: {"{"} {"}"} ! # $ ^ , * ( ) _ + - = : ; ? . @
    • keine anderen Buchstaben (also kein ä, ö, ü, é oder ß),
    • kein Leerzeichen am Anfang oder Ende,
    • nicht Ihre CPR-Nummer und nicht genau 10 Ziffern.
userid-try = Schreiben Sie Ihre Wunsch-Benutzer-ID, dann prüfe ich sie. Ihre echte Benutzer-ID behalten Sie besser für sich: Sie können auch ein ähnliches Beispiel mit denselben Arten von Zeichen schreiben. Ich speichere nichts davon.
btn-userid-chosen = Ich habe eine Benutzer-ID gewählt
btn-userid-later = Ich wähle sie später
btn-userid-have = Ich habe schon eine Benutzer-ID

## ---- Die Checkliste ----

cl-title = 📋 Ihre Checkliste für MitID beim Bürgerservice der { $municipality }
cl-docs-heading = Bringen Sie diese Dokumente mit (gültige Originale):
cl-doc-main = • { $main_doc ->
    [licence] Ihr dänischer Führerschein
    [dk_permit] Ihre Aufenthaltserlaubnis oder -karte mit Ihrer CPR-Nummer
   *[other] Ihr dänischer Reisepass mit Ihrer CPR-Nummer
}
cl-doc-yellow-card = • Ihre gelbe Gesundheitskarte (sundhedskort)
cl-doc-special-card = • Ihre spezielle Gesundheitskarte für Grenzpendler (særligt sundhedskort)
cl-doc-personal-cert = • Ihre Personenstandsbescheinigung (personattest) oder Geburts- oder Taufurkunde (fødsels-/dåbsattest)
cl-doc-residence-cert = • Ihre Wohnsitzbescheinigung (bopælsattest)
cl-doc-foreign-id = • Ihr Personalausweis oder Führerschein
cl-doc-foreign-passport = • Ihr Reisepass
cl-doc-municipal-id = • Ihr kommunaler Ausweis (legitimationskort)
cl-doc-dk-id-no-cpr = • { $main_doc ->
    [dk_permit] Ihre Aufenthaltserlaubnis oder -karte
   *[other] Ihr dänischer Reisepass
}
cl-doc-tax = • Ihr Steuerbescheid (årsopgørelse) oder Vorauszahlungsbescheid (forskudsopgørelse), { $appointment_known ->
    [yes] am { $appointment_day_date },
   *[other] am Tag Ihres Termins
} höchstens 3 Monate alt
cl-doc-benefit = • Ihr Nachweis über öffentliche Leistungen, { $appointment_known ->
    [yes] am { $appointment_day_date },
   *[other] am Tag Ihres Termins
} höchstens 3 Monate alt
cl-docs-maybe = ⚠️ Bringen Sie auch einen Ausweis mit Foto mit, wenn Sie einen haben. Wenn nicht, rufen Sie vor der Buchung den Bürgerservice unter { $phone } an.
cl-docs-missing = ❌ Ihre Dokumente reichen noch nicht aus. Besorgen Sie zuerst Folgendes und buchen Sie erst dann Ihren Termin:
cl-docs-unknown = • Ihre Dokumente habe ich noch nicht geprüft. Wählen Sie „Meinen Termin vorbereiten“, um sie zu prüfen.
cl-witness =
    👥 Bringen Sie eine Zeugin oder einen Zeugen mit. { $witness ->
        [almost_certain] Das ist höchstwahrscheinlich nötig.
       *[other] Das ist wahrscheinlich nötig.
    }
    { witness-requirements }
cl-witness-unlikely = 👥 Eine Zeugin oder ein Zeuge ist wahrscheinlich nicht nötig. Falls doch, können Sie einen neuen Termin buchen und jemanden mitbringen.
cl-witness-unknown = 👥 Ob Sie eine Zeugin oder einen Zeugen brauchen, weiß ich noch nicht. Wählen Sie unten „Brauche ich einen Zeugen?“.
cl-witness-checked = 👥 Bringen Sie Ihre Zeugin oder Ihren Zeugen mit. { $witness ->
        [almost_certain] Das ist höchstwahrscheinlich nötig.
       *[other] Das ist wahrscheinlich nötig.
    } Nach Ihren Angaben erfüllt die Person die Regeln. Das muss auch am Tag Ihres Termins noch gelten.
btn-witness-need = Brauche ich einen Zeugen?
cl-app = 📱 Installieren Sie die MitID-App, bevor Sie kommen, und bringen Sie das Handy mit SIM-Karte mit. Sie wählen eine 6-stellige PIN.
cl-code-display = 🔑 Überlegen Sie sich vorher ein Passwort mit 8–64 Zeichen. Es darf Ihre Benutzer-ID nicht enthalten, auch keine 10 Ziffern hintereinander, keine Wörter wie „Passwort“ oder „password“ und keine Tastenfolgen wie „qwertyui“. Sagen Sie es niemandem.
cl-device-unknown = 📱 Entscheiden Sie, ob Sie die MitID-App oder einen Codeanzeiger (kodeviser) möchten.
cl-userid-chosen = 👤 Sie haben Ihre Benutzer-ID gewählt.
cl-userid-todo = 👤 Wählen Sie eine Benutzer-ID, bevor Sie kommen (5–48 Zeichen).
cl-userid-have = 👤 Denken Sie an Ihre Benutzer-ID: Sie geben sie bei jeder Anmeldung ein.
cl-book = 📅 Termin buchen: { $booking_url }
    Fragen? Rufen Sie den Bürgerservice unter { $phone } an.
cl-keep = Zeigen Sie diese Checkliste am Schalter. Machen Sie am besten ein Bildschirmfoto davon.

## ---- Prüfung der Zeugin oder des Zeugen ----

wc-intro =
    Ich prüfe, ob jemand Ihre Zeugin oder Ihr Zeuge sein kann. Dazu frage ich nach dem Alter der Person, wann sie MitID bekommen hat, wie oft sie schon Zeugin oder Zeuge war und welchen Ausweis sie mitbringt.

    Ihre Datumsangaben nutze ich nur für diese Prüfung. Sie können sie jederzeit löschen – siehe „Was speichern Sie über mich?“ im Hauptmenü.
btn-wc-start = Prüfung starten
wc-adult-question = Ist die Person 18 Jahre oder älter?
wc-mitid-question = Wann hat die Person MitID bekommen? Schreiben Sie das Datum, zuerst den Tag, zum Beispiel 3.11.2025. Mit Uhrzeit: 3.11.2025 14:30
btn-wc-mitid-unknown = Die Person weiß es nicht
wc-mitid-unknown =
    Ihre Zeugin oder Ihr Zeuge muss zum Zeitpunkt Ihres Termins seit mindestens 30 Tagen (30 × 24 Stunden) MitID haben. Bitten Sie die Person nachzusehen, wann sie MitID bekommen hat, und prüfen Sie dann noch einmal.
btn-wc-enter-date = Datum eingeben
wc-appointment-known-question = Haben Sie Ihren Termin schon gebucht?
btn-wc-not-booked = Noch nicht
wc-appointment-question = Wann ist Ihr Termin? Schreiben Sie Datum und Uhrzeit, zum Beispiel 15.01. 10:00
wc-count-question = Wie oft war die Person in den letzten 120 Tagen für jemand anderen Zeugin oder Zeuge?
btn-wc-count-0 = Nie
btn-wc-count-1 = Einmal
btn-wc-count-2 = Zweimal
btn-wc-count-3-plus = Dreimal oder öfter
wc-photo-question = Welchen Ausweis mit Foto bringt die Person mit?
btn-wc-photo-licence = Dänischer Führerschein
btn-wc-photo-dk-passport-cpr = Dänischer Reisepass mit CPR-Nummer
btn-wc-photo-dk-passport-no-cpr = Dänischer Reisepass ohne CPR-Nummer
btn-wc-photo-permit-cpr = Aufenthaltserlaubnis mit CPR-Nummer
btn-wc-photo-permit-no-cpr = Aufenthaltserlaubnis ohne CPR-Nummer
btn-wc-photo-foreign-passport = Reisepass aus einem anderen Land
btn-wc-photo-foreign-id = Personalausweis aus einem anderen Land
wc-ok = ✅ Diese Person kann Ihre Zeugin oder Ihr Zeuge sein.
wc-not-ok = ❌ Diese Person kann nicht Ihre Zeugin oder Ihr Zeuge sein:
wc-problem-under18 = • Zeuginnen und Zeugen müssen 18 Jahre oder älter sein.
wc-not-yet = ⏳ Noch nicht: Die Person hat MitID erst seit weniger als 30 Tagen. Sie kann { $w_eligible_from } Ihre Zeugin oder Ihr Zeuge sein. Buchen Sie Ihren Termin für diesen Zeitpunkt oder später.
wc-problem-too-many = • Die Person war in den letzten 120 Tagen schon dreimal oder öfter Zeugin oder Zeuge.
wc-assumed-end-of-day = Sie haben keine Uhrzeit angegeben. Deshalb habe ich sicherheitshalber mit dem Ende des Tages gerechnet, an dem die Person MitID bekommen hat.
wc-no-appointment = Ich habe mit dem heutigen Datum gerechnet. Am Tag Ihres Termins muss die Person diese Regeln immer noch erfüllen.
wc-brings = Ihre Zeugin oder Ihr Zeuge muss die eigene MitID mitbringen – also das Handy mit der App oder den Codeanzeiger (kodeviser) – und dazu einen gültigen Ausweis mit Foto.
wc-brings-cpr-doc =
    Auf diesem Ausweis steht keine CPR-Nummer. Deshalb muss die Person außerdem eines dieser Dokumente mitbringen:
    • die gelbe Gesundheitskarte (sundhedskort), als Karte oder App,
    • eine Geburts- oder Taufurkunde (fødsels-/dåbsattest) aus Dänemark oder Grönland,
    • eine Personenstandsbescheinigung (personattest) oder Wohnsitzbescheinigung (bopælsattest) aus Dänemark oder Grönland,
    • einen kommunalen Ausweis (legitimationskort) zusammen mit der gelben Gesundheitskarte.
    Ein Steuerbescheid oder Vorauszahlungsbescheid zählt dafür nicht.
wc-cannot-find = Wenn Sie niemanden als Zeugin oder Zeugen finden, rufen Sie vor der Buchung den Bürgerservice unter { $phone } an.
btn-wc-another = Eine andere Person prüfen

## ---- Telegram ----

bot-short-description = Gut vorbereitet zum MitID-Termin beim Bürgerservice: Dokumente, Zeuge, Handy und Benutzer-ID.
bot-description =
    Der automatische Assistent des Bürgerservice der { $municipality }. Er hilft Ihnen, sich auf Ihren MitID-Termin vorzubereiten, damit Sie MitID bei einem Besuch bekommen: welche Dokumente Sie mitbringen müssen, ob Sie eine Zeugin oder einen Zeugen brauchen, wie Sie Ihr Handy vorbereiten und wie Sie einen Termin buchen.

    Er fragt nie nach Ihrem Passwort, Ihrer PIN oder Ihrer CPR-Nummer.
cmd-start = Starten oder Sprache wählen
cmd-menu = Hauptmenü
cmd-faq = Fragen und Antworten
cmd-witness = Prüfen, ob jemand mein Zeuge sein kann
cmd-userid = Wunsch-Benutzer-ID prüfen
cmd-checklist = Meine Checkliste zeigen
cmd-book = Termin buchen
cmd-language = Sprache ändern
cmd-restart = Die Vorbereitung neu beginnen
cmd-privacy = Was speichern Sie über mich?
cmd-forget = Alles löschen, was über mich gespeichert ist
cmd-help = So nutzen Sie diesen Bot
forget-done = Erledigt: Ich habe alles gelöscht, was ich über Sie gespeichert hatte. Schreiben Sie /start, wenn Sie neu beginnen möchten.
group-private-only = Ich helfe nur im privaten Chat, damit Ihre Antworten unter uns bleiben. Hier können Sie einen Chat mit mir öffnen: { $link }
edited-message = Ich lese nur neue Nachrichten. Bitte senden Sie Ihre Antwort noch einmal als neue Nachricht.
store-start-over = Entschuldigung, ich konnte unser früheres Gespräch nicht lesen. Wir fangen noch einmal von vorne an.
store-failed = Entschuldigung, bei uns ist etwas schiefgegangen, und ich konnte Ihre Antwort nicht speichern. Bitte versuchen Sie es gleich noch einmal oder rufen Sie Borgerservice unter { $phone } an.

## ---- Erinnerungen ----

btn-remind-me = An meinen Termin erinnern
remind-when-question = Wann ist Ihr Termin? Schreiben Sie Datum und Uhrzeit, zum Beispiel 3.12. 10 Uhr oder Donnerstag 9:30
remind-confirm = Ihr Termin ist am { $appointment }. Stimmt das?
btn-remind-yes = Ja, bitte erinnern
btn-remind-wrong = Nein, das stimmt nicht
remind-set = Gut. Ich erinnere Sie an Ihren Termin am { $appointment }:
remind-set-evening = • am Vorabend um { $evening_hour }:{ $evening_minute } Uhr, mit Ihrer Checkliste,
remind-set-soon = • { $before_hours ->
    [one] eine Stunde
   *[other] { $before_hours } Stunden
} vorher.
remind-set-calendar = Gut. Ihr Termin ist am { $appointment }. Von dieser Seite aus kann ich Ihnen keine Nachricht schicken. Tragen Sie den Termin deshalb mit der Kalenderdatei in Ihren Kalender ein. Ihr Kalender erinnert Sie dann:
remind-calendar-evening = • am Vorabend um { $evening_hour }:{ $evening_minute } Uhr,
reminders-calendar = Ihr Termin ist am { $appointment }. Tragen Sie ihn mit der Kalenderdatei in Ihren Kalender ein. Ihr Kalender erinnert Sie dann:
remind-set-how-to-cancel = Mit /reminders sehen Sie Ihre Erinnerungen und können sie abbestellen.
reminders-list = Sie haben eine Erinnerung für Ihren Termin am { $appointment }:
reminders-none = Sie haben keine Erinnerungen. Wenn Sie Ihre Checkliste erstellt haben, kann ich Sie an Ihren Termin erinnern.
btn-reminders-cancel = Erinnerungen abbestellen
reminders-cancelled = Ihre Erinnerungen sind abbestellt.
reminder-evening = ⏰ Erinnerung: Ihr MitID-Termin beim Bürgerservice ist morgen, am { $appointment }. Hier ist Ihre Checkliste:
reminder-soon = ⏰ Ihr MitID-Termin beim Bürgerservice beginnt bald: am { $appointment }. Denken Sie an Ihre Dokumente, Ihr Handy und – falls nötig – an Ihre Zeugin oder Ihren Zeugen. Bis gleich!
date-need-time = Bitte schreiben Sie auch die Uhrzeit Ihres Termins, zum Beispiel 3.12. 10 Uhr
date-ambiguous = Welche Uhrzeit meinen Sie?
date-option = { $when }
cmd-reminders = Meine Erinnerungen
## ---- Plakate und QR-Codes (mitid-bot qr) ----

qr-caption = Scannen Sie den Code mit Ihrem Handy und bereiten Sie sich auf Ihren MitID-Termin beim Bürgerservice der { $municipality } vor
