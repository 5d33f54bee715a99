# More FAQ answers (issue 14): the new topics, the source line under every answer, and the
# buttons "this helped" / "this did not help". The topics are in dialogues/faq/match.toml.
# Variables: { $municipality }, { $phone }, { $booking_url }, { $municipality_url },
# { $address }, { $opening_hours }, { $opening_hours_known } (yes/no).

faq-home-q = Kann ich MitID zu Hause bekommen?
faq-home =
    Oft ja. Mit einem gültigen Reisepass oder einem Personalausweis mit Chip bekommen Sie MitID zu Hause mit der MitID-App. Ein Termin ist nicht nötig.
    Sie brauchen ein Handy, das den Pass scannen kann (Kamera und Chip-Lesen). Sie können sich eines leihen, zum Beispiel von Angehörigen. Auf dem Handy wird nichts über Sie gespeichert.
    Öffnen Sie die MitID-App und folgen Sie den Schritten: Pass scannen, Chip lesen, Gesicht scannen und eine Benutzer-ID wählen.
    Das Chip-Symbol ist ein kleines Rechteck mit einem Kreis, auf dem Umschlag des Passes oder auf der Karte. Abgelaufene Dokumente funktionieren nicht, und die App kann nicht jeden ausländischen Chip lesen.
    Hat es nicht geklappt? Dann buchen Sie einen Termin beim Bürgerservice und bringen Sie Ihre Dokumente mit: { $booking_url }

faq-digital-documents-q = Zählen Dokumente auf dem Handy?
faq-digital-documents =
    Nur zwei Apps zählen: die dänische Führerschein-App (kørekort-appen) und die App der Gesundheitskarte (sundhedskort-appen).
    Beide Apps öffnen Sie nur mit MitID. Wenn Sie Ihre erste MitID bekommen, bringen Sie bitte die Karte selbst mit.
    Ein Foto, eine Kopie oder ein PDF eines Dokuments zählt nicht. Auch die AltID-App zählt nicht: Sie steht nicht auf der Liste der anerkannten Dokumente von mitid.dk.
    Unsicher? Rufen Sie den Bürgerservice unter { $phone } an.

faq-p-code-q = Was ist ein P-Code?
faq-p-code =
    Ohne CPR-Nummer können Sie MitID zu Hause mit Ihrem Reisepass und einem P-Code (P-kode) bekommen.
    Der P-Code hat 8 Ziffern. Sie bekommen ihn beim MitID-Support unter { $support_phone } oder bei einem Bürgerservice. Er gilt 60 Tage, und Sie haben 3 Versuche.
    Aber: Eine MitID mit P-Code funktioniert bei den meisten Selbstbedienungslösungen nicht, die eine CPR-Nummer brauchen.
    Die { $municipality } hilft Bürgerinnen und Bürgern mit CPR-Nummer.

faq-opening-hours-q = Wann hat der Bürgerservice geöffnet?
faq-opening-hours =
    { $opening_hours_known ->
        [yes] Der Bürgerservice hat geöffnet: { $opening_hours }
       *[other] Die Öffnungszeiten des Bürgerservice finden Sie auf { $municipality_url }
    }
    Bitte buchen Sie einen Termin, bevor Sie kommen: { $booking_url }
    Fragen? Rufen Sie den Bürgerservice unter { $phone } an.

faq-new-phone-copy =
    Neues Handy, und die App funktioniert auf dem alten noch? Dann können Sie die App selbst kopieren: Halten Sie beide Handys nah beieinander und schalten Sie Bluetooth ein (bei älteren Android-Handys auch den Standort). Es dauert eine Weile, bis die App auf dem neuen Handy funktioniert.

faq-can-help =
    Ich helfe Ihnen, sich auf MitID vorzubereiten: welche Dokumente Sie mitbringen, ob Sie eine Zeugin oder einen Zeugen brauchen, Ihr Handy und die App, und die Terminbuchung: { $booking_url }

btn-faq-helped = 👍 Das hat geholfen
btn-faq-not-helped = 👎 Das hat nicht geholfen
faq-feedback-thanks = Vielen Dank für Ihre Rückmeldung!
faq-feedback-sorry =
    Das tut uns leid. Fragen Sie gern mit anderen Worten, wählen Sie eine Frage aus der Liste, oder rufen Sie den Bürgerservice unter { $phone } an.
    Einen Termin buchen Sie hier: { $booking_url }

## The source of each answer, shown under it.
faq-power-of-attorney-source = Quelle: mitid.dk – https://www.mitid.dk
faq-sharing-source = Quelle: { $municipality } – { $municipality_url }
faq-voluntary-source = Quelle: { $municipality } – { $municipality_url }
faq-home-source = Quelle: mitid.dk – https://www.mitid.dk/en-gb/get-started-with-mitid/get-mitid-with-passport/
faq-documents-source = Quelle: mitid.dk – https://www.mitid.dk/en-gb/help/help-universe/mitid-and-documentation/?language=en-gb
faq-digital-documents-source = Quelle: mitid.dk – https://www.mitid.dk/en-gb/help/help-universe/mitid-and-documentation/?language=en-gb
faq-cpr-document-source = Quelle: mitid.dk – https://www.mitid.dk/en-gb/help/help-universe/mitid-and-documentation/?language=en-gb
faq-witness-needed-source = Quelle: mitid.dk – https://www.mitid.dk/en-gb/help/help-universe/mitid-and-documentation/?language=en-gb
faq-witness-renewal-source = Quelle: mitid.dk – https://www.mitid.dk/en-gb/help/help-universe/mitid-and-documentation/?language=en-gb
faq-who-witness-source = Quelle: mitid.dk – https://www.mitid.dk/en-gb/help/help-universe/mitid-and-documentation/?language=en-gb
faq-booking-source = Quelle: { $municipality } – { $municipality_url }
faq-staff-help-source = Quelle: { $municipality } – { $municipality_url }
faq-phone-cannot-run-app-source = Quelle: mitid.dk – https://www.mitid.dk
faq-new-phone-source = Quelle: mitid.dk – https://www.mitid.dk/en-gb/help/help-universe/mitid-app/copy-app
faq-code-display-source = Quelle: mitid.dk – https://www.mitid.dk
faq-userid-password-pin-source = Quelle: mitid.dk – https://www.mitid.dk
faq-password-reset-source = Quelle: mitid.dk – https://www.mitid.dk
faq-age-source = Quelle: mitid.dk – https://www.mitid.dk
faq-no-cpr-source = Quelle: mitid.dk – https://www.mitid.dk/en-gb/help/help-universe/non-citizens/
faq-p-code-source = Quelle: mitid.dk – https://www.mitid.dk/en-gb/help/help-universe/mitid-app/p-code
faq-phone-number-source = Quelle: { $municipality } – { $municipality_url }
faq-where-source = Quelle: { $municipality } – { $municipality_url }
faq-opening-hours-source = Quelle: { $municipality } – { $municipality_url }
