# When the conversation store was damaged and started afresh (src/telegram: the store-lost notice).

store-lost = Beklager, jeg har haft et teknisk problem og har mistet dine tidligere svar. Vi starter forfra – det tager kun et par minutter.
