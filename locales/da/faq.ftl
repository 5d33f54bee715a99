# Spørgsmål og svar (FAQ). Emnerne og deres id'er står i dialogues/faq/match.toml.
# faq-<emne>-q er knappen (højst 40 tegn), faq-<emne> er svaret.
# Variabler: { $municipality }, { $phone }, { $booking_url }.

faq-menu = Hvad vil du gerne vide?
faq-unsure = Mente du et af disse spørgsmål?
faq-none =
    Det forstod jeg desværre ikke.
    Vælg et spørgsmål i menuen, bestil tid på { $booking_url } eller ring til Borgerservice på { $phone }.

faq-power-of-attorney-q = Kan jeg få fuldmagt til en andens MitID?
faq-power-of-attorney =
    Med en Digital Fuldmagt kan du handle på en andens vegne med dit eget MitID.
    Ingen kan få fuldmagt til en andens MitID – heller ikke til sit barns, sin partners eller sine forældres.
    Læs mere på https://www.borger.dk (søg på "Digital Fuldmagt").

faq-sharing-q = Må andre bruge mit MitID?
faq-sharing =
    Dit MitID er personligt, og kun du må bruge det.
    Ingen andre må kende dit bruger-ID eller din adgangskode eller bruge din MitID-app – heller ikke din familie.
    Hvis vi i { $municipality } opdager, at andre har adgang til dit MitID, skal vi spærre det.
    Skal nogen hjælpe dig med dine sager, kan du give dem en Digital Fuldmagt på https://www.borger.dk.

faq-voluntary-q = Er det frivilligt at have MitID?
faq-voluntary =
    Ja, det er frivilligt at have MitID.
    Men du skal bruge MitID til det meste af den offentlige selvbetjening, for eksempel Digital Post og borger.dk.
    Uden MitID bliver det derfor sværere at klare dine sager selv.

faq-documents-q = Hvilke dokumenter skal jeg have med?
faq-documents =
    Tag gyldige originaler med – ikke kopier, billeder eller midlertidige dokumenter.
    Ét af disse er nok: dansk kørekort (kort eller app), dansk pas med dit CPR-nummer eller dansk opholdstilladelse med billede og CPR-nummer.
    Ellers skal du have to dokumenter med: ét med dit CPR-nummer (for eksempel det gule sundhedskort) og ét med billede (for eksempel pas eller nationalt ID-kort fra dit hjemland).
    Andre dokumenter end dem på listen tæller ikke. Se hele listen på https://www.mitid.dk
    Er du i tvivl, så ring på { $phone }.

faq-witness-renewal-q = Skal jeg have et vidne med igen?
faq-witness-renewal =
    Havde du brug for et vidne, sidst du fik MitID? Så skal du næsten helt sikkert have et vidne med igen.
    Find dit vidne, før du bestiller tid.
    Kan du ikke finde et vidne, så ring til Borgerservice på { $phone }, før du bestiller.

faq-booking-q = Skal jeg bestille tid?
faq-booking =
    Ja, husk altid at bestille tid: { $booking_url }
    Har du bestilt tid, får du hjælp på det tidspunkt, du har bestilt. Uden tid kan vi kun hjælpe, hvis der er plads.
    Har du et MitID, der virker? Så kan du ofte selv klare det på https://www.mitid.dk, hvis du har fået ny telefon eller skal have ny adgangskode – uden at bestille tid.

faq-staff-help-q = Kan I hjælpe med appen på min telefon?
faq-staff-help =
    Vi kan hjælpe dig med at finde MitID-appen i App Store eller Google Play, aktivere den på en almindelig telefon og vise dig, hvordan du bruger den.
    Vi er ikke IT-specialister. Vi kan ikke løse tekniske problemer, hvis appen ikke kan installeres eller ikke virker på din telefon.
    Installér appen, før du kommer.

faq-phone-cannot-run-app-q = Min telefon kan ikke bruge appen
faq-phone-cannot-run-app =
    MitID-appen kræver en telefon eller tablet med Google Play eller App Store.
    Den virker ikke på telefoner, der er rootet eller jailbreaket (ændret, så telefonens sikkerhed er slået fra), og heller ikke på Android 9 eller ældre.
    Vi kan desværre ikke få appen til at virke på en telefon, der ikke kan køre den.
    Du kan i stedet bruge en kodeviser eller kodeoplæser. De første 3 er gratis.

faq-cpr-document-q = Hvor får jeg et papir med CPR-nummer?
faq-cpr-document =
    Bor du i Danmark: Få det gule sundhedskort hos Borgerservice i { $municipality }. Tag kortet med: Sundhedskortet i appen kan du først åbne, når du har et MitID, der virker.
    Bor du i udlandet (for eksempel i Tyskland) og arbejder i Danmark: Du skal have det særlige sundhedskort.
    Du kan også bruge din årsopgørelse eller forskudsopgørelse fra Skattestyrelsen. Den må højst være 3 måneder gammel den dag, du har tid.
    Husk: Du skal også have et dokument med billede med.

faq-userid-password-pin-q = Hvad er bruger-ID, adgangskode og PIN?
faq-userid-password-pin =
    Bruger-ID er dit brugernavn. Du skriver det, hver gang du logger på. Det er ikke en adgangskode.
    PIN-koden har 6 cifre og hører til MitID-appen.
    Adgangskoden (8–64 tegn) bruger du sammen med en kodeviser, kodeoplæser eller chip.
    Vælg gerne dit bruger-ID, før du kommer. Så går det hurtigere.

faq-password-reset-q = Jeg har glemt min adgangskode
faq-password-reset =
    Har du MitID-appen, kan du selv lave en ny adgangskode på https://www.mitid.dk
    Ellers kan MitID Support hjælpe på { $support_phone }, eller du kan bestille tid hos Borgerservice: { $booking_url }
    Skal du til Borgerservice, så tag din kodeviser (eller telefonen med appen) med og de samme dokumenter som til et nyt MitID – se "Hvilke dokumenter skal jeg have med?". Du får en aktiveringskode.

faq-who-witness-q = Hvem kan være mit vidne?
faq-who-witness = { witness-requirements }

faq-witness-needed-q = Skal jeg have et vidne med?
faq-witness-needed =
    Når du får MitID, stiller systemet 4–6 spørgsmål ud fra CPR-registret. Ved registret for lidt om dig, skal du have et vidne.
    Tag et vidne med, hvis du bor uden for Danmark, har boet her under 5 år, eller sjældent er flyttet og ikke har børn.
    Havde du et vidne med sidst, skal du næsten helt sikkert have et vidne med igen.
    Kan du ikke finde et vidne, så ring på { $phone }.

faq-phone-number-q = Hvad er jeres telefonnummer?
faq-phone-number =
    Ring til Borgerservice i { $municipality } på { $phone }.
    Har du spørgsmål om selve MitID, kan MitID Support også hjælpe på { $support_phone }.

faq-age-q = Hvor gammel skal man være?
faq-age =
    Du kan få MitID, når du er fyldt 13 år.
    Et vidne skal være mindst 18 år.
    Er dit barn 13–17 år? Ring til Borgerservice på { $phone }, og hør, om du skal med.

faq-no-cpr-q = Jeg har ikke et CPR-nummer
faq-no-cpr =
    { $municipality } kan hjælpe dig med MitID, når du har et CPR-nummer.
    Først skal du registreres i CPR. Ring til Borgerservice på { $phone }, eller kontakt International Citizen Service. Så kan du høre, hvordan du gør.

faq-new-phone-q = Jeg har fået en ny telefon
faq-new-phone =
    Virker dit MitID stadig på den gamle telefon? Så kan du selv aktivere appen på den nye. Du skal ikke bestille tid.
    Hent MitID-appen på den nye telefon, og følg vejledningen. Du kan have op til 3 aktive apps.
    Læs mere på https://www.mitid.dk
    Virker dit MitID ikke længere? Så bestil tid: { $booking_url }

faq-code-display-q = Kan jeg få en kodeviser?
faq-code-display =
    Du kan bruge en kodeviser i stedet for appen. Den viser en kode, som du bruger sammen med din adgangskode. Ser du dårligt, kan du få en kodeoplæser, der læser koden højt.
    De første 3 kodevisere eller kodeoplæsere er gratis. En MitID-chip koster penge.
    Læs mere på https://www.mitid.dk

faq-where-q = Hvor ligger Borgerservice?
faq-where =
    Borgerservice ligger på Rådhuset, Skelbækvej, Aabenraa. Der er også Borgerservice i Bov.
    Husk at bestille tid, før du kommer: { $booking_url }
