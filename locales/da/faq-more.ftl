# More FAQ answers (issue 14): the new topics, the source line under every answer, and the
# buttons "this helped" / "this did not help". The topics are in dialogues/faq/match.toml.
# Variables: { $municipality }, { $phone }, { $booking_url }, { $municipality_url },
# { $address }, { $opening_hours }, { $opening_hours_known } (yes/no).

faq-home-q = Kan jeg få MitID hjemmefra?
faq-home =
    Ofte, ja. Har du et gyldigt pas eller et nationalt ID-kort med chip, kan du få MitID hjemmefra med MitID-appen. Du skal ikke bestille tid.
    Du skal bruge en telefon, der kan scanne passet (kamera og læsning af chippen). Du kan låne en telefon af for eksempel et familiemedlem. Der bliver ikke gemt noget om dig på den.
    Åbn MitID-appen, og følg trinene: Scan passet, læs chippen, scan dit ansigt, og vælg et bruger-ID.
    Chip-symbolet er et lille rektangel med en cirkel på passets forside eller på kortet. Udløbne dokumenter virker ikke, og appen kan ikke læse alle udenlandske chips.
    Virker det ikke? Så bestil tid hos Borgerservice, og tag dine dokumenter med: { $booking_url }

faq-digital-documents-q = Tæller dokumenter på telefonen?
faq-digital-documents =
    Kun to apps tæller: kørekort-appen og sundhedskort-appen.
    Begge apps skal åbnes med MitID. Skal du have dit første MitID, så tag det fysiske kort med.
    Et billede, en kopi eller en PDF af et dokument tæller ikke. AltID-appen tæller heller ikke: Den er ikke på listen over godkendte dokumenter på mitid.dk.
    Er du i tvivl, så ring på { $phone }.

faq-p-code-q = Hvad er en P-kode?
faq-p-code =
    Har du ikke et CPR-nummer, kan du få MitID hjemmefra med dit pas og en P-kode.
    P-koden har 8 cifre. Du får den hos MitID Support på { $support_phone } eller i et borgerservicecenter. Den gælder i 60 dage, og du har 3 forsøg.
    Men et MitID, der er lavet med en P-kode, kan ikke bruges til de fleste selvbetjeningsløsninger, der kræver et CPR-nummer.
    { $municipality } hjælper borgere, der har et CPR-nummer.

faq-opening-hours-q = Hvornår har Borgerservice åbent?
faq-opening-hours =
    { $opening_hours_known ->
        [yes] Borgerservice har åbent: { $opening_hours }
       *[other] Du finder Borgerservices åbningstider på { $municipality_url }
    }
    Husk at bestille tid, før du kommer: { $booking_url }
    Spørgsmål? Ring på { $phone }.

faq-new-phone-copy =
    Har du fået ny telefon, og virker appen stadig på den gamle? Så kan du selv kopiere appen: Hold de to telefoner tæt på hinanden, og slå Bluetooth til (på ældre Android-telefoner også placering). Der går lidt tid, før appen virker på den nye telefon.

faq-can-help =
    Jeg kan hjælpe dig med at gøre dig klar til MitID: hvilke dokumenter du skal have med, om du skal have et vidne med, hvordan du gør din telefon klar, og hvordan du bestiller tid: { $booking_url }

btn-faq-helped = 👍 Det hjalp
btn-faq-not-helped = 👎 Det hjalp ikke
faq-feedback-thanks = Tak for din besked!
faq-feedback-sorry =
    Det var ærgerligt. Prøv at spørge med andre ord, vælg et spørgsmål på listen, eller ring til Borgerservice på { $phone }.
    Du kan også bestille tid: { $booking_url }

## The source of each answer, shown under it.
faq-power-of-attorney-source = Kilde: mitid.dk – https://www.mitid.dk
faq-sharing-source = Kilde: { $municipality } – { $municipality_url }
faq-voluntary-source = Kilde: { $municipality } – { $municipality_url }
faq-home-source = Kilde: mitid.dk (på engelsk) – https://www.mitid.dk/en-gb/get-started-with-mitid/get-mitid-with-passport/
faq-documents-source = Kilde: mitid.dk (på engelsk) – https://www.mitid.dk/en-gb/help/help-universe/mitid-and-documentation/?language=en-gb
faq-digital-documents-source = Kilde: mitid.dk (på engelsk) – https://www.mitid.dk/en-gb/help/help-universe/mitid-and-documentation/?language=en-gb
faq-cpr-document-source = Kilde: mitid.dk (på engelsk) – https://www.mitid.dk/en-gb/help/help-universe/mitid-and-documentation/?language=en-gb
faq-witness-needed-source = Kilde: mitid.dk (på engelsk) – https://www.mitid.dk/en-gb/help/help-universe/mitid-and-documentation/?language=en-gb
faq-witness-renewal-source = Kilde: mitid.dk (på engelsk) – https://www.mitid.dk/en-gb/help/help-universe/mitid-and-documentation/?language=en-gb
faq-who-witness-source = Kilde: mitid.dk (på engelsk) – https://www.mitid.dk/en-gb/help/help-universe/mitid-and-documentation/?language=en-gb
faq-booking-source = Kilde: { $municipality } – { $municipality_url }
faq-staff-help-source = Kilde: { $municipality } – { $municipality_url }
faq-phone-cannot-run-app-source = Kilde: mitid.dk – https://www.mitid.dk
faq-new-phone-source = Kilde: mitid.dk (på engelsk) – https://www.mitid.dk/en-gb/help/help-universe/mitid-app/copy-app
faq-code-display-source = Kilde: mitid.dk – https://www.mitid.dk
faq-userid-password-pin-source = Kilde: mitid.dk – https://www.mitid.dk
faq-password-reset-source = Kilde: mitid.dk – https://www.mitid.dk
faq-age-source = Kilde: mitid.dk – https://www.mitid.dk
faq-no-cpr-source = Kilde: mitid.dk (på engelsk) – https://www.mitid.dk/en-gb/help/help-universe/non-citizens/
faq-p-code-source = Kilde: mitid.dk (på engelsk) – https://www.mitid.dk/en-gb/help/help-universe/mitid-app/p-code
faq-phone-number-source = Kilde: { $municipality } – { $municipality_url }
faq-where-source = Kilde: { $municipality } – { $municipality_url }
faq-opening-hours-source = Kilde: { $municipality } – { $municipality_url }
