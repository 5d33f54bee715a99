## mitid-bot, dansk. Du-form, kort, venligt og direkte, som kommunen skriver på nettet.
## Variabler, som alle beskeder må bruge: $municipality, $phone, $support_phone, $booking_url,
## $retention_days, $evening_hour, $evening_minute, $before_hours (se src/i18n.rs).
## Faste termer (domain/mitid-rules.md §8): sundhedskort ("det gule sundhedskort"),
## særligt sundhedskort, vidne, bopælsattest, personattest, årsopgørelse, forskudsopgørelse,
## opholdstilladelse, legitimationskort, Borgerservice, kodeviser, kodeoplæser, bruger-ID.
## Ét ord for hvert begreb: billedlegitimation (ikke billed-id/foto), billede, adgangskode, logge på,
## MitID-appen (med bindestreg), nationalt ID-kort. Skriv "for eksempel" (ikke "fx"). Komma før "og"
## mellem to opfordringer ("Hent appen, og følg vejledningen"). Kommandoer med danske navne:
## /glem, /sprog, /forfra, /paamindelser, /menu.

## ---- Formater ----

# Tidspunkter, som de skrives på dansk: "torsdag den 3. december 2026 kl. 9.30".
# $weekday (1 = mandag), $day, $month, $year, $hour (uden foranstillet nul), $minute (to cifre).
# Tekster bruger dem gennem variabler: $appointment ("torsdag den 3. december 2026 kl. 9.30"),
# $appointment_date ("torsdag den 3. december 2026"), $appointment_from ("fra den ... kl. ...",
# eller "fra og med den 21. december 2026", når tidspunktet er midnat).
fmt-date = { fmt-weekday } den { $day }. { fmt-month } { $year }
fmt-datetime = { fmt-date } kl. { $hour }.{ $minute }
fmt-from-date = fra og med den { $day }. { fmt-month } { $year }
fmt-from-datetime = fra den { $day }. { fmt-month } { $year } kl. { $hour }.{ $minute }
fmt-weekday = { $weekday ->
    [1] mandag
    [2] tirsdag
    [3] onsdag
    [4] torsdag
    [5] fredag
    [6] lørdag
   *[7] søndag
}
fmt-month = { $month ->
    [1] januar
    [2] februar
    [3] marts
    [4] april
    [5] maj
    [6] juni
    [7] juli
    [8] august
    [9] september
    [10] oktober
    [11] november
   *[12] december
}

progress = Trin { $step } af { $total }

## ---- Knapper, der bruges mange steder ----

btn-yes = Ja
btn-no = Nej
btn-not-sure = Jeg er ikke sikker
btn-dont-remember = Det kan jeg ikke huske
btn-continue = Fortsæt
btn-done = Færdig
btn-back = Tilbage
btn-restart = Start forfra
btn-resume = Fortsæt, hvor jeg slap
btn-menu = Hovedmenu
btn-faq = Spørgsmål og svar
btn-book = Bestil tid
btn-book-online = Bestil tid online
btn-language = Sprog / Language / Sprache
btn-privacy = Hvad gemmer du om mig?
btn-prepare = Forbered mit besøg
btn-checklist = Vis min tjekliste
btn-witness-check = Tjek mit vidne
btn-userid-check = Tjek et forslag til bruger-ID
btn-check-documents = Tjek mine dokumenter

lang-da = Dansk
lang-en = English
lang-de = Deutsch

## ---- Velkomst, menu, hjælp ----

welcome =
    Hej! Jeg er en automatisk assistent fra Borgerservice i { $municipality }.

    Jeg hjælper dig med at blive klar til din tid hos Borgerservice: hvilke dokumenter du skal have med, om du skal have et vidne med, og hvordan du gør din telefon klar. Så kan du få MitID på ét besøg.

    Jeg spørger aldrig om din adgangskode, din PIN-kode eller dit CPR-nummer.

menu = Hvad kan jeg hjælpe dig med?

help =
    { $channel ->
        [web]
            Sådan bruger du mig:
            • Tryk på en knap, eller skriv dit spørgsmål med dine egne ord, for eksempel "Skal jeg have et vidne med?".
            • "Slet mine svar" nederst på siden sletter alt, hvad jeg har gemt om dig.

            Har du spørgsmål, som jeg ikke kan svare på? Ring til Borgerservice på { $phone }.
       *[other]
            Sådan bruger du mig:
            • Tryk på en knap, eller skriv dit spørgsmål med dine egne ord, for eksempel "Skal jeg have et vidne med?".
            • /menu viser hovedmenuen. /forfra starter forberedelsen forfra.
            • /tjekliste viser din tjekliste. /paamindelser viser dine påmindelser.
            • /sprog skifter sprog. /glem sletter alt, hvad jeg gemmer om dig.

            Har du spørgsmål, som jeg ikke kan svare på? Ring til Borgerservice på { $phone }.
    }

language-choose = Hvilket sprog vil du helst bruge?

privacy =
    Jeg gemmer dine svar på mine spørgsmål (for eksempel "bor i Danmark") og dit sprog, så du kan fortsætte senere og se din tjekliste igen.

    De datoer, du skriver, gemmer jeg også: tidspunktet for din tid, så jeg kan minde dig om den, og hvornår dit vidne fik MitID, så jeg kan tjekke dit vidne.

    Jeg gemmer ikke dine forslag til bruger-ID eller dine spørgsmål.

    Alt bliver slettet, når du ikke har brugt mig i { $retention_days } dage (har du bedt om en påmindelse, tæller dagene først fra påmindelsen). Skriver du /glem, sletter jeg det hele med det samme.

    Chatten foregår hos Telegram, som er et privat firma og ikke en del af kommunen. Send derfor ikke dit CPR-nummer, adgangskoder eller billeder af dine dokumenter her.

# The same on the web chat: no Telegram, no reminders sent, deleting is a button.
privacy-web =
    Jeg gemmer dine svar på mine spørgsmål (for eksempel "bor i Danmark") og dit sprog, så du kan fortsætte senere og se din tjekliste igen.

    De datoer, du skriver, gemmer jeg også: tidspunktet for din tid og hvornår dit vidne fik MitID.

    Jeg gemmer ikke dine forslag til bruger-ID eller dine spørgsmål.

    Alt bliver slettet { $retention_days } dage efter dit sidste svar – eller { $retention_days } dage efter din tid, hvis den ligger senere. Trykker du på "Slet mine svar", sletter jeg det hele med det samme.

    Jeg tæller også, hvordan jeg bliver brugt, for eksempel hvor mange tjeklister jeg viser. Tallene siger ikke, hvem du er.

    Siden bruger én cookie. Den husker kun, hvilken samtale der er din. Skriv aldrig dit CPR-nummer, din adgangskode eller din PIN-kode her.

book =
    Du skal altid bestille tid hos Borgerservice for at få MitID. Har du bestilt tid, får du hjælp på det tidspunkt, du har bestilt. Uden en bestilt tid kan vi kun hjælpe dig, hvis der er luft i kalenderen.

    Bestil tid på { $booking_url }
    Har du spørgsmål, så ring på { $phone }.

start-over-notice = Vi starter forfra.

## ---- Det, som motoren siger ----

stale-button = Den knap hører til en tidligere besked. Her er vi nu:
not-understood =
    Undskyld, det forstod jeg ikke. Du kan trykke på en knap herunder, stille et spørgsmål med få ord eller ringe til Borgerservice på { $phone }.
only-text = Jeg kan kun læse tekst. Skriv dit spørgsmål, eller tryk på en knap.
# Only Telegram lets the bot delete the message; the web page does not show it again.
cpr-warning =
    { $channel ->
        [telegram] Det ser ud til, at du har sendt et CPR-nummer. Send aldrig dit CPR-nummer i en chat. Jeg har ikke gemt det, og jeg har forsøgt at slette din besked.
       *[other] Det ser ud til, at du har skrevet et CPR-nummer. Send aldrig dit CPR-nummer i en chat. Jeg har ikke gemt det.
    }
date-unreadable = Jeg kunne ikke læse datoen. Skriv den sådan her: 03.12.2026, eller med klokkeslæt: 03.12.2026 kl. 14.30
date-no-such-day = Den dato findes ikke. Tjek dag og måned, og skriv datoen sådan her: 28.02.2026
date-in-future = Den dato ligger ude i fremtiden. Skriv den dato, hvor dit vidne fik MitID.
date-in-past = Den dato er allerede passeret. Skriv datoen for din tid, for eksempel 03.12.2026 kl. 10.00

## ---- Tjek af bruger-ID (det, brugeren skriver, gemmes aldrig) ----

userid-allowed = ✅ Det bruger-ID følger reglerne ({ $length } tegn).
userid-not-allowed = ❌ Det bruger-ID kan ikke bruges:
userid-problem-too-short = • Det har { $length } tegn. Det skal have mindst 5.
userid-problem-too-long = • Det har { $length } tegn. Det må højst have 48.
userid-problem-characters = • Tegn, der ikke må bruges: { $characters }. Skriv i stedet bogstavet uden accent, for eksempel "e" for "é" og "u" eller "ue" for "ü".
userid-problem-starts-with-space = • Det må ikke starte med et mellemrum.
userid-problem-ends-with-space = • Det må ikke slutte med et mellemrum.
userid-problem-ten-digits = • Det må ikke bestå af 10 cifre, for så ligner det et CPR-nummer.
userid-warning-cpr = ⚠️ Det ser ud til at indeholde et CPR-nummer. Det er tilladt, men vi fraråder det kraftigt.
userid-warning-ten-digits = ⚠️ Det indeholder 10 cifre i træk. Det er tilladt, men det kan forveksles med et CPR-nummer.
userid-ends-not-seen = Jeg kan ikke se mellemrum helt i starten eller slutningen af en besked, så dem har jeg ikke talt med. Et bruger-ID må ikke starte eller slutte med et mellemrum.
userid-not-kept =
    Jeg har ikke gemt det, du skrev. Om et bruger-ID er ledigt, kan du først se, når du opretter MitID.
    Skriv et nyt forslag for at tjekke det, eller tryk på en knap.

## ---- 1. Om dig ----

cpr-unsure =
    Du har et CPR-nummer, hvis du er registreret i Danmark. Det har 10 cifre: din fødselsdato og fire cifre mere. Det står på dit gule sundhedskort – eller på dit særlige sundhedskort, hvis du bor i udlandet og arbejder i Danmark.

    Har du et CPR-nummer?
btn-cpr-have-not = Nej, jeg har ikke et CPR-nummer
no-cpr =
    Du skal have et CPR-nummer for at få MitID hos Borgerservice.

    Du får et CPR-nummer, når du bliver registreret i Danmark. Er du flyttet hertil, eller arbejder du her, så kontakt Borgerservice eller International Citizen Service. Ring til os på { $phone }, hvis du er i tvivl om, hvad der gælder for dig.

under-13 =
    Du kan få MitID, når du er fyldt 13 år. Du er velkommen til at komme igen, når du er fyldt 13.

reason-question = Hvad drejer det sig om?
btn-reason-first = Jeg skal have MitID for første gang
btn-reason-new-phone = Jeg har fået en ny telefon
btn-reason-password = Jeg har glemt min adgangskode
btn-reason-code-display = Jeg har mistet min kodeviser
btn-reason-other = Mit MitID virker ikke af en anden grund

self-service-done = Held og lykke! Virker det ikke, så kom tilbage hertil, og vælg "Forbered mit besøg".

witness-last-question = Skulle du have et vidne med, sidste gang du fik MitID eller NemID?

## ---- 2. Hvor du bor ----

residence-question = Hvor bor du?
btn-residence-dk = I Danmark
btn-residence-cross-border = I udlandet, og jeg arbejder i Danmark
btn-residence-abroad = I udlandet, og jeg arbejder ikke i Danmark

## ---- 3. Dokumenter ----

doc-main-question = Hvilket af disse danske dokumenter har du? Har du flere af dem, så vælg det, der står øverst. Det skal være gyldigt.
btn-doc-licence = Dansk kørekort
btn-doc-dk-passport = Dansk pas (ikke et nødpas)
btn-doc-dk-permit = Opholdstilladelse eller opholdskort udstedt i Danmark
btn-doc-none-of-these = Ingen af dem

main-cpr-question = { $main_doc ->
    [dk_permit] Står dit CPR-nummer på din opholdstilladelse eller dit opholdskort?
   *[other] Står dit CPR-nummer i dit pas?
}

docs-question = Vælg alle de dokumenter, du har, og tryk så på "Færdig". Du skal have to: mindst ét skal vise dit CPR-nummer, og mindst ét skal have billede.
docs-dk-id-counts = { $main_doc ->
    [dk_permit] Din opholdstilladelse
   *[other] Dit pas
} tæller som det ene af dem, fordi der er billede på.
doc-yellow-card = Det gule sundhedskort
doc-special-card = Særligt sundhedskort
doc-personal-cert = Personattest eller fødsels-/dåbsattest (DK/Grønland)
doc-residence-cert = Bopælsattest (DK/Grønland)
doc-foreign-passport = Pas fra et andet land (ikke et nødpas)
doc-foreign-id = Nationalt ID-kort eller kørekort fra et andet land
doc-municipal-id = Legitimationskort fra kommunen
doc-tax = Årsopgørelse eller forskudsopgørelse
doc-benefit = Papirer om offentlige ydelser (for eksempel SU)

personal-cert-cpr-question = Står dit CPR-nummer på din personattest eller fødsels-/dåbsattest?
residence-cert-cpr-question = Står dit CPR-nummer på din bopælsattest?
tax-recent-question = Er din årsopgørelse eller forskudsopgørelse højst 3 måneder gammel { $appointment_known ->
    [yes] { $appointment_day_date }, den dag du har tid
   *[other] den dag, du har tid
}? Se datoen på den.
benefit-recent-question = Er dine papirer om offentlige ydelser højst 3 måneder gamle { $appointment_known ->
    [yes] { $appointment_day_date }, den dag du har tid
   *[other] den dag, du har tid
}? Se datoen på dem.

docs-enough = ✅ Du har de dokumenter, du skal bruge. Husk at tage dem med.
docs-maybe =
    ⚠️ Dine dokumenter er måske ikke nok: De viser dit CPR-nummer, men der er ikke billede på nogen af dem.
    Tag billedlegitimation med, hvis du har det, for eksempel et pas. Har du ingen billedlegitimation, så ring til Borgerservice på { $phone }, før du bestiller tid.
docs-not-enough = ❌ Du har ikke de dokumenter, du skal bruge, endnu. { $documents_missing ->
    [photo] Du mangler også et dokument med billede, for eksempel et pas eller et nationalt ID-kort.
    [second] Du mangler ét dokument mere fra listen.
    [cpr_and_photo] Du mangler både et dokument, der viser dit CPR-nummer, og et dokument med billede.
   *[cpr] Du mangler også et dokument, der viser dit CPR-nummer.
}
docs-too-old-tax = Din årsopgørelse eller forskudsopgørelse tæller ikke, fordi den er mere end 3 måneder gammel den dag, du har tid.
docs-too-old-benefit = Dine papirer om offentlige ydelser tæller ikke, fordi de er mere end 3 måneder gamle den dag, du har tid.
docs-no-cpr-personal-cert = Din personattest eller fødsels-/dåbsattest tæller kun, hvis dit CPR-nummer står på den.
docs-no-cpr-residence-cert = Din bopælsattest tæller kun, hvis dit CPR-nummer står på den.
docs-originals = Tag gyldige originaler med. Et billede eller en PDF af et dokument kan ikke bruges.
btn-change-documents = Ret mine dokumenter

## ---- 4. Vidne ----

witness-forecast = { $witness ->
    [almost_certain] Du skal næsten helt sikkert have et vidne med.
    [likely] Du skal sandsynligvis have et vidne med.
   *[unlikely] Du skal formentlig ikke have et vidne med.
}
witness-forecast-unknown = Om du skal have et vidne med, afhænger af, hvor meget CPR-registret ved om dig.
witness-reason-last-time = • Du skulle have et vidne med sidste gang.
witness-reason-abroad = • Du bor uden for Danmark.
witness-reason-under-five = • Du har boet i Danmark i under 5 år.
witness-reason-little-history = • Du er sjældent flyttet og har ingen børn, så CPR-registret ved ikke så meget om dig.
witness-requirements =
    Dit vidne skal:
    • være fyldt 18 år,
    • have haft sit eget MitID i mindst 30 hele døgn (30 × 24 timer), når du har din tid,
    • højst have været vidne 2 gange inden for de seneste 120 dage (med dig bliver det højst 3. gang),
    • komme sammen med dig og have sit eget MitID (telefonen med appen eller sin kodeviser) og gyldig billedlegitimation med,
    • også have et af disse dokumenter med, hvis billedlegitimationen ikke viser vidnets CPR-nummer (det gør udenlandsk legitimation aldrig):
    { -witness-cpr-documents }
witness-if-needed = Sker det, kan du bestille en ny tid og tage et vidne med. Kender du en, der opfylder reglerne nedenfor, kan du også tage vedkommende med for en sikkerheds skyld.

## ---- 5. Telefon eller kodeviser ----

device-question = Hvordan vil du bruge MitID?
btn-device-app = Med MitID-appen på min telefon
btn-device-code-display = Med en kodeviser
btn-device-audio = Med en kodeoplæser
btn-device-unsure = Det ved jeg ikke endnu
device-compare =
    Her er forskellen:
    • MitID-appen: De fleste bruger den. Du skal have en telefon eller tablet med Google Play eller App Store.
    • En kodeviser: en lille enhed, der viser en kode. Du bruger den sammen med en adgangskode.
    • En kodeoplæser: ligesom en kodeviser, men den læser koden højt. Til dig, der ser dårligt.

    Hvad vil du bruge?
device-app =
    Hvis du vil bruge MitID-appen, skal din telefon eller tablet:
    • have Google Play eller App Store (nogle Huawei-telefoner har ikke Google Play),
    • ikke være rootet eller jailbreaket (ændret, så telefonens egen sikkerhed er slået fra),
    • ikke være for gammel: Android 9 og ældre virker ikke længere.

    Installér MitID-appen, før du kommer, og tag telefonen med – med SIM-kortet i, for du får en kode på sms.
    Du skal vælge en PIN-kode på 6 cifre til appen. Fortæl aldrig nogen din PIN-kode.

    Vores medarbejdere kan hjælpe dig med at finde appen og aktivere den, men de kan ikke løse problemer med din telefon.
btn-phone-ok = Det kan min telefon
btn-phone-not-ok = Det kan min telefon ikke
device-code =
    Du bruger en kodeviser eller kodeoplæser sammen med en adgangskode. De første 3 er gratis.

    Din adgangskode:
    • skal have 8 til 64 tegn,
    • må ikke indeholde dit bruger-ID,
    • må ikke indeholde 10 cifre i træk (som et CPR-nummer),
    • må ikke indeholde ord som "adgangskode" eller "password" eller rækker af taster som "qwertyui" eller "abc12345".

    Find på en adgangskode, før du kommer, men fortæl den aldrig til nogen – hverken til mig eller til vores medarbejdere.

## ---- 6. Bruger-ID ----

userid-rules =
    Du logger på med et bruger-ID. Det svarer til et brugernavn og er ikke en adgangskode: Du skriver det, hver gang du logger på. Vælg dit bruger-ID, før du kommer, så sparer du tid.

    Reglerne:
    • 5 til 48 tegn,
    • bogstaverne a–z, æ, ø og å (store og små bogstaver regnes som de samme),
    • tallene 0–9, mellemrum og disse tegn: {"{"} {"}"} ! # $ ^ , * ( ) _ + - = : ; ? . @
    • ingen andre bogstaver (ikke ü, ö, é eller ß),
    • intet mellemrum først eller sidst,
    • ikke dit CPR-nummer og ikke kun 10 cifre.
userid-try = Skriv et forslag, så tjekker jeg det. Du kan også skrive et eksempel med samme slags tegn i stedet for dit rigtige bruger-ID. Jeg gemmer det ikke.
btn-userid-chosen = Jeg har valgt et bruger-ID
btn-userid-later = Jeg vælger det senere
btn-userid-have = Jeg har allerede et bruger-ID

## ---- Tjeklisten ----

cl-title = 📋 Din tjekliste til MitID hos Borgerservice i { $municipality }
cl-docs-heading = Tag disse dokumenter med (gyldige originaler):
cl-doc-main = • { $main_doc ->
    [licence] Dit danske kørekort
    [dk_permit] Din opholdstilladelse eller dit opholdskort med dit CPR-nummer
   *[other] Dit danske pas med dit CPR-nummer
}
cl-doc-yellow-card = • Dit gule sundhedskort
cl-doc-special-card = • Dit særlige sundhedskort
cl-doc-personal-cert = • Din personattest eller fødsels-/dåbsattest
cl-doc-residence-cert = • Din bopælsattest
cl-doc-foreign-id = • Dit nationale ID-kort eller kørekort
cl-doc-foreign-passport = • Dit pas fra dit hjemland
cl-doc-municipal-id = • Dit legitimationskort
cl-doc-dk-id-no-cpr = • { $main_doc ->
    [dk_permit] Din opholdstilladelse eller dit opholdskort
   *[other] Dit danske pas
}
cl-doc-tax = • Din årsopgørelse eller forskudsopgørelse (højst 3 måneder gammel { $appointment_known ->
    [yes] { $appointment_day_date }
   *[other] den dag, du har tid
})
cl-doc-benefit = • Dine papirer om offentlige ydelser (højst 3 måneder gamle { $appointment_known ->
    [yes] { $appointment_day_date }
   *[other] den dag, du har tid
})
cl-docs-maybe = ⚠️ Tag også billedlegitimation med, hvis du har det. Hvis ikke, så ring på { $phone }, før du bestiller tid.
cl-docs-missing = ❌ Du har ikke de dokumenter, du skal bruge, endnu. Skaf dette først, og bestil så tid:
cl-docs-unknown = • Vi har ikke gennemgået dine dokumenter endnu. Vælg "Forbered mit besøg" for at tjekke dem.
cl-witness =
    👥 Tag et vidne med. { $witness ->
        [almost_certain] Du får næsten helt sikkert brug for et.
       *[other] Du får sandsynligvis brug for et.
    }
    { witness-requirements }
cl-witness-unlikely = 👥 Du skal formentlig ikke have et vidne med. Får du alligevel brug for et, kan du bestille en ny tid og tage et vidne med.
cl-witness-unknown = 👥 Jeg ved endnu ikke, om du skal have et vidne med. Vælg "Skal jeg have et vidne med?" herunder.
cl-witness-checked = 👥 Tag dit vidne med. { $witness ->
        [almost_certain] Du får næsten helt sikkert brug for et.
       *[other] Du får sandsynligvis brug for et.
    } Ud fra dine svar opfylder dit vidne reglerne. Husk, at de også skal være opfyldt den dag, du har tid.
btn-witness-need = Skal jeg have et vidne med?
cl-app = 📱 Installér MitID-appen, før du kommer, og husk telefonen med SIM-kortet i. Du skal vælge en PIN-kode på 6 cifre.
cl-code-display = 🔑 Find på en adgangskode, før du kommer: 8–64 tegn, ikke dit bruger-ID, ikke 10 cifre i træk, ingen ord som "adgangskode" og ingen tasterækker som "qwertyui". Fortæl den aldrig til nogen.
cl-device-unknown = 📱 Find ud af, om du vil bruge MitID-appen, en kodeviser eller en kodeoplæser.
cl-userid-chosen = 👤 Du har valgt dit bruger-ID.
cl-userid-todo = 👤 Vælg et bruger-ID, før du kommer (5–48 tegn).
cl-userid-have = 👤 Husk dit bruger-ID: Du skriver det, hver gang du logger på.
cl-book = 📅 Bestil tid: { $booking_url }
    Spørgsmål? Ring til Borgerservice på { $phone }.
cl-keep = Vis tjeklisten ved skranken. Tag gerne et skærmbillede af den, så du har den med.

## ---- Tjek af vidne ----

wc-intro =
    Jeg tjekker, om en person kan være dit vidne. Jeg stiller dig nogle spørgsmål om dit vidne: alder, hvornår vidnet fik MitID, hvor mange gange vidnet har været vidne, og hvilken legitimation vidnet har med.

    De datoer, du skriver, bruger jeg kun til dette tjek. Du kan altid slette dem – se "Hvad gemmer du om mig?" i hovedmenuen.
btn-wc-start = Start tjekket
wc-adult-question = Er dit vidne 18 år eller ældre?
wc-mitid-question = Hvornår fik dit vidne MitID? Skriv datoen, for eksempel 03.11.2026, eller med klokkeslæt: 03.11.2026 kl. 14.30
btn-wc-mitid-unknown = Det ved mit vidne ikke
wc-mitid-unknown =
    Dit vidne skal have haft MitID i mindst 30 hele døgn (30 × 24 timer), når du har din tid. Bed dit vidne om at finde ud af, hvornår vidnet fik MitID, og tjek så igen.
btn-wc-enter-date = Skriv datoen
wc-appointment-known-question = Har du bestilt tid?
btn-wc-not-booked = Ikke endnu
wc-appointment-question = Hvornår har du tid? Skriv dato og klokkeslæt, for eksempel 03.12.2026 kl. 10.00
wc-count-question = Hvor mange gange har dit vidne været vidne for andre inden for de seneste 120 dage?
btn-wc-count-0 = Ingen gange
btn-wc-count-1 = Én gang
btn-wc-count-2 = To gange
btn-wc-count-3-plus = Tre gange eller flere
wc-photo-question = Hvilken billedlegitimation tager dit vidne med?
btn-wc-photo-licence = Dansk kørekort
btn-wc-photo-dk-passport-cpr = Dansk pas med CPR-nummer
btn-wc-photo-dk-passport-no-cpr = Dansk pas uden CPR-nummer
btn-wc-photo-permit-cpr = Opholdstilladelse med CPR-nummer
btn-wc-photo-permit-no-cpr = Opholdstilladelse uden CPR-nummer
btn-wc-photo-foreign-passport = Pas fra et andet land
btn-wc-photo-foreign-id = Nationalt ID-kort fra et andet land
wc-ok = ✅ Denne person kan være dit vidne.
wc-not-ok = ❌ Denne person kan ikke være dit vidne:
wc-problem-under18 = • Et vidne skal være 18 år eller ældre.
wc-not-yet = ⏳ Ikke endnu: Personen har ikke haft MitID i 30 hele døgn, men kan være dit vidne { $w_eligible_from }. Bestil din tid til det tidspunkt eller senere.
wc-problem-too-many = • Personen har allerede været vidne 3 gange eller flere inden for de seneste 120 dage.
wc-assumed-end-of-day = Du skrev ikke et klokkeslæt, så for en sikkerheds skyld har jeg regnet fra slutningen af dagen.
wc-no-appointment = Jeg har tjekket ud fra dagens dato. Dit vidne skal stadig opfylde reglerne den dag, du har din tid.
wc-brings = Dit vidne skal have sit eget MitID med (telefonen med appen eller sin kodeviser) og gyldig billedlegitimation.
wc-brings-cpr-doc =
    Vidnets billedlegitimation viser ikke CPR-nummeret, så vidnet skal også have et af disse med:
    { -witness-cpr-documents }
wc-cannot-find = Kan du ikke finde et vidne, så ring til Borgerservice på { $phone }, før du bestiller tid.
btn-wc-another = Tjek et andet vidne

## ---- Telegram ----

bot-short-description = Bliv klar til din MitID-tid hos Borgerservice: dokumenter, vidne, telefon og bruger-ID.
bot-description =
    Den automatiske assistent fra Borgerservice i { $municipality }. Den hjælper dig med at forberede din MitID-tid, så du kan få MitID på ét besøg: hvilke dokumenter du skal have med, om du skal have et vidne med, hvordan du gør telefonen klar, og hvordan du bestiller tid.

    Den spørger aldrig om din adgangskode, PIN-kode eller dit CPR-nummer.
cmd-start = Start, eller vælg sprog
cmd-menu = Hovedmenu
cmd-faq = Spørgsmål og svar
cmd-witness = Tjek, om en person kan være mit vidne
cmd-userid = Tjek et forslag til bruger-ID
cmd-checklist = Vis min tjekliste
cmd-book = Bestil tid
cmd-language = Skift sprog
cmd-restart = Start forberedelsen forfra
cmd-privacy = Hvad gemmer du om mig?
cmd-forget = Slet alt, hvad du har gemt om mig
cmd-help = Sådan bruger du mig
forget-done = Nu har jeg slettet alt, hvad jeg havde gemt om dig. Skriv /start, hvis du vil begynde igen.
group-private-only = Jeg hjælper kun i en privat chat, så dine svar bliver mellem os. Start en chat med mig her: { $link }
edited-message = Jeg læser kun nye beskeder. Send gerne dit svar igen som en ny besked.
store-start-over = Beklager, jeg kunne ikke læse vores tidligere samtale, så vi starter forfra.
store-failed = Beklager, der gik noget galt hos os, og jeg kunne ikke gemme dit svar. Prøv igen om lidt, eller ring til Borgerservice på { $phone }.

## ---- Påmindelser ----

btn-remind-me = Mind mig om min tid
remind-when-question = Hvornår har du tid? Skriv dato og klokkeslæt, for eksempel 3.12. kl. 10 eller torsdag kl. 9.30
remind-confirm = Din tid er { $appointment }. Passer det?
btn-remind-yes = Ja, mind mig om det
btn-remind-wrong = Nej, det er forkert
remind-set = Godt. Jeg minder dig om din tid { $appointment }:
remind-set-evening = • aftenen før kl. { $evening_hour }.{ $evening_minute } – med din tjekliste,
remind-set-soon = • { $before_hours } timer før.
remind-set-calendar = Godt. Din tid er { $appointment }. Jeg kan ikke sende dig en besked fra denne side, så tilføj tiden til din kalender med kalenderfilen. Så minder din kalender dig om den:
remind-calendar-evening = • aftenen før kl. { $evening_hour }.{ $evening_minute },
reminders-calendar = Din tid er { $appointment }. Tilføj den til din kalender med kalenderfilen. Så minder din kalender dig om den:
remind-set-how-to-cancel = Skriv /paamindelser, hvis du vil se eller stoppe dine påmindelser.
reminders-list = Jeg minder dig om din tid { $appointment }:
reminders-none = Du har ingen påmindelser. Når du har fået din tjekliste, kan du bede mig om at minde dig om din tid.
btn-reminders-cancel = Stop mine påmindelser
reminders-cancelled = Dine påmindelser er stoppet.
reminder-evening = ⏰ Husk: Du har tid til MitID hos Borgerservice i morgen, { $appointment }. Her er din tjekliste:
reminder-soon = ⏰ Du har snart tid til MitID hos Borgerservice: { $appointment }. Husk dine dokumenter, din telefon og dit vidne, hvis du skal have et med. Vi ses!
date-need-time = Skriv også klokkeslættet for din tid, for eksempel 3.12. kl. 10
date-ambiguous = Hvilket tidspunkt mener du?
date-option = { $when }
cmd-reminders = Mine påmindelser
## ---- Plakater og QR-koder (mitid-bot qr) ----

qr-caption = Scan koden med din telefon, og bliv klar til din MitID-tid hos { $municipality }
