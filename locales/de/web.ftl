## The web chat's own words (src/web/): the page around the conversation, and the
## calendar file (src/calendar.rs). The conversation itself uses the same texts as Telegram.

web-title = MitID-Hilfe der { $municipality }
web-heading = Gut vorbereitet zu MitID
web-intro = Beantworten Sie einige kurze Fragen und erhalten Sie eine Checkliste für Ihren Besuch beim Bürgerservice (Borgerservice).
web-skip = Zum Gespräch springen
web-conversation = Gespräch
web-you = Ihre Antwort:
web-text-label = Schreiben Sie eine Frage, ein Datum oder eine Benutzer-ID, die Sie prüfen möchten
web-text-hint = Schreiben Sie nie Ihre CPR-Nummer, Ihr Passwort oder Ihre PIN. Ihre Fragen und Vorschläge für die Benutzer-ID werden automatisch beantwortet und nicht gespeichert. Datumsangaben werden mit Ihren Antworten gespeichert.
web-send = Senden
web-language = Sprache
web-new-window = (öffnet ein neues Fenster)
web-print = Checkliste drucken
web-calendar = Termin in Ihren Kalender eintragen
web-calendar-hint = Eine Kalenderdatei mit Erinnerung am Vorabend um { $evening_hour }:{ $evening_minute } Uhr und { $before_hours } Stunden vorher.
web-forget = Meine Antworten löschen
web-forget-hint = Löscht sofort alles, was zu diesem Gespräch gespeichert ist.
web-forget-done = Ihre Antworten sind gelöscht. Zu diesem Gespräch ist nichts mehr gespeichert.
web-start-again = Neu beginnen
web-privacy-note = Wir verwenden nur ein notwendiges Cookie, damit Sie das Gespräch fortsetzen können. Ihre Antworten werden { $retention_days } Tage nach Ihrer letzten Antwort gelöscht – oder { $retention_days } Tage nach Ihrem Termin, wenn dieser später ist. Sie können sie auch jederzeit selbst löschen: mit „Meine Antworten löschen“.
web-busy-title = Bitte warten Sie einen Moment
web-busy = Sie haben in kurzer Zeit viele Antworten gesendet. Bitte warten Sie eine Minute und versuchen Sie es dann erneut. Sie können auch den Bürgerservice unter { $phone } anrufen.
web-too-long-title = Die Nachricht ist zu lang
web-too-long = Ihre Nachricht ist für mich zu lang. Bitte schreiben Sie etwas kürzer und versuchen Sie es erneut.
web-not-found-title = Seite nicht gefunden
web-not-found = Diese Seite gibt es nicht. Gehen Sie zurück zum Gespräch, oder rufen Sie den Bürgerservice unter { $phone } an.
web-no-appointment = Ich kenne die Uhrzeit Ihres Termins noch nicht. Wählen Sie unter Ihrer Checkliste „An meinen Termin erinnern“ und schreiben Sie Datum und Uhrzeit.
web-back = Zurück zum Gespräch

calendar-caption = Ihr Termin als Kalenderdatei. Öffnen Sie sie, um den Termin in Ihren Kalender einzutragen.
calendar-summary = MitID beim Bürgerservice, { $municipality }
calendar-location = Bürgerservice (Borgerservice), { $address }
calendar-description =
    Ihr MitID-Termin beim Bürgerservice (Borgerservice).

    Denken Sie an Ihre Dokumente, Ihr Handy oder Ihren Codeanzeiger und an Ihre Zeugin oder Ihren Zeugen, falls Sie eine oder einen brauchen. Ihre Checkliste finden Sie im Chat.

    Sie können nicht kommen? Rufen Sie den Bürgerservice unter { $phone } an.
calendar-alarm-evening = Morgen ist Ihr MitID-Termin beim Bürgerservice. Denken Sie an Ihre Dokumente.
calendar-alarm-soon = Ihr MitID-Termin beim Bürgerservice ist bald.
