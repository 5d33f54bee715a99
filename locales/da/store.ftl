# When the conversation store fails (src/telegram: store_failed, the store-lost notice).

store-failed = Beklager, der gik noget galt hos mig, så jeg kunne ikke gemme dit svar. Prøv igen om lidt. Haster det, så ring til Borgerservice på { $phone }.
store-lost = Beklager, jeg har haft et teknisk problem og har mistet dine tidligere svar. Vi starter forfra – det tager kun et par minutter.
