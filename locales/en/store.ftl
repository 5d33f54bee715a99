# When the conversation store was damaged and started afresh (src/telegram: the store-lost notice).

store-lost = Sorry, I had a technical problem and lost your earlier answers. Let’s start again – it only takes a few minutes.
