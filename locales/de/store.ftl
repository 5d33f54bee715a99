# When the conversation store fails (src/telegram: store_failed, the store-lost notice).

store-failed = Entschuldigung, bei mir ist etwas schiefgegangen, und ich konnte Ihre Antwort nicht speichern. Bitte versuchen Sie es gleich noch einmal. Wenn es eilt, rufen Sie den Bürgerservice an: { $phone }.
store-lost = Entschuldigung, ich hatte ein technisches Problem und habe Ihre bisherigen Antworten verloren. Wir fangen noch einmal von vorne an – das dauert nur ein paar Minuten.
