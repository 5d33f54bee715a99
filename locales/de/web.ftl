## The web chat's own words (src/web/): the page around the conversation, and the
## calendar file (src/calendar.rs). The conversation itself uses the same texts as Telegram;
## where the web works differently, a text selects on `$channel` (`[web]`).

web-title = MitID-Hilfe der { $municipality }
web-heading = Bereit für MitID
web-intro = Beantworten Sie einige kurze Fragen und erhalten Sie eine Checkliste für Ihren Besuch beim Bürgerservice (Borgerservice).
web-skip = Zum Gespräch springen
web-conversation = Gespräch
web-you = Sie:
web-text-label = Schreiben Sie Ihre Antwort oder Ihre Frage
web-text-hint = Schreiben Sie nie Ihre CPR-Nummer, Ihr Passwort oder Ihre PIN. Ihre Fragen und Vorschläge für die Benutzer-ID werden automatisch beantwortet und nicht gespeichert. Datumsangaben werden mit Ihren Antworten gespeichert.
web-send = Senden
web-language = Sprache
web-new-window = (öffnet in einem neuen Fenster)
web-print = Checkliste drucken
web-calendar = Termin in Ihren Kalender eintragen
web-calendar-hint = Die Kalenderdatei hat zwei Erinnerungen: am Vorabend um { $evening_hour }:{ $evening_minute } Uhr und { $before_hours ->
        [one] eine Stunde
       *[other] { $before_hours } Stunden
    } vorher. Prüfen Sie, ob Ihr Kalender sie anzeigt.
web-forget = Meine Antworten löschen
web-forget-hint = Löscht sofort alles, was zu diesem Gespräch gespeichert ist.
web-forget-done-title = Ihre Antworten sind gelöscht
web-forget-done = Zu diesem Gespräch ist nichts mehr gespeichert.
web-start-again = Neu anfangen
web-privacy-note = Wir verwenden nur ein notwendiges Cookie, damit Sie das Gespräch fortsetzen können. Ihre Antworten werden { $retention_days } Tage nach Ihrer letzten Antwort gelöscht – oder { $retention_days } Tage nach Ihrem Termin, wenn dieser später ist. Sie können sie auch jederzeit selbst löschen: mit „Meine Antworten löschen“.
web-busy-title = Bitte warten Sie einen Moment
web-busy = In kurzer Zeit sind viele Nachrichten eingegangen. Bitte warten Sie eine Minute und versuchen Sie es dann erneut. Sie können auch den Bürgerservice unter { $phone } anrufen.
web-too-long-title = Die Nachricht ist zu lang
web-too-long = Ihre Nachricht ist für mich zu lang. Bitte fassen Sie sich etwas kürzer und versuchen Sie es erneut.
web-not-found-title = Seite nicht gefunden
web-not-found = Diese Seite gibt es nicht. Gehen Sie zurück zum Gespräch, oder rufen Sie den Bürgerservice unter { $phone } an.
web-no-appointment-title = Die Uhrzeit Ihres Termins fehlt
web-no-appointment = Ich kenne die Uhrzeit Ihres nächsten Termins nicht. Wählen Sie unter Ihrer Checkliste „An meinen Termin erinnern“, und schreiben Sie Datum und Uhrzeit.
web-back = Zurück zum Gespräch

calendar-caption = Ihr Termin als Kalenderdatei. Öffnen Sie sie, um den Termin in Ihren Kalender einzutragen.
calendar-summary = MitID beim Bürgerservice, { $municipality }
calendar-location = Bürgerservice (Borgerservice), { $address }
calendar-description =
    Ihr MitID-Termin beim Bürgerservice (Borgerservice).

    Denken Sie an Ihre Dokumente und – falls nötig – an Ihre Zeugin oder Ihren Zeugen. Bringen Sie Ihr Handy mit der MitID-App mit, oder Ihren Codeanzeiger (kodeviser) oder Codevorleser (kodeoplæser), wenn Sie schon einen haben. Bringen Sie Ihre Checkliste mit, ausgedruckt oder als Bildschirmfoto.

    Steht in Ihrer Terminbestätigung eine andere Adresse, gehen Sie bitte dorthin.

    Können Sie nicht kommen? Dann rufen Sie den Bürgerservice unter { $phone } an.
calendar-alarm-evening = Morgen ist Ihr MitID-Termin beim Bürgerservice. Denken Sie an Ihre Dokumente.
calendar-alarm-soon = Ihr MitID-Termin beim Bürgerservice beginnt bald.
