## mitid-bot, Deutsch: Hinweise, die am Tag des Termins stimmen müssen.
## Was nicht zählt, was man vor der Buchung besorgen muss, die CPR-Dokumente der Zeugin oder
## des Zeugen, Erneuerungen, Handys ohne MitID-App und die Quelle jeder Regel (mitid.dk).

## ---- Dokumente ----

docs-not-accepted =
    Das zählt nicht:
    • abgelaufene Dokumente – prüfen Sie das Ablaufdatum Ihres Reisepasses oder Ausweises,
    • vorläufige Dokumente, zum Beispiel ein Notpass,
    • Fotos, Scans oder PDFs eines Dokuments,
    • AltID, die App für den digitalen Ausweis.
docs-first-time-cards = Bekommen Sie MitID zum ersten Mal? Dann bringen Sie die Karten selbst mit. Die Führerschein-App und die Gesundheitskarten-App lassen sich nur mit MitID öffnen, deshalb können Sie sie noch nicht vorzeigen.
tax-recent-question-dated = Ihr Termin ist am { $appointment_date }. Ist Ihr Steuerbescheid (årsopgørelse) oder Vorauszahlungsbescheid (forskudsopgørelse) an diesem Tag höchstens 3 Monate alt?
benefit-recent-question-dated = Ihr Termin ist am { $appointment_date }. Ist Ihr Nachweis über öffentliche Leistungen an diesem Tag höchstens 3 Monate alt?
docs-get-first = Besorgen Sie das zuerst, und buchen Sie Ihren Termin, wenn Sie es haben:

# Was zu besorgen ist, wenn die Dokumente nicht reichen (je eine Zeile; Fakt docs_to_get).
get-yellow-card = • Die gelbe Gesundheitskarte (sundhedskort) als Karte, nicht nur in der App. Haben Sie sie verloren oder nie bekommen, rufen Sie den Bürgerservice unter { $phone } an und bestellen Sie eine.
get-special-card = • Die spezielle Gesundheitskarte für Grenzpendler (særligt sundhedskort), für Menschen, die im Ausland wohnen und in Dänemark arbeiten. Rufen Sie den Bürgerservice unter { $phone } an und fragen Sie, wie Sie sie beantragen.
get-tax = • Oder ein Schreiben der dänischen Steuerbehörde (Skattestyrelsen): Ihren Steuerbescheid (årsopgørelse) oder Vorauszahlungsbescheid (forskudsopgørelse). Er darf am Tag Ihres Termins höchstens 3 Monate alt sein.
get-ask = • Ein Dokument, auf dem Ihre CPR-Nummer steht. Rufen Sie den Bürgerservice unter { $phone } an und fragen Sie, welches Sie bekommen können.
get-photo-id = • Einen gültigen Ausweis mit Foto: einen Reisepass oder Personalausweis (keinen vorläufigen). Wenn Sie in Dänemark wohnen, können Sie auch bei Ihrer Kommune einen kommunalen Ausweis (legitimationskort) bestellen. Das dauert einige Wochen.
get-photo-id-too = • Und außerdem einen gültigen Ausweis mit Foto: einen Reisepass oder Personalausweis (keinen vorläufigen). Wenn Sie in Dänemark wohnen, können Sie auch bei Ihrer Kommune einen kommunalen Ausweis (legitimationskort) bestellen. Das dauert einige Wochen.
get-second-doc = • Ein weiteres Dokument aus der Liste, zum Beispiel die gelbe Gesundheitskarte (sundhedskort).

## ---- Zeugin oder Zeuge ----

witness-why = Am Schalter stellt Ihnen das System 4–6 Fragen aus dem CPR-Register. Wenn das Register zu wenig über Sie weiß, muss eine Zeugin oder ein Zeuge bestätigen, wer Sie sind.

# Die einzigen Dokumente, die die CPR-Nummer der Zeugin oder des Zeugen zeigen (mitid-rules.md §2).
-witness-cpr-documents =
       – die gelbe Gesundheitskarte (sundhedskort), als Karte oder App,
       – eine Geburts- oder Taufurkunde (fødsels-/dåbsattest) aus Dänemark oder Grönland,
       – eine Personenstandsbescheinigung (personattest) oder Wohnsitzbescheinigung (bopælsattest) aus Dänemark oder Grönland,
       – einen kommunalen Ausweis (legitimationskort) zusammen mit der gelben Gesundheitskarte.
    Andere Unterlagen, zum Beispiel Steuerbescheide, zählen für die Zeugin oder den Zeugen nicht.

## ---- Handy oder Codeanzeiger ----

device-app-will-not-work = Dann funktioniert die MitID-App auf Ihrem Handy nicht. Das gilt für gerootete oder gejailbreakte Handys, für Handys ohne Google Play oder App Store (zum Beispiel manche Huawei-Handys) und für Android 9 oder älter. Daran können unsere Mitarbeiterinnen und Mitarbeiter nichts ändern. Für Sie ist ein Codeanzeiger (kodeviser) der richtige Weg: Er braucht kein Handy.

## ---- Quellen: worauf jede Regel beruht, damit Sie und unser Team sie prüfen können ----

source-documents = Quelle (auf Englisch): https://www.mitid.dk/en-gb/help/help-universe/mitid-and-documentation/
source-witness = Quelle (auf Englisch): https://www.mitid.dk/en-gb/help/help-universe/mitid-and-documentation/
source-app = Quelle (auf Englisch): https://www.mitid.dk/en-gb/help/help-universe/when-you-get-mitid/
source-password = Quelle (auf Englisch): https://www.mitid.dk/en-gb/help/help-universe/mitid-password/
source-userid = Quelle (auf Englisch): https://www.mitid.dk/en-gb/help/help-universe/mitid-user/

## ---- Die Checkliste ----

cl-docs-not-accepted = 📄 Nur Originale: keine Fotos, Scans oder PDFs, keine vorläufigen Dokumente wie einen Notpass und nicht die AltID-App.
cl-renew-bring = 🔑 { $renew_why ->
    [password] Bringen Sie Ihren Codeanzeiger (kodeviser) mit – und Ihr Handy mit der MitID-App, wenn Sie eines haben. Am Schalter bekommen Sie einen Aktivierungscode für ein neues Passwort.
    [code_display] Am Schalter bekommen Sie einen neuen Codeanzeiger (kodeviser). Bringen Sie Ihr Handy mit der MitID-App mit, wenn Sie eines haben.
   *[other] Bringen Sie mit, womit Sie MitID heute nutzen: Ihren Codeanzeiger (kodeviser) oder Ihr Handy mit der MitID-App.
} Sie brauchen dieselben Dokumente wie für eine neue MitID (siehe oben).
cl-renew-support = ☎️ { $renew_why ->
    [password] Vielleicht hilft Ihnen der MitID-Support auch ohne Termin: Rufen Sie { $support_phone } an. Nach einigen Fragen zu Ihrer Person kann er Ihnen einen Aktivierungscode per SMS schicken. Das geht nicht, wenn Ihre Handynummer bei MitID in den letzten 5 Tagen geändert wurde – dann kommen Sie zum Bürgerservice. Quelle (auf Englisch): https://www.mitid.dk/en-gb/help/help-universe/mitid-password/get-new-mitid-password/
    [code_display] Der MitID-Support kann Ihren verlorenen Codeanzeiger sperren und Ihnen sagen, was Sie sonst tun können: Rufen Sie { $support_phone } an.
   *[other] Vielleicht hilft Ihnen der MitID-Support auch ohne Termin: Rufen Sie { $support_phone } an.
}
cl-no-app = 📱 Die MitID-App funktioniert auf Ihrem Handy nicht, deshalb nutzen Sie einen Codeanzeiger (kodeviser).
cl-userid-renew = 👤 Ihre Benutzer-ID behalten Sie. Merken Sie sie sich – Sie geben sie bei jeder Anmeldung ein. Vergessen? Der MitID-Support ({ $support_phone }) oder unser Team am Schalter hilft Ihnen, sie zu finden.
cl-book-after = 📅 Wenn Sie es haben, buchen Sie Ihren Termin: { $booking_url }
    Fragen? Rufen Sie den Bürgerservice unter { $phone } an.
