## The web chat's own words (src/web/): the page around the conversation, and the
## calendar file (src/calendar.rs). The conversation itself uses the same texts as Telegram;
## where the web works differently, a text selects on `$channel` (`[web]`).

web-title = MitID-hjælp fra { $municipality }
web-heading = Gør dig klar til MitID
web-intro = Svar på nogle korte spørgsmål, og få en tjekliste til dit besøg hos Borgerservice.
web-skip = Gå til samtalen
web-conversation = Samtalen
web-you = Du:
web-text-label = Skriv dit svar eller dit spørgsmål
web-text-hint = Skriv aldrig dit CPR-nummer, din adgangskode eller din PIN-kode. Dine spørgsmål og forslag til bruger-ID bliver besvaret automatisk og ikke gemt. De datoer, du skriver, bliver gemt sammen med dine svar.
web-send = Send
web-language = Sprog
web-new-window = (åbner i et nyt vindue)
web-print = Udskriv tjeklisten
web-calendar = Tilføj tiden til din kalender
web-calendar-hint = Kalenderfilen har to påmindelser: aftenen før kl. { $evening_hour }.{ $evening_minute } og { $before_hours ->
        [one] { $before_hours } time
       *[other] { $before_hours } timer
    } før. Tjek, at din kalender viser dem.
web-forget = Slet mine svar
web-forget-hint = Sletter alt, hvad der er gemt om denne samtale, med det samme.
web-forget-done-title = Dine svar er slettet
web-forget-done = Der er ikke længere noget gemt om denne samtale.
web-start-again = Start forfra
web-privacy-note = Vi bruger kun én nødvendig cookie, så du kan fortsætte samtalen. Dine svar bliver slettet { $retention_days } dage efter dit sidste svar – eller { $retention_days } dage efter din tid, hvis den ligger senere. Du kan også selv slette dem med det samme: Tryk på "Slet mine svar".
web-busy-title = Vent et øjeblik
web-busy = Der er kommet mange beskeder på kort tid. Vent et minut, og prøv så igen. Du kan også ringe til Borgerservice på { $phone }.
web-too-long-title = Beskeden er for lang
web-too-long = Din besked er for lang til mig. Skriv den lidt kortere, og prøv igen.
web-not-found-title = Siden findes ikke
web-not-found = Den side findes ikke. Gå tilbage til samtalen, eller ring til Borgerservice på { $phone }.
web-no-appointment-title = Tidspunktet mangler
web-no-appointment = Jeg kender ikke dato og klokkeslæt for din næste tid. Vælg "Mind mig om min tid" under din tjekliste, og skriv dato og klokkeslæt.
web-back = Tilbage til samtalen

calendar-caption = Din tid som kalenderfil. Åbn den for at tilføje tiden til din kalender.
calendar-summary = MitID hos Borgerservice, { $municipality }
calendar-location = Borgerservice, { $address }
calendar-description =
    Din tid til MitID hos Borgerservice.

    Husk dine dokumenter og dit vidne, hvis du skal have et med. Tag telefonen med MitID-appen med – eller din kodeviser eller kodeoplæser, hvis du allerede har en. Tag din tjekliste med – udskrevet eller som skærmbillede.

    Står der en anden adresse i bekræftelsen på din tidsbestilling, så mød op dér.

    Kan du ikke komme? Ring til Borgerservice på { $phone }.
calendar-alarm-evening = I morgen har du tid til MitID hos Borgerservice. Husk dine dokumenter.
calendar-alarm-soon = Du har snart tid til MitID hos Borgerservice.
