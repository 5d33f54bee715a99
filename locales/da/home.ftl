## mitid-bot, dansk: hvem der slet ikke behøver at komme. MitID hjemmefra med pas eller
## ID-kort med chip, fornyelser du selv kan klare, og de første spørgsmål i forberedelsen.
## Fakta: mitid-rules.md afsnit 0. Links: mitid.dk's egen vejledning.

## ---- Velkomst og menu ----

btn-start-first = Jeg skal have MitID for første gang
btn-start-renew = Jeg har MitID, men noget er ændret
btn-home = Kan jeg få MitID hjemmefra?
btn-home-chip = Jeg har pas eller ID-kort med chip

## ---- Det første spørgsmål ----

cpr-age-question = Har du et dansk CPR-nummer, og er du fyldt 13 år?
btn-cpr-age-yes = Ja, og jeg er fyldt 13 år
btn-cpr-none = Jeg har ikke et CPR-nummer
btn-under-13 = Jeg er under 13 år

no-cpr-home =
    Men måske kan du få MitID hjemmefra, med MitID-appen og et pas eller ID-kort med chip. I stedet for et CPR-nummer bruger du så en P-kode fra MitID Support.

## ---- Fornyelse: det ene spørgsmål, der afgør det ----

btn-reason-userid = Jeg har glemt mit bruger-ID

renew-still-works = { $renew_why ->
    [new_phone] Virker MitID-appen stadig på din gamle telefon?
    [password] Kan du stadig logge på med MitID-appen?
   *[other] Kan du stadig logge på med dit MitID, for eksempel med appen?
}

self-service-copy-app =
    Godt nyt: Du behøver ikke at bestille tid. Du kan selv kopiere MitID-appen fra din gamle telefon til den nye:
    • Hent MitID-appen på den nye telefon.
    • Åbn appen på den gamle telefon, gå til menuen, tryk på "Aktivér", og vælg at kopiere dit MitID til en ny app.
    • Af sikkerhedshensyn skal du derefter vente 1 time. Appen giver besked, når tiden er gået.
    • Hold de to telefoner tæt på hinanden, og tænd for Bluetooth. På en ældre Android-telefon skal du også slå placering til.
    • Scan QR-koden på den gamle telefon med den nye.
    • Du kan have op til 3 aktive apps.

    Trin for trin på mitid.dk: https://www.mitid.dk/hjaelp/hjaelpeunivers/mitid-app/kopier-app/
self-service-password =
    Godt nyt: Du behøver ikke at bestille tid. Log på MitID.dk med MitID-appen, og vælg en ny adgangskode til din kodeviser på din profilside. Af sikkerhedshensyn skal du vente 24 timer, efter du har bedt om at skifte den.

    MitID.dk: https://www.mitid.dk
self-service-password-support =
    Ring til MitID Support på { $support_phone }. De kan sende dig en midlertidig adgangskode.

    Det kan de ikke, hvis mobilnummeret på dit MitID er blevet ændret inden for de sidste 5 dage. Så skal du møde op hos Borgerservice.
self-service-userid =
    Godt nyt: Du behøver ikke at bestille tid. Du kan se dit bruger-ID på MitID.dk og i MitID-appen, når du har bekræftet, hvem du er.

    MitID.dk: https://www.mitid.dk
self-service-code-display =
    Godt nyt: Du behøver ikke at bestille tid. Log på MitID.dk med MitID-appen. Der kan du spærre den mistede kodeviser og bestille en ny. Du kan også ringe til MitID Support på { $support_phone }.

    MitID.dk: https://www.mitid.dk
self-service-other =
    Så længe du kan logge på med appen, kan du klare meget selv på MitID.dk – uden at bestille tid.

    MitID.dk: https://www.mitid.dk
    MitID Support kan også hjælpe: { $support_phone }.
btn-self-service-try = Tak, det prøver jeg
btn-self-service-failed = Det virkede ikke

## ---- Skal du overhovedet møde op? ----

home-question =
    Måske behøver du slet ikke at komme. Du kan få MitID hjemmefra med MitID-appen, hvis du har begge dele:
    • et gyldigt pas eller nationalt ID-kort med chip. Kig efter chip-symbolet på forsiden eller på kortet: en lille firkant med en cirkel i.
    • en telefon, der kan læse chippen (NFC), og som er opdateret. Det kan også være telefonen hos en, der hjælper dig.

    Har du begge dele?
btn-home-yes = Ja, jeg har begge dele
btn-home-no-chip = Nej, intet pas eller ID-kort med chip
btn-home-no-phone = Nej, ingen telefon, der kan læse det
btn-home-tried = Jeg har prøvet, men det virkede ikke

home-guide =
    🏠 Du kan sandsynligvis få MitID hjemmefra. Hav det her klar:
    • dit pas eller ID-kort med chip,
    • telefonen med MitID-appen installeret,
    • din egen mobiltelefon, så du kan få en kode på sms,
    • godt lys og cirka et kvarter.

    I MitID-appen:
    • Tryk på "Kom i gang", og vælg pas eller ID-kort.
    • Scan koden nederst på billedsiden (den starter med "P"). På et ID-kort sidder den på bagsiden og starter med "I".
    • Hold passet eller kortet mod telefonen, så den kan læse chippen.
    • Scan dit ansigt.
    • Vælg dit bruger-ID.
    • Aktivér appen med en midlertidig PIN-kode, som du får på sms – eller bestil en kodeviser.

    Vejledning trin for trin på mitid.dk (på engelsk): https://www.mitid.dk/en-gb/get-started-with-mitid/get-mitid-with-passport/
home-pcode =
    Du har ikke et CPR-nummer, så du skal bruge en P-kode (8 cifre) i stedet. Den får du hos MitID Support på { $support_phone }. Den gælder i 60 dage, og du har 3 forsøg.

    Vær opmærksom på: Et MitID, der er lavet med en P-kode, kan ikke bruges til den meste selvbetjening, der kræver et CPR-nummer.
home-pcode-if =
    Har du ikke et CPR-nummer? Så skal du bruge en P-kode (8 cifre) i stedet. Den får du hos MitID Support på { $support_phone }. Den gælder i 60 dage, og du har 3 forsøg. Et MitID, der er lavet med en P-kode, kan ikke bruges til den meste selvbetjening, der kræver et CPR-nummer.
home-helper =
    En anden kan låne dig sin telefon og hjælpe dig. Der bliver ikke gemt noget om dig på telefonen. Bed personen om at kigge væk, mens du vælger dit bruger-ID.
home-if-fails =
    Hvis scanningen ikke virker:
    • find bedre lys uden genskin på siden,
    • tag telefonen ud af coveret,
    • tag dine briller af, når ansigtet scannes,
    • prøv med en anden telefon.

    Appen kan ikke læse alle udenlandske chips. Så skal du møde op hos Borgerservice – jeg hjælper dig gerne med at blive klar.
btn-home-try = Jeg prøver hjemmefra
btn-home-failed = Scanningen virkede ikke
btn-home-anyway = Forbered mig til Borgerservice alligevel

home-done =
    Held og lykke! Virker det ikke, så kom tilbage, og tryk på "Scanningen virkede ikke". Så hjælper jeg dig med at blive klar til Borgerservice – med de svar, du allerede har givet.

## ---- Hvad CPR-registeret ved om dig ----

history-question =
    Hvor længe har du boet i Danmark, og er du flyttet eller har fået børn?

    Ved skranken svarer du på spørgsmål fra CPR-registeret. Jo mere det ved om dig, jo mindre sandsynligt er det, at du skal have et vidne med.
btn-history-both = 5 år eller mere, flyttet flere gange, har børn
btn-history-moved = 5 år eller mere, flyttet flere gange, ingen børn
btn-history-children = 5 år eller mere, flyttet én gang eller aldrig, har børn
btn-history-neither = 5 år eller mere, flyttet én gang eller aldrig, ingen børn
btn-history-under-5 = Under 5 år

## ---- Plakat til ventearealet (mitid-bot qr --topic home) ----

qr-caption-home = Måske behøver du ikke at vente: Scan koden, og se, om du kan få MitID hjemmefra
