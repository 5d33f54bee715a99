## mitid-bot, English: advice that must be right on the day of the appointment.
## What does not count, what to get before booking, the witness's CPR documents, renewals,
## phones that cannot run the app, and the source of each rule (mitid.dk).

## ---- Documents ----

docs-not-accepted =
    These do not count:
    • expired documents – check the expiry date on your passport or ID card,
    • temporary documents, for example an emergency passport,
    • photos, scans or PDFs of a document,
    • AltID, the digital ID app.
docs-first-time-cards = Getting MitID for the first time? Then bring the cards themselves. The driving licence app and the health card app need MitID to open, so you cannot show them yet.
tax-recent-question-dated = Your appointment is on { $appointment_date }. Will your Danish tax statement (annual tax statement or preliminary income assessment) be at most 3 months old on that day?
benefit-recent-question-dated = Your appointment is on { $appointment_date }. Will your papers about public benefits be at most 3 months old on that day?
docs-get-first = Get this first, and book your appointment when you have it:

# What to get when the documents are not enough, one line each, in the flow's order.
get-yellow-card = • The yellow health insurance card, the card itself. If you have lost it or never got one, call Citizen Service on { $phone } to order one.
get-special-card = • The special health insurance card (særligt sundhedskort), for people who live abroad and work in Denmark. Call Citizen Service on { $phone } to ask how to apply.
get-tax = • Or a paper from the Danish Tax Agency (Skattestyrelsen): your annual tax statement or preliminary income assessment. It must be at most 3 months old on the day of your appointment.
get-ask = • A document that shows your CPR number. Call Citizen Service on { $phone } to ask which one you can get.
get-photo-id = • A valid photo ID: a passport or a national ID card (not a temporary one). If you live in Denmark, you can also order a municipal ID card (legitimationskort) from your municipality. It takes a few weeks.
get-photo-id-too = • And also a valid photo ID: a passport or a national ID card (not a temporary one). If you live in Denmark, you can also order a municipal ID card (legitimationskort) from your municipality. It takes a few weeks.
get-second-doc = • One more document from the list, for example the yellow health insurance card.

## ---- Witness ----

witness-why = At the counter, the system asks you 4–6 questions from the CPR register. If the register does not have enough information about you, a witness must confirm who you are.

# The only documents that show a witness's CPR number (mitid-rules.md §2).
-witness-cpr-documents =
       – the yellow health insurance card (card or app),
       – a birth or baptism certificate from Denmark or Greenland,
       – a personal certificate (personattest) or certificate of residence (bopælsattest) from Denmark or Greenland,
       – a municipal ID card (legitimationskort) together with the yellow card.
    Other papers, for example a tax statement, do not count for the witness.

## ---- Phone or code display ----

device-app-will-not-work = Then the MitID app will not work on your phone. That is the case on a rooted or jailbroken phone, on a phone without Google Play or the App Store (for example some Huawei phones), and on Android 9 or older. Our staff cannot change that. A code display is the way for you: it needs no phone.

## ---- Sources: where each rule comes from, so citizens and staff can check it ----

source-documents = Source: https://www.mitid.dk/en-gb/help/help-universe/mitid-and-documentation/
source-witness = Source: https://www.mitid.dk/en-gb/help/help-universe/mitid-and-documentation/
source-app = Source: https://www.mitid.dk/en-gb/help/help-universe/when-you-get-mitid/
source-password = Source: https://www.mitid.dk/en-gb/help/help-universe/mitid-password/
source-userid = Source: https://www.mitid.dk/en-gb/help/help-universe/mitid-user/

## ---- The checklist ----

cl-docs-not-accepted = 📄 Originals only: no photos, scans or PDFs, no temporary documents such as an emergency passport, and no AltID.
cl-renew-bring = 🔑 { $renew_why ->
    [password] Bring your code display, and your phone with the MitID app if you have one. At the counter you get an activation code to make a new password.
    [code_display] You get a new code display at the counter. Bring your phone with the MitID app if you have one.
   *[other] Bring what you use for MitID today: your code display, or your phone with the MitID app.
} You need the same documents as for a first MitID (see above).
cl-renew-support = ☎️ { $renew_why ->
    [password] MitID Support may help you without an appointment: call { $support_phone }. After some questions about you, they can send you an activation code by SMS. They cannot do that if your mobile number on MitID was changed in the last 5 days: then come to Citizen Service. Source: https://www.mitid.dk/en-gb/help/help-universe/mitid-password/get-new-mitid-password/
    [code_display] MitID Support can block your lost code display and tell you what else you can do: call { $support_phone }.
   *[other] MitID Support may be able to help you without an appointment: call { $support_phone }.
}
cl-no-app = 📱 The MitID app will not work on your phone, so you will use a code display.
cl-userid-renew = 👤 You keep your UserID: remember it, as you type it every time you log in. Forgotten it? MitID Support ({ $support_phone }) or the staff at the counter can help you find it.
cl-book-after = 📅 When you have it, book your appointment: { $booking_url }
    Questions? Call Citizen Service on { $phone }.
