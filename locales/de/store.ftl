# When the conversation store was damaged and started afresh (src/telegram: the store-lost notice).

store-lost = Entschuldigung, ich hatte ein technisches Problem und habe Ihre bisherigen Antworten verloren. Wir fangen noch einmal von vorne an – das dauert nur ein paar Minuten.
