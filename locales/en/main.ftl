## mitid-bot, English. Plain, international English; short messages for a phone.
## Variables every message may use: $municipality, $phone, $support_phone, $booking_url,
## $retention_days, $evening_hour, $evening_minute, $before_hours (see src/i18n.rs).
## $phone and $support_phone carry +45 in English and German.

## ---- Formats ----

# Moments as English is written: "Thursday 3 December 2026 at 9:30" (no leading zero on the hour).
# $weekday (1 = Monday), $day, $month, $year, $hour, $minute (two digits).
# Texts use them through variables: $appointment ("Thursday 3 December 2026 at 9:30"; write
# "on { $appointment }"), $appointment_date ("Thursday 3 December 2026"), $appointment_from
# ("from 3 December 2026 at 9:30", or "from 21 December 2026" when the moment is midnight).
fmt-date = { fmt-weekday } { $day } { fmt-month } { $year }
fmt-datetime = { fmt-date } at { $hour }:{ $minute }
fmt-from-date = from { $day } { fmt-month } { $year }
fmt-from-datetime = from { $day } { fmt-month } { $year } at { $hour }:{ $minute }
fmt-weekday = { $weekday ->
    [1] Monday
    [2] Tuesday
    [3] Wednesday
    [4] Thursday
    [5] Friday
    [6] Saturday
   *[7] Sunday
}
fmt-month = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
}

progress = Step { $step } of { $total }

## ---- Buttons used in many places ----

btn-yes = Yes
btn-no = No
btn-not-sure = I am not sure
btn-dont-remember = I do not remember
btn-continue = Continue
btn-done = Done
btn-back = Back
btn-restart = Start over
btn-resume = Continue where I left off
btn-menu = Main menu
btn-faq = Questions and answers
btn-book = Book an appointment
btn-book-online = Book online
btn-language = Language / Sprog / Sprache
btn-privacy = What do you keep about me?
btn-prepare = Prepare for my appointment
btn-checklist = Show my checklist
btn-witness-check = Check my witness
btn-userid-check = Check a UserID idea
btn-check-documents = Check my documents

lang-da = Dansk
lang-en = English
lang-de = Deutsch

## ---- Welcome, menu, help ----

welcome =
    Hello! I am the automated assistant of Citizen Service (Borgerservice) at { $municipality }.

    I help you get ready for your MitID appointment, so you can get MitID in one visit: which documents to bring, whether you need a witness, and how to get your phone ready.

    I never ask for your password, PIN or CPR number.

menu = What would you like to do?

help =
    { $channel ->
        [web]
            How to use me:
            • Press a button, or write your question in your own words, for example "Do I need a witness?".
            • "Delete my answers" at the bottom of the page deletes everything I keep about you.

            If I cannot answer your question, call Citizen Service (Borgerservice) on { $phone }.
       *[other]
            How to use me:
            • Press a button, or type its text or number.
            • You can also write your question, for example "Do I need a witness?".
            • /menu shows the main menu. /restart starts the preparation again.
            • /checklist shows your checklist. /reminders shows your reminders.
            • /language changes the language. /forget deletes everything I keep about you.

            If I cannot answer your question, call Citizen Service (Borgerservice) on { $phone }.
    }

language-choose = Which language do you prefer?

privacy =
    What I keep about you:
    • your answers to my questions, for example "lives in Denmark",
    • the dates you give me: when your witness got MitID, and the date and time of your appointment,
    • your language, and where we are in our conversation.
    I keep them so that you can continue later and see your checklist again.

    I do not keep anything else you write: not your UserID ideas, and not your questions.

    Everything is deleted after { $retention_days } days without activity. If you asked me for a reminder, it is deleted { $retention_days } days after the reminder. When you write /forget, I delete everything at once.

    I also count how the bot is used, for example how many checklists I show. These numbers do not say who you are.

    Telegram is a separate company and handles the chat itself. Please do not send your CPR number, passwords or photos of your documents here.

# The same on the web chat: no Telegram, no reminders sent, deleting is a button.
privacy-web =
    What I keep about you:
    • your answers to my questions, for example "lives in Denmark",
    • the dates you give me: when your witness got MitID, and the date and time of your appointment,
    • your language, and where we are in our conversation.
    I keep them so that you can continue later and see your checklist again.

    I do not keep anything else you write: not your UserID ideas, and not your questions.

    Everything is deleted { $retention_days } days after your last answer, or { $retention_days } days after your appointment if that is later. When you press "Delete my answers", I delete everything at once.

    I also count how the chat is used, for example how many checklists I show. These numbers do not say who you are.

    This page uses one cookie. It only tells us which conversation is yours. Please never write your CPR number, password or PIN here.

book =
    You always need to book an appointment with Citizen Service (Borgerservice) to get MitID. If you have booked, we help you at your time. If you have not booked, we can only help you if we have time.

    Book online: { $booking_url }
    If you have questions, call { $phone }.

start-over-notice = Let's start again from the beginning.

## ---- Things the engine says ----

stale-button = That button belongs to an earlier message. Here is where we are now:
not-understood =
    Sorry, I did not understand that. You can press a button below, write your question in a few words, or call Citizen Service on { $phone }.
only-text = I can only read text and buttons. Please write your question, or press a button.
# Only Telegram lets the bot delete the message; the web page does not show it again.
cpr-warning =
    { $channel ->
        [telegram] It looks like you sent a CPR number. Please never send your CPR number in a chat. I have not saved it, and I have tried to delete your message.
       *[other] It looks like you wrote a CPR number. Please never send your CPR number in a chat. I have not saved it.
    }
date-unreadable = I could not read that date. Please write the day first, then the month, for example "15 January" or "15.01". You can add the time: "15 January 14:30".
date-no-such-day = That date does not exist. Please check the day and the month. Write the day first, for example "28 February" or "28.02".
date-in-future = That date is in the future. Please write the date your witness got MitID.
date-in-past = That date has already passed. Please write the date and time of your appointment, for example "15 January 10:00".

## ---- UserID check (what the user typed is never saved) ----

userid-allowed = ✅ That UserID follows the rules ({ $length } characters).
userid-not-allowed = ❌ That UserID is not allowed:
userid-problem-too-short = • It has { $length } characters. It needs at least 5.
userid-problem-too-long = • It has { $length } characters. It can have at most 48.
userid-problem-characters = • These characters are not allowed: { $characters }. For a letter with a mark, write it without the mark, for example "u" or "ue" for "ü", and "l" for "ł".
userid-problem-starts-with-space = • It must not start with a space.
userid-problem-ends-with-space = • It must not end with a space.
userid-problem-ten-digits = • It must not be 10 digits, like a CPR number.
userid-warning-cpr = ⚠️ It looks like it contains a CPR number. That is allowed, but I advise you not to use your CPR number in your UserID.
userid-warning-ten-digits = ⚠️ It contains 10 digits in a row. That is allowed, but it could be mistaken for a CPR number.
userid-ends-not-seen = I cannot see spaces at the very start or end of a message, so they are not counted. A UserID must not start or end with a space.
userid-not-kept =
    I have not saved what you wrote. You will only find out if a UserID is free when you create your MitID, so have a second idea ready.
    Type another idea to check it, or press a button.

## ---- 1. About you ----

cpr-unsure =
    You have a CPR number if you are registered in Denmark. It has 10 digits: your date of birth and four more. It is on your yellow health insurance card ("the yellow card"), or on the special health insurance card (særligt sundhedskort) if you live abroad and work in Denmark.

    Do you have one?
btn-cpr-have-not = No, I do not have one
no-cpr =
    You need a CPR number to get MitID at Citizen Service (Borgerservice).

    To get a CPR number, you must be registered in Denmark. If you have moved here or work here, Citizen Service or International Citizen Service can tell you how. Call Citizen Service on { $phone } if you are unsure what applies to you.

under-13 =
    You can get MitID from the age of 13. You are welcome to come back then.

reason-question = Why do you need MitID?
btn-reason-first = I am getting MitID for the first time
btn-reason-new-phone = I have a new phone
btn-reason-password = I forgot my password
btn-reason-code-display = I lost my code display
btn-reason-other = My MitID does not work for another reason

self-service-done = Good luck! If it does not work, come back here and choose "Prepare for my appointment".

witness-last-question = The last time you got MitID or NemID, did you need a witness?

## ---- 2. Where you live ----

residence-question = Where do you live?
btn-residence-dk = In Denmark
btn-residence-cross-border = Abroad, and I work in Denmark
btn-residence-abroad = Abroad, and I do not work in Denmark

## ---- 3. Documents ----

doc-main-question =
    Which of these Danish documents do you have? If you have more than one, choose the one highest in the list. It must be valid.

    A driving licence from Greenland, or a passport from Greenland or the Faroe Islands, counts as Danish here.
btn-doc-licence = Danish driving licence
btn-doc-dk-passport = Danish passport (not an emergency passport)
btn-doc-dk-permit = Residence permit or card issued in Denmark
btn-doc-none-of-these = None of these

main-cpr-question = { $main_doc ->
    [dk_permit] Does your residence permit or card show your CPR number?
   *[other] Does your passport show your CPR number?
}

docs-question = Choose every document you have, then press "Done". You need two: at least one must show your CPR number, and at least one must have a photo. A certificate from Greenland counts as Danish.
docs-dk-id-counts = Your { $main_doc ->
    [dk_permit] residence permit
   *[other] passport
} counts as one of them, as a photo ID.
doc-yellow-card = Yellow health insurance card
doc-special-card = Special health card for cross-border workers
doc-personal-cert = Danish personal or birth certificate
doc-residence-cert = Danish certificate of residence
doc-foreign-passport = Passport from another country (not an emergency passport)
doc-foreign-id = Foreign ID card or driving licence
doc-municipal-id = Municipal ID card
doc-tax = Danish tax statement or assessment
doc-benefit = Public benefit papers (for example SU)

personal-cert-cpr-question = Does your personal certificate (personattest) or birth certificate show your CPR number?
residence-cert-cpr-question = Does your certificate of residence (bopælsattest) show your CPR number?
tax-recent-question = Will your Danish tax statement (annual tax statement or preliminary income assessment) be at most 3 months old on { $appointment_known ->
    [yes] { $appointment_day_date }, the day of your appointment
   *[other] the day of your appointment
}?
benefit-recent-question = Will your papers about public benefits (for example SU, the Danish student grant) be at most 3 months old on { $appointment_known ->
    [yes] { $appointment_day_date }, the day of your appointment
   *[other] the day of your appointment
}?

docs-enough = ✅ Your documents are enough. Remember to bring them.
docs-maybe =
    ⚠️ Your documents may not be enough: they show your CPR number, but none of them has a photo.
    Bring a photo ID if you have one, for example a passport. If you have none, call Citizen Service on { $phone } before you book.
docs-not-enough = ❌ Your documents are not enough yet. { $documents_missing ->
    [photo] You also need a document with a photo, for example a passport or a national ID card.
    [second] You need one more document from the list.
    [cpr_and_photo] You need a document that shows your CPR number and a document with a photo.
   *[cpr] You also need a document that shows your CPR number.
}
docs-too-old-tax = Your tax statement does not count, because it will be more than 3 months old on the day of your appointment.
docs-too-old-benefit = Your benefit papers do not count, because they will be more than 3 months old on the day of your appointment.
docs-no-cpr-personal-cert = Your personal or birth certificate only counts if it shows your CPR number.
docs-no-cpr-residence-cert = Your certificate of residence only counts if it shows your CPR number.
docs-originals = Bring valid originals. A photo or PDF of a document does not count.
btn-change-documents = Change my documents

## ---- 4. Witness ----

witness-forecast = { $witness ->
    [almost_certain] You will almost certainly need a witness.
    [likely] You will likely need a witness.
   *[unlikely] You will probably not need a witness.
}
witness-forecast-unknown = Whether you need a witness depends on how much the CPR register knows about you.
witness-reason-last-time = • You needed a witness last time.
witness-reason-abroad = • You live outside Denmark.
witness-reason-under-five = • You have lived in Denmark for less than 5 years.
witness-reason-little-history = • You have rarely moved and have no children, so the CPR register knows little about you.
witness-requirements =
    Your witness must:
    • be 18 or older,
    • have had their own MitID for at least 30 full days (30 × 24 hours) at the time of your appointment,
    • have been a witness at most 2 times in the last 120 days, so that your appointment is at most their 3rd time,
    • come with you and bring their own MitID (the phone with the app, or their code display) and a valid photo ID,
    • also bring one of these if their photo ID does not show their CPR number (no foreign ID shows it):
    { -witness-cpr-documents }
witness-if-needed = If that happens, you can book a new time and bring a witness. If you know someone who meets the rules below, you can also bring them to be safe.

## ---- 5. Phone or code display ----

device-question = How do you want to use MitID?
btn-device-app = With the MitID app on my phone
btn-device-code-display = With a code display
btn-device-audio = With an audio code reader
btn-device-unsure = I do not know yet
device-compare =
    • The MitID app: most people use it. You need a phone or tablet with Google Play or the App Store.
    • A code display: a small device that shows a code. You use it with a password.
    • An audio code reader: like a code display, but it reads the code aloud. For people with poor sight.
device-app =
    For the MitID app, your phone or tablet must:
    • have Google Play or the App Store (some Huawei phones have no Google Play),
    • not be rooted or jailbroken (changed so that the phone's own security is switched off),
    • not be too old: Android 9 and older no longer work.

    Please install the MitID app before you come, and bring the phone (with its SIM card: you get a code by SMS).
    You will choose a 6-digit PIN for the app. Never tell anyone your PIN.

    Our staff can help you find the app and activate it, but they cannot fix phone problems.
btn-phone-ok = My phone can do that
btn-phone-not-ok = My phone cannot do that
device-code =
    You use a code display or an audio code reader together with a password. Your first 3 code displays or audio code readers are free.

    Your password:
    • has 8 to 64 characters,
    • must not contain your UserID,
    • must not contain 10 digits, such as your CPR number,
    • must not contain words like "password", or rows of keys like "qwertyui" or "abc12345".

    Think of a password before you come, but never tell it to anyone – not to me, and not to our staff.

## ---- 6. UserID ----

userid-rules =
    You log in with a UserID (bruger-ID). It is like a username, not a password: you type it every time you log in.
    If you are getting MitID for the first time, choose a UserID before you come, to save time. If you already have MitID, you do not need a new UserID: remember the one you have.

    The rules:
    • 5 to 48 characters,
    • letters a–z, æ, ø, å (small and capital letters count as the same),
    • digits 0–9, spaces and these characters: {"{"} {"}"} ! # $ ^ , * ( ) _ + - = : ; ? . @
    • no other letters (not ü, ö, é or ß),
    • no space at the start or end,
    • not your CPR number, and not exactly 10 digits.
userid-try = Type an idea and I will check it. If you prefer, type a similar example instead of your real UserID. I will not save it.
btn-userid-chosen = I have chosen a UserID
btn-userid-have = I already have a UserID
btn-userid-later = I will choose it later

## ---- The checklist ----

cl-title = 📋 Your checklist for MitID at Citizen Service (Borgerservice), { $municipality }
cl-docs-heading = Bring these documents (valid originals):
cl-doc-main = • { $main_doc ->
    [licence] Your Danish driving licence
    [dk_permit] Your residence permit or card with your CPR number
   *[other] Your Danish passport with your CPR number
}
cl-doc-yellow-card = • Your yellow health insurance card
cl-doc-special-card = • Your special health insurance card (særligt sundhedskort)
cl-doc-personal-cert = • Your personal or birth certificate
cl-doc-residence-cert = • Your certificate of residence
cl-doc-foreign-id = • Your foreign ID card or driving licence
cl-doc-foreign-passport = • Your passport
cl-doc-municipal-id = • Your municipal ID card
cl-doc-dk-id-no-cpr = • Your { $main_doc ->
    [dk_permit] residence permit or card
   *[other] Danish passport
}
cl-doc-tax = • Your Danish tax statement (at most 3 months old on { $appointment_known ->
    [yes] { $appointment_day_date }
   *[other] the day of your appointment
})
cl-doc-benefit = • Your papers about public benefits (at most 3 months old on { $appointment_known ->
    [yes] { $appointment_day_date }
   *[other] the day of your appointment
})
cl-docs-maybe = ⚠️ Also bring a photo ID if you have one. If you have none, call Citizen Service on { $phone } before you book.
cl-docs-missing = ❌ Your documents are not enough yet. Get this first, then book your appointment:
cl-docs-unknown = • I have not checked your documents yet. Choose "Prepare for my appointment" to check them.
cl-witness =
    👥 Bring a witness. { $witness ->
        [almost_certain] You will almost certainly need one.
       *[other] You will likely need one.
    }
    { witness-requirements }
cl-witness-unlikely = 👥 You will probably not need a witness. If you need one after all, you can book a new time and bring one.
cl-witness-unknown = 👥 I do not know yet whether you need a witness. Choose "Do I need a witness?" below.
cl-witness-checked = 👥 Bring your witness. { $witness ->
        [almost_certain] You will almost certainly need one.
       *[other] You will likely need one.
    } From your answers, your witness meets the rules. They must still meet them on the day of your appointment.
btn-witness-need = Do I need a witness?
cl-app = 📱 Install the MitID app before you come, and bring the phone with its SIM card. You will choose a 6-digit PIN.
cl-code-display =
    🔑 Think of a password before you come:
    • 8 to 64 characters,
    • not containing your UserID,
    • no 10 digits, such as your CPR number,
    • no words like "password", and no rows of keys like "qwertyui".
    Never tell your password to anyone.
cl-device-unknown = 📱 Decide whether you want the MitID app or a code display.
cl-userid-chosen = 👤 You have chosen your UserID.
cl-userid-todo = 👤 Choose a UserID before you come (5–48 characters).
cl-userid-have = 👤 Remember your UserID: you type it when you log in.
cl-book = 📅 Book an appointment online: { $booking_url }
    Questions? Call Citizen Service on { $phone }.
cl-keep = Show this checklist at the counter. Take a screenshot of it, so you have it with you.

## ---- Witness check ----

wc-intro =
    I will check whether someone can be your witness. I ask about your witness's age, when they got MitID, how often they have been a witness, and which photo ID they will bring.

    The dates you give are only used for this check. You can delete them at any time: see "What do you keep about me?" in the main menu.
btn-wc-start = Start the check
wc-adult-question = Is your witness 18 years or older?
wc-mitid-question = When did your witness get MitID? Write the date with the day first, for example "3 November 2025" or "3.11.2025". You can add the time: "3.11.2025 14:30".
btn-wc-mitid-unknown = They do not know
wc-mitid-unknown =
    Your witness must have had MitID for at least 30 full days (30 × 24 hours) at the time of your appointment. Ask them to find out when they got it, then check again.
btn-wc-enter-date = Enter the date
wc-appointment-known-question = Have you booked your appointment?
btn-wc-not-booked = Not yet
wc-appointment-question = When is your appointment? Write the date and the time, with the day first, for example "15 January 10:00".
wc-count-question = How many times has your witness been a witness for someone else in the last 120 days?
btn-wc-count-0 = Never
btn-wc-count-1 = Once
btn-wc-count-2 = Twice
btn-wc-count-3-plus = 3 times or more
wc-photo-question = Which photo ID will your witness bring?
btn-wc-photo-licence = Danish driving licence
btn-wc-photo-dk-passport-cpr = Danish passport with CPR number
btn-wc-photo-dk-passport-no-cpr = Danish passport without CPR number
btn-wc-photo-permit-cpr = Residence permit with CPR number
btn-wc-photo-permit-no-cpr = Residence permit without CPR number
btn-wc-photo-foreign-passport = Passport from another country
btn-wc-photo-foreign-id = National ID card from another country
wc-ok = ✅ This person can be your witness.
wc-not-ok = ❌ This person cannot be your witness:
wc-problem-under18 = • A witness must be 18 or older.
wc-not-yet = ⏳ Not yet: they have not had MitID for 30 full days. They can be your witness { $w_eligible_from }. Book your appointment for that time or later.
wc-problem-too-many = • They have already been a witness 3 times or more in the last 120 days.
wc-assumed-end-of-day = As you gave no time, I counted from the end of that day, to be safe.
wc-no-appointment = I checked against today. Your witness must still meet these rules at the time of your appointment.
wc-brings = Your witness must bring their own MitID (the phone with the app, or their code display) and a valid photo ID.
wc-brings-cpr-doc =
    Their photo ID does not show their CPR number, so they must also bring one of these:
    { -witness-cpr-documents }
wc-cannot-find = If you cannot find a witness, call Citizen Service on { $phone } before you book.
btn-wc-another = Check another witness

## ---- Telegram ----

bot-short-description = Get ready for your MitID appointment at Citizen Service (Borgerservice): documents, witness, phone and UserID.
bot-description =
    The automated assistant of Citizen Service (Borgerservice) at { $municipality }. It helps you prepare for your MitID appointment, so you get MitID in one visit: which documents to bring, whether you need a witness, how to get your phone ready, and how to book.

    It never asks for your password, PIN or CPR number.
cmd-start = Start, or choose a language
cmd-menu = Main menu
cmd-faq = Questions and answers
cmd-witness = Check whether someone can be my witness
cmd-userid = Check a UserID idea
cmd-checklist = Show my checklist
cmd-book = Book an appointment
cmd-language = Change language
cmd-restart = Start the preparation again
cmd-privacy = What do you keep about me?
cmd-forget = Delete everything you keep about me
cmd-help = How to use this bot
forget-done = Done: I have deleted everything I kept about you. Write /start if you want to begin again.
group-private-only = I only help in a private chat, so your answers stay between us. Open a chat with me here: { $link }
edited-message = I only read new messages. Please send your answer again as a new message.
store-start-over = Sorry, I could not read our earlier conversation, so we start again from the beginning.
store-failed = Sorry, something went wrong on our side and I could not save your answer. Please try again in a moment, or call Citizen Service on { $phone }.

## ---- Reminders ----

btn-remind-me = Remind me of my appointment
remind-when-question = When is your appointment? Write the date and the time, for example "15 January 10:00" or "Thursday 9:30".
remind-confirm = Your appointment is on { $appointment }. Is that right?
btn-remind-yes = Yes, remind me
btn-remind-wrong = No, that is wrong
remind-set = Good. I will remind you of your appointment on { $appointment }:
remind-set-evening = • the evening before at { $evening_hour }:{ $evening_minute }, with your checklist,
remind-set-soon = • { $before_hours } hours before.
remind-set-calendar = Good. Your appointment is on { $appointment }. I cannot send you a message from this page, so add the appointment to your calendar with the calendar file. Your calendar will remind you:
remind-calendar-evening = • the evening before at { $evening_hour }:{ $evening_minute },
reminders-calendar = Your appointment is on { $appointment }. Add it to your calendar with the calendar file. Your calendar will remind you:
remind-set-how-to-cancel = Write /reminders to see or cancel your reminders.
reminders-list = You have a reminder for your appointment on { $appointment }:
reminders-none = You have no reminders. After your checklist, you can ask me to remind you of your appointment.
btn-reminders-cancel = Cancel my reminders
reminders-cancelled = Your reminders are cancelled.
reminder-evening = ⏰ Reminder: your MitID appointment at Citizen Service is tomorrow, { $appointment }. Here is your checklist:
reminder-soon = ⏰ Your MitID appointment at Citizen Service is soon: { $appointment }. Remember your documents, your phone or code display, and your witness if you need one. See you soon!
date-need-time = Please also write the time of your appointment, for example "15 January 10:00".
date-ambiguous = Which time do you mean?
date-option = { $when }
cmd-reminders = My reminders
## ---- Posters and QR codes (mitid-bot qr) ----

qr-caption = Scan with your phone to get ready for your MitID appointment at { $municipality }
