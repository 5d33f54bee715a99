## The web chat's own words (src/web/): the page around the conversation, and the
## calendar file (src/calendar.rs). The conversation itself uses the same texts as Telegram;
## where the web works differently, a text selects on `$channel` (`[web]`).

web-title = MitID help from { $municipality }
web-heading = Get ready for MitID
web-intro = Answer a few short questions and get a checklist for your visit to Citizen Service (Borgerservice).
web-skip = Skip to the conversation
web-conversation = Conversation
web-you = You:
web-text-label = Write your answer or your question
web-text-hint = Never write your CPR number, your password or your PIN. Your questions and UserID ideas are answered automatically and not kept. The dates you write are kept with your answers.
web-send = Send
web-language = Language
web-new-window = (opens in a new window)
web-print = Print the checklist
web-calendar = Add the appointment to your calendar
web-calendar-hint = The calendar file has two reminders: the evening before at { $evening_hour }:{ $evening_minute }, and { $before_hours ->
        [one] { $before_hours } hour
       *[other] { $before_hours } hours
    } before. Check that your calendar shows them.
web-forget = Delete my answers
web-forget-hint = Deletes everything kept about this conversation, right away.
web-forget-done-title = Your answers have been deleted
web-forget-done = Nothing about this conversation is stored any more.
web-start-again = Start over
web-privacy-note = We use only one necessary cookie, so that you can continue the conversation. Your answers are deleted { $retention_days } days after your last answer, or { $retention_days } days after your appointment if that is later. You can also delete them yourself at once: press "Delete my answers".
web-busy-title = Please wait a moment
web-busy = I have received a lot of messages in a short time. Please wait a minute and try again. You can also call Citizen Service on { $phone }.
web-too-long-title = The message is too long
web-too-long = Your message is too long for me. Please write it a little shorter and try again.
web-not-found-title = Page not found
web-not-found = This page does not exist. Go back to the conversation, or call Citizen Service on { $phone }.
web-no-appointment-title = The appointment time is missing
web-no-appointment = I do not know the time of your next appointment. Choose "Remind me of my appointment" below your checklist, and write the date and time.
web-back = Back to the conversation

calendar-caption = Your appointment as a calendar file. Open it to add the appointment to your calendar.
calendar-summary = MitID at Citizen Service, { $municipality }
calendar-location = Citizen Service (Borgerservice), { $address }
calendar-description =
    Your MitID appointment at Citizen Service (Borgerservice).

    Remember your documents, and your witness if you need one. Bring your phone with the MitID app, or your code display or audio code reader if you already have one. Bring your checklist, printed or as a screenshot.

    If your booking confirmation shows a different address, go there.

    If you cannot come, call Citizen Service on { $phone }.
calendar-alarm-evening = Tomorrow is your MitID appointment at Citizen Service. Remember your documents.
calendar-alarm-soon = Your MitID appointment at Citizen Service starts soon.
