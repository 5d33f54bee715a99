# When the conversation store fails (src/telegram: store_failed, the store-lost notice).

store-failed = Sorry, something went wrong on my side and I could not save your answer. Please try again in a moment. If it is urgent, call Citizen Service on { $phone }.
store-lost = Sorry, I had a technical problem and lost your earlier answers. Let’s start again – it only takes a few minutes.
