# Fragen und Antworten (FAQ). Die Themen und ihre IDs stehen in dialogues/faq/match.toml.
# faq-<thema>-q ist die Schaltfläche (höchstens 40 Zeichen), faq-<thema> die Antwort.
# Variablen: { $municipality }, { $phone }, { $booking_url }.

faq-menu = Was möchten Sie wissen?
faq-unsure = Meinten Sie eine dieser Fragen?
faq-none =
    Das habe ich leider nicht verstanden.
    Wählen Sie eine Frage aus dem Menü, buchen Sie einen Termin unter { $booking_url } oder rufen Sie den Bürgerservice unter { $phone } an.

faq-power-of-attorney-q = Vollmacht für die MitID eines anderen?
faq-power-of-attorney =
    Mit einer digitalen Vollmacht (Digital Fuldmagt) können Sie mit Ihrer eigenen MitID für eine andere Person handeln.
    Niemand kann aber eine Vollmacht für die MitID eines anderen Menschen bekommen – auch nicht für die MitID Ihres Kindes, Ihres Partners oder Ihrer Eltern.
    Mehr dazu auf https://www.borger.dk (suchen Sie nach „Digital Fuldmagt“).

faq-sharing-q = Darf jemand anderes meine MitID nutzen?
faq-sharing =
    Ihre MitID ist persönlich, und nur Sie dürfen sie benutzen.
    Niemand sonst darf Ihre Benutzer-ID oder Ihr Passwort kennen oder Ihre MitID-App benutzen – auch nicht Ihre Familie.
    Erfährt die { $municipality }, dass jemand anderes Zugang zu Ihrer MitID hat, muss sie Ihre MitID sperren.
    Soll jemand anderes Ihre Angelegenheiten erledigen, können Sie dieser Person eine digitale Vollmacht (Digital Fuldmagt) auf https://www.borger.dk geben.

faq-voluntary-q = Muss ich MitID haben?
faq-voluntary =
    Nein, MitID ist freiwillig.
    Die meisten öffentlichen Online-Dienste in Dänemark setzen aber MitID voraus, zum Beispiel Digital Post und borger.dk.
    Ohne MitID ist es deshalb schwerer, Ihre Angelegenheiten selbst online zu erledigen.

faq-documents-q = Welche Dokumente muss ich mitbringen?
faq-documents =
    Bringen Sie gültige Originale mit – keine Kopien, Fotos oder vorläufigen Dokumente.
    Eines dieser Dokumente reicht allein: Ihr dänischer Führerschein (Karte oder App), ein dänischer Reisepass mit Ihrer CPR-Nummer oder eine in Dänemark ausgestellte Aufenthaltserlaubnis mit Foto und CPR-Nummer.
    Sonst brauchen Sie zwei Dokumente:
    • eines mit Ihrer CPR-Nummer, z. B. die gelbe Gesundheitskarte (sundhedskort) oder die spezielle Gesundheitskarte für Grenzpendler (særligt sundhedskort),
    • eines mit Foto, z. B. Ihren Personalausweis oder Reisepass.
    Bekommen Sie MitID zum ersten Mal? Dann bringen Sie Führerschein und Gesundheitskarte als Karte mit: Die Apps lassen sich meist nur mit MitID öffnen.
    Andere Dokumente zählen nicht. Die ganze Liste (auf Englisch): https://www.mitid.dk/en-gb/help/help-universe/mitid-and-documentation/
    Unsicher? Rufen Sie den Bürgerservice unter { $phone } an.

faq-witness-renewal-q = Brauche ich wieder einen Zeugen?
faq-witness-renewal =
    Brauchten Sie beim letzten Mal eine Zeugin oder einen Zeugen für Ihre MitID? Dann brauchen Sie höchstwahrscheinlich wieder jemanden.
    Suchen Sie sich eine Zeugin oder einen Zeugen, bevor Sie einen Termin buchen.
    Finden Sie niemanden, rufen Sie vor der Buchung den Bürgerservice unter { $phone } an.

faq-booking-q = Muss ich einen Termin buchen?
faq-booking =
    Ja, buchen Sie immer einen Termin: { $booking_url }
    Mit Termin helfen wir Ihnen zur gebuchten Zeit. Ohne Termin können wir nur helfen, wenn Zeit ist.
    Funktioniert Ihre MitID noch? Dann können Sie ein neues Handy oder ein neues Passwort oft selbst auf https://www.mitid.dk einrichten – ganz ohne Termin.

faq-staff-help-q = Wobei helfen Sie mir mit dem Handy?
faq-staff-help =
    Wir helfen Ihnen, die MitID-App im App Store oder bei Google Play zu finden, sie auf einem normalen Handy zu aktivieren, und zeigen Ihnen, wie sie funktioniert.
    Wir sind keine IT-Fachleute. Technische Probleme, wenn sich die App nicht installieren lässt oder nicht läuft, können wir nicht lösen.
    Bitte installieren Sie die App, bevor Sie kommen.

faq-phone-cannot-run-app-q = Die App läuft nicht auf meinem Handy
faq-phone-cannot-run-app =
    Die MitID-App braucht ein Handy oder Tablet mit Google Play oder App Store.
    Auf gerooteten oder gejailbreakten Geräten läuft sie nicht, ebenso wenig auf Android 9 und älter.
    Auf einem Gerät, das die App nicht unterstützt, können wir sie nicht zum Laufen bringen.
    Stattdessen können Sie einen Codeanzeiger (kodeviser) oder Codevorleser (kodeoplæser) nutzen. Die ersten 3 sind kostenlos.

faq-cpr-document-q = Wo bekomme ich ein Papier mit CPR-Nr.?
faq-cpr-document =
    Wenn Sie in Dänemark wohnen: Die gelbe Gesundheitskarte (sundhedskort) bekommen Sie beim Bürgerservice der { $municipality }. Die Karte in der App zählt auch, aber ohne MitID lässt sich die App meist nicht öffnen.
    Wenn Sie im Ausland wohnen und in Dänemark arbeiten (z. B. mit Wohnsitz in Deutschland): Sie brauchen die spezielle Gesundheitskarte für Grenzpendler (særligt sundhedskort).
    Oder Sie nutzen Ihren Steuerbescheid (årsopgørelse) oder Vorauszahlungsbescheid (forskudsopgørelse) der dänischen Steuerbehörde. Er darf am Tag Ihres Termins höchstens 3 Monate alt sein.
    Bringen Sie außerdem ein Dokument mit Foto mit.

faq-userid-password-pin-q = Benutzer-ID, Passwort, PIN: Was ist was?
faq-userid-password-pin =
    Die Benutzer-ID ist Ihr Benutzername. Sie geben sie bei jeder Anmeldung ein. Sie ist kein Code.
    Die PIN hat 6 Ziffern und gehört zur MitID-App.
    Das Passwort (8–64 Zeichen) benutzen Sie mit einem Codeanzeiger (kodeviser), Codevorleser (kodeoplæser) oder Chip.
    Überlegen Sie sich Ihre Benutzer-ID schon vor dem Termin. Das spart Zeit.

faq-password-reset-q = Ich habe mein Passwort vergessen
faq-password-reset =
    Haben Sie die MitID-App, können Sie selbst ein neues Passwort auf https://www.mitid.dk festlegen.
    Sonst hilft Ihnen der MitID-Support unter { $support_phone }, oder Sie buchen einen Termin beim Bürgerservice: { $booking_url }
    Bringen Sie einen Ausweis und Ihr Handy mit der App oder Ihren Codeanzeiger (kodeviser) mit. Sie bekommen dann einen Aktivierungscode.

faq-who-witness-q = Wer kann mein Zeuge sein?
faq-who-witness =
    Ihre Zeugin oder Ihr Zeuge muss:
    • mindestens 18 Jahre alt sein,
    • zum Zeitpunkt Ihres Termins seit mindestens 30 vollen Tagen (30 × 24 Stunden) eine eigene MitID haben,
    • in den letzten 120 Tagen höchstens 2-mal Zeugin oder Zeuge gewesen sein,
    • die eigene MitID (Handy mit App oder Codeanzeiger) und einen gültigen Ausweis mit Foto mitbringen.
    Steht auf dem Ausweis keine CPR-Nummer (das gilt für jeden ausländischen Ausweis, auch den deutschen Personalausweis und Reisepass), bringt die Person zusätzlich eines dieser Dokumente mit:
    • die gelbe Gesundheitskarte (sundhedskort), als Karte oder App,
    • eine Geburts- oder Taufurkunde (fødsels-/dåbsattest) aus Dänemark oder Grönland,
    • eine Personenstandsbescheinigung (personattest) oder Wohnsitzbescheinigung (bopælsattest) aus Dänemark oder Grönland,
    • einen kommunalen Ausweis (legitimationskort) zusammen mit der gelben Gesundheitskarte.
    Ein Steuerbescheid oder Vorauszahlungsbescheid zählt dafür nicht.

faq-witness-needed-q = Brauche ich einen Zeugen?
faq-witness-needed =
    Beim Termin stellt Ihnen das System 4–6 Fragen aus dem CPR-Register (dem dänischen Melderegister). Weiß das Register zu wenig über Sie, brauchen Sie eine Zeugin oder einen Zeugen.
    Bringen Sie am besten jemanden mit, wenn Sie außerhalb Dänemarks wohnen, seit weniger als 5 Jahren hier wohnen oder selten umgezogen sind und keine Kinder haben.
    Brauchten Sie beim letzten Mal eine Zeugin oder einen Zeugen, brauchen Sie höchstwahrscheinlich wieder jemanden.
    Finden Sie niemanden, rufen Sie vor der Buchung den Bürgerservice unter { $phone } an.

faq-phone-number-q = Wie ist Ihre Telefonnummer?
faq-phone-number =
    Sie erreichen den Bürgerservice der { $municipality } unter { $phone }.
    Bei Fragen zu MitID selbst hilft auch der MitID-Support unter { $support_phone }.

faq-age-q = Ab welchem Alter gibt es MitID?
faq-age =
    MitID gibt es ab 13 Jahren.
    Eine Zeugin oder ein Zeuge muss mindestens 18 Jahre alt sein.
    Ist Ihr Kind 13 bis 17 Jahre alt? Rufen Sie den Bürgerservice unter { $phone } an und fragen Sie, ob Sie mitkommen müssen.

faq-no-cpr-q = Ich habe keine CPR-Nummer
faq-no-cpr =
    Die { $municipality } hilft Ihnen bei MitID, sobald Sie eine CPR-Nummer haben.
    Zuerst müssen Sie im CPR-Register eingetragen werden. Rufen Sie den Bürgerservice unter { $phone } an, oder wenden Sie sich an den International Citizen Service.

faq-new-phone-q = Ich habe ein neues Handy
faq-new-phone =
    Funktioniert Ihre MitID auf dem alten Handy noch? Dann können Sie die App auf dem neuen Handy selbst aktivieren. Ein Termin ist nicht nötig.
    Installieren Sie die MitID-App auf dem neuen Handy und folgen Sie den Schritten. Sie können bis zu 3 aktive Apps haben.
    Mehr dazu auf https://www.mitid.dk
    Funktioniert Ihre MitID nicht mehr? Dann buchen Sie einen Termin: { $booking_url }

faq-code-display-q = Kann ich einen Codeanzeiger bekommen?
faq-code-display =
    Statt der App können Sie einen Codeanzeiger (kodeviser) benutzen. Er zeigt einen Code, den Sie zusammen mit Ihrem Passwort benutzen. Wenn Sie schlecht sehen, gibt es einen Codevorleser (kodeoplæser), der den Code vorliest.
    Die ersten 3 Codeanzeiger oder Codevorleser sind kostenlos. Ein MitID-Chip kostet Geld.
    Mehr dazu auf https://www.mitid.dk

faq-where-q = Wo ist der Bürgerservice?
faq-where =
    Der Bürgerservice (Borgerservice) ist im Rathaus (Rådhuset), Skelbækvej, Aabenraa (Apenrade). Einen Bürgerservice gibt es auch in Bov (Bau).
    Bitte buchen Sie einen Termin, bevor Sie kommen: { $booking_url }
