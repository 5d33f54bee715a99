## mitid-bot, Deutsch: wer gar nicht kommen muss. MitID von zu Hause mit Reisepass oder
## Personalausweis mit Chip, Erneuerungen, die man selbst erledigt, und die ersten Fragen
## der Vorbereitung. Fakten: mitid-rules.md Abschnitt 0. Links: die Anleitung von mitid.dk.

## ---- Begrüßung und Menü ----

btn-start-first = Ich brauche MitID zum ersten Mal
btn-start-renew = Ich habe MitID, aber etwas hat sich geändert
btn-home = Kann ich MitID von zu Hause bekommen?
btn-home-chip = Ich habe einen Pass oder Ausweis mit Chip

## ---- Die erste Frage ----

cpr-age-question = Haben Sie eine dänische CPR-Nummer (Personennummer), und sind Sie mindestens 13 Jahre alt?
btn-cpr-age-yes = Ja, und ich bin 13 oder älter
btn-cpr-none = Ich habe keine CPR-Nummer
btn-under-13 = Ich bin jünger als 13

no-cpr-home =
    Vielleicht können Sie MitID aber von zu Hause bekommen: mit der MitID-App und einem Reisepass oder Personalausweis mit Chip. Statt einer CPR-Nummer verwenden Sie dann einen P-Code vom MitID-Support.

## ---- Erneuerung: die eine Frage, die entscheidet ----

btn-reason-userid = Ich habe meine Benutzer-ID vergessen

renew-still-works = { $renew_why ->
    [new_phone] Funktioniert die MitID-App auf Ihrem alten Handy noch?
    [password] Können Sie sich noch mit der MitID-App anmelden?
   *[other] Können Sie sich noch mit Ihrer MitID anmelden, zum Beispiel mit der App?
}

self-service-copy-app =
    Gute Nachricht: Sie brauchen keinen Termin. Sie können die MitID-App selbst von Ihrem alten Handy auf das neue kopieren:
    • Installieren Sie die MitID-App auf dem neuen Handy.
    • Öffnen Sie die App auf dem alten Handy, dann das Menü, tippen Sie auf „Aktivieren“ und wählen Sie, Ihre MitID in eine neue App zu kopieren.
    • Aus Sicherheitsgründen warten Sie danach 1 Stunde. Die App sagt Ihnen, wenn die Zeit um ist.
    • Halten Sie beide Handys nah beieinander, mit eingeschaltetem Bluetooth. Bei einem älteren Android-Handy schalten Sie auch den Standort ein.
    • Scannen Sie mit dem neuen Handy den QR-Code auf dem alten.
    • Sie können bis zu 3 aktive Apps haben.

    Schritt für Schritt auf mitid.dk (auf Englisch): https://www.mitid.dk/en-gb/help/help-universe/mitid-app/copy-app/
self-service-password =
    Gute Nachricht: Sie brauchen keinen Termin. Melden Sie sich mit der MitID-App auf MitID.dk an und wählen Sie auf Ihrer Profilseite ein neues Passwort für Ihren Codeanzeiger (kodeviser). Zu Ihrer Sicherheit müssen Sie 24 Stunden warten, nachdem Sie die Änderung beantragt haben.

    MitID.dk: https://www.mitid.dk/en-gb/
self-service-password-support =
    Rufen Sie den MitID-Support an: { $support_phone }. Er kann Ihnen ein vorläufiges Passwort schicken.

    Das geht nicht, wenn die Handynummer in Ihrer MitID in den letzten 5 Tagen geändert wurde. Dann kommen Sie bitte zum Bürgerservice.
self-service-userid =
    Gute Nachricht: Sie brauchen keinen Termin. Ihre Benutzer-ID sehen Sie auf MitID.dk und in der MitID-App, sobald Sie bestätigt haben, wer Sie sind.

    MitID.dk: https://www.mitid.dk/en-gb/
self-service-code-display =
    Gute Nachricht: Sie brauchen keinen Termin. Melden Sie sich mit der MitID-App auf MitID.dk an und sperren Sie den verlorenen Codeanzeiger (kodeviser). Sehen Sie dann auf MitID.dk nach, was Sie noch tun können, oder rufen Sie den MitID-Support an: { $support_phone }.

    MitID.dk: https://www.mitid.dk/en-gb/
self-service-other =
    Solange Sie sich mit der App anmelden können, erledigen Sie vieles selbst auf MitID.dk – ohne Termin.

    MitID.dk: https://www.mitid.dk/en-gb/
    Auch der MitID-Support hilft: { $support_phone }.
btn-self-service-try = Danke, das probiere ich
btn-self-service-failed = Es hat nicht geklappt

## ---- Müssen Sie überhaupt kommen? ----

home-question =
    Vielleicht müssen Sie gar nicht kommen. Mit der MitID-App bekommen Sie MitID von zu Hause, wenn Sie beides haben:
    • einen gültigen Reisepass oder Personalausweis mit Chip. Achten Sie auf das Chip-Symbol auf dem Umschlag oder der Karte: ein kleines Rechteck mit einem Kreis darin.
    • ein Handy, das den Chip lesen kann (NFC), mit aktuellem System. Es kann auch das Handy einer Person sein, die Ihnen hilft.

    Haben Sie beides?
btn-home-yes = Ja, ich habe beides
btn-home-no-chip = Nein, kein Pass oder Ausweis mit Chip
btn-home-no-phone = Nein, kein Handy, das ihn lesen kann
btn-home-tried = Ich habe es versucht, es hat nicht geklappt

home-guide =
    🏠 Sie können MitID wahrscheinlich von zu Hause bekommen. Legen Sie bereit:
    • Ihren Reisepass oder Personalausweis mit Chip,
    • das Handy mit der installierten MitID-App,
    • Ihr eigenes Handy für einen Code per SMS,
    • gutes Licht und etwa 15 Minuten Zeit.

    In der MitID-App:
    • Tippen Sie auf „Get started“ (auf Dänisch „Kom i gang“) und wählen Sie Pass oder Ausweis.
    • Scannen Sie den Code unten auf der Seite mit dem Foto (er beginnt mit „P“). Beim Personalausweis steht er auf der Rückseite und beginnt mit „I“.
    • Halten Sie den Pass oder Ausweis an das Handy, damit es den Chip lesen kann.
    • Scannen Sie Ihr Gesicht.
    • Wählen Sie Ihre Benutzer-ID.
    • Aktivieren Sie die App mit einer vorläufigen PIN, die Sie per SMS bekommen – oder bestellen Sie einen Codeanzeiger (kodeviser).

    Die Anleitung von mitid.dk, Schritt für Schritt (auf Englisch): https://www.mitid.dk/en-gb/get-started-with-mitid/get-mitid-with-passport/
home-pcode =
    Sie haben keine CPR-Nummer. Deshalb brauchen Sie stattdessen einen P-Code (8 Ziffern). Den bekommen Sie beim MitID-Support: { $support_phone }. Er gilt 60 Tage, und Sie haben 3 Versuche.

    Bitte beachten Sie: Eine MitID, die mit einem P-Code erstellt wurde, können Sie für die meisten Selbstbedienungen, die eine CPR-Nummer brauchen, nicht nutzen.
home-pcode-if =
    Keine CPR-Nummer? Dann brauchen Sie stattdessen einen P-Code (8 Ziffern). Den bekommen Sie beim MitID-Support: { $support_phone }. Er gilt 60 Tage, und Sie haben 3 Versuche. Eine MitID, die mit einem P-Code erstellt wurde, können Sie für die meisten Selbstbedienungen, die eine CPR-Nummer brauchen, nicht nutzen.
home-helper =
    Jemand kann Ihnen sein Handy leihen und Ihnen helfen. Auf diesem Handy wird nichts über Sie gespeichert. Bitten Sie die Person, wegzuschauen, während Sie Ihre Benutzer-ID wählen.
home-if-fails =
    Wenn das Scannen nicht klappt:
    • suchen Sie besseres Licht, ohne Spiegelungen auf der Seite,
    • nehmen Sie das Handy aus der Hülle,
    • nehmen Sie für den Gesichtsscan die Brille ab,
    • versuchen Sie es mit einem anderen Handy.

    Manche ausländischen Chips kann die App nicht lesen. Dann kommen Sie zum Bürgerservice – ich helfe Ihnen gern bei der Vorbereitung.
btn-home-try = Ich versuche es von zu Hause
btn-home-failed = Das Scannen hat nicht geklappt
btn-home-anyway = Trotzdem auf den Bürgerservice vorbereiten

home-done =
    Viel Erfolg! Wenn es nicht klappt, kommen Sie zurück und tippen Sie auf „Das Scannen hat nicht geklappt“. Dann helfe ich Ihnen, sich auf den Bürgerservice vorzubereiten – mit den Antworten, die Sie schon gegeben haben.

## ---- Was das CPR-Register über Sie weiß ----

history-question =
    Wie lange wohnen Sie schon in Dänemark, und sind Sie umgezogen oder haben Sie Kinder?

    Am Schalter beantworten Sie Fragen aus dem CPR-Register. Je mehr es über Sie weiß, desto weniger wahrscheinlich brauchen Sie eine Zeugin oder einen Zeugen.
btn-history-both = 5 Jahre oder länger, mehrmals umgezogen, Kinder
btn-history-moved = 5 Jahre oder länger, mehrmals umgezogen, keine Kinder
btn-history-children = 5 Jahre oder länger, selten umgezogen, Kinder
btn-history-neither = 5 Jahre oder länger, selten umgezogen, keine Kinder
btn-history-under-5 = Weniger als 5 Jahre

## ---- Plakat für den Wartebereich (mitid-bot qr --topic home) ----

qr-caption-home = Vielleicht müssen Sie nicht warten: Scannen Sie den Code und sehen Sie, ob Sie MitID von zu Hause bekommen
