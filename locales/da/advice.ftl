## mitid-bot, dansk: råd, der skal holde på dagen for din tid.
## Hvad der ikke tæller, hvad man skal skaffe, før man bestiller tid, vidnets CPR-dokumenter,
## fornyelse, telefoner der ikke kan bruge appen, og kilden til hver regel (mitid.dk).

## ---- Dokumenter ----

docs-not-accepted =
    Disse tæller ikke:
    • udløbne dokumenter – tjek udløbsdatoen på dit pas eller ID-kort,
    • midlertidige dokumenter, for eksempel et nødpas,
    • billeder, scanninger eller PDF'er af et dokument,
    • AltID, appen til digitalt ID.
docs-first-time-cards = Skal du have MitID for første gang? Så tag selve kortene med. Kørekort-appen og sundhedskort-appen kræver MitID for at åbne, så dem kan du ikke vise endnu.
tax-recent-question-dated = Du har tid { $appointment_date }. Er din årsopgørelse eller forskudsopgørelse højst 3 måneder gammel den dag?
benefit-recent-question-dated = Du har tid { $appointment_date }. Er dine papirer om offentlige ydelser højst 3 måneder gamle den dag?
docs-get-first = Skaf dette først, og bestil tid, når du har det:

# Hvad man skal skaffe, når dokumenterne ikke er nok (én linje hver; faktum docs_to_get).
get-yellow-card = • Det gule sundhedskort – selve kortet. Har du mistet det eller aldrig fået det, så ring til Borgerservice på { $phone }, og hør, hvordan du får et.
get-special-card = • Et særligt sundhedskort, som er til dig, der bor i udlandet og arbejder i Danmark. Ring til Borgerservice på { $phone }, og hør, hvordan du søger om det.
get-tax = • Eller et papir fra Skattestyrelsen: din årsopgørelse eller forskudsopgørelse. Den må højst være 3 måneder gammel den dag, du har tid.
get-ask = • Et dokument, der viser dit CPR-nummer. Ring til Borgerservice på { $phone }, og hør, hvilket du kan få.
get-photo-id = • Gyldig billedlegitimation: et pas eller et nationalt ID-kort (ikke et midlertidigt). Bor du i Danmark, kan du også bestille et legitimationskort i din kommune. Det tager et par uger.
get-photo-id-too = • Og desuden gyldig billedlegitimation: et pas eller et nationalt ID-kort (ikke et midlertidigt). Bor du i Danmark, kan du også bestille et legitimationskort i din kommune. Det tager et par uger.
get-second-doc = • Ét dokument mere fra listen, for eksempel det gule sundhedskort.

## ---- Vidne ----

witness-why = Ved skranken stiller systemet dig 4–6 spørgsmål ud fra CPR-registret. Ved registret for lidt om dig, skal et vidne bekræfte, hvem du er.

# De eneste dokumenter, der viser vidnets CPR-nummer (mitid-rules.md §2).
-witness-cpr-documents =
       – det gule sundhedskort (kort eller app),
       – en dåbs- eller fødselsattest fra Danmark eller Grønland,
       – en personattest eller bopælsattest fra Danmark eller Grønland,
       – et legitimationskort fra kommunen sammen med det gule sundhedskort.
    Andre papirer, for eksempel fra Skattestyrelsen, tæller ikke for vidnet.

## ---- Telefon eller kodeviser ----

device-app-will-not-work = Så virker MitID-appen ikke på din telefon. Det gælder en telefon, der er rootet eller jailbreaket, en telefon uden Google Play eller App Store (for eksempel nogle Huawei-telefoner) og Android 9 eller ældre. Det kan vores medarbejdere ikke ændre. En kodeviser er løsningen for dig: Den kræver ingen telefon.

## ---- Kilder: hvor hver regel kommer fra, så du og vores medarbejdere kan tjekke den ----

source-documents = Kilde: mitid.dk (på engelsk) – https://www.mitid.dk/en-gb/help/help-universe/mitid-and-documentation/
source-witness = Kilde: mitid.dk (på engelsk) – https://www.mitid.dk/en-gb/help/help-universe/mitid-and-documentation/
source-app = Kilde: mitid.dk (på engelsk) – https://www.mitid.dk/en-gb/help/help-universe/when-you-get-mitid/
source-password = Kilde: mitid.dk – https://www.mitid.dk/hjaelp/hjaelpeunivers/mitid-adgangskode/faa-en-ny-mitid-adgangskode/
source-userid = Kilde: mitid.dk – https://www.mitid.dk/hjaelp/hjaelpeunivers/mitid-bruger-id/hvad-er-et-bruger-id/

## ---- Tjeklisten ----

cl-docs-not-accepted = 📄 Kun originaler: ingen billeder, scanninger eller PDF'er, ingen midlertidige dokumenter som et nødpas og ikke AltID.
cl-renew-bring = 🔑 { $renew_why ->
    [password] Tag din kodeviser med – og din telefon med MitID-appen, hvis du har den. Ved skranken får du en aktiveringskode, så du kan lave en ny adgangskode.
    [code_display] Du får en ny kodeviser ved skranken. Tag din telefon med MitID-appen med, hvis du har den.
   *[other] Tag det med, du bruger til MitID i dag: din kodeviser eller din telefon med MitID-appen.
} Du skal have de samme dokumenter med som til et nyt MitID (se ovenfor).
cl-renew-support = ☎️ { $renew_why ->
    [password] MitID Support kan måske hjælpe dig uden en tid hos os: Ring på { $support_phone }. Når du har svaret på nogle spørgsmål om dig selv, kan de sende dig en midlertidig adgangskode på sms. Det kan de ikke, hvis dit mobilnummer på MitID er ændret inden for de seneste 5 dage – så skal du bestille tid hos Borgerservice. Kilde: mitid.dk – https://www.mitid.dk/hjaelp/hjaelpeunivers/mitid-adgangskode/faa-en-ny-mitid-adgangskode/
    [code_display] MitID Support kan spærre din mistede kodeviser og fortælle dig, hvad du ellers kan gøre: Ring på { $support_phone }.
   *[other] MitID Support kan måske hjælpe dig uden en tid hos os: Ring på { $support_phone }.
}
cl-no-app = 📱 MitID-appen virker ikke på din telefon, så du skal bruge en kodeviser.
cl-userid-renew = 👤 Du beholder dit bruger-ID. Husk det – du skriver det, hver gang du logger på. Har du glemt det? MitID Support ({ $support_phone }) eller vores medarbejdere ved skranken kan hjælpe dig med at finde det.
cl-book-after = 📅 Når du har det, så bestil tid: { $booking_url }
    Spørgsmål? Ring til Borgerservice på { $phone }.
