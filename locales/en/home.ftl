## mitid-bot, English: who needs to come at all. MitID at home with a passport or ID card
## with a chip, renewals you can do yourself, and the first questions of the preparation.
## Facts: mitid-rules.md section 0. Links: mitid.dk's own guide.

## ---- Welcome and menu ----

btn-start-first = I need MitID for the first time
btn-start-renew = I have MitID, but something has changed
btn-home = Can I get MitID at home?
btn-home-chip = I have a passport or ID card with a chip

## ---- The first question ----

cpr-age-question = Do you have a Danish CPR number (personal identification number), and are you 13 or older?
btn-cpr-age-yes = Yes, and I am 13 or older
btn-cpr-none = I do not have a CPR number
btn-under-13 = I am younger than 13

no-cpr-home =
    But you may be able to get MitID at home, with the MitID app and a passport or ID card with a chip. Instead of a CPR number you then use a P-code from MitID Support.

## ---- Renewals: the one question that decides ----

btn-reason-userid = I forgot my UserID

renew-still-works = { $renew_why ->
    [new_phone] Does the MitID app still work on your old phone?
    [password] Can you still log in with the MitID app?
   *[other] Can you still log in with your MitID, for example with the app?
}

self-service-copy-app =
    Good news: you do not need an appointment. Copy the MitID app from your old phone to the new one yourself:
    • Install the MitID app on the new phone.
    • In the app on the old phone: open the menu, press "Activate" and choose to copy your MitID to a new app.
    • For your safety, you then wait 1 hour. The app tells you when the time is up.
    • Keep both phones close together, with Bluetooth turned on. On an older Android phone, turn on location too.
    • Scan the QR code on the old phone with the new one.
    • You can have up to 3 active apps.

    Step by step on mitid.dk: https://www.mitid.dk/en-gb/help/help-universe/mitid-app/copy-app/
self-service-password =
    Good news: you do not need an appointment. Log in on MitID.dk with the MitID app and choose a new password for your code display on your profile page. For your safety, you must wait 24 hours after you ask to change it.

    MitID.dk: https://www.mitid.dk/en-gb/
self-service-password-support =
    Call MitID Support on { $support_phone }. They can send you a temporary password.

    This is not possible if the mobile number on your MitID was changed in the last 5 days. Then you need to come to Citizen Service (Borgerservice).
self-service-userid =
    Good news: you do not need an appointment. Your UserID is shown on MitID.dk and in the MitID app once you have confirmed who you are.

    MitID.dk: https://www.mitid.dk/en-gb/
self-service-code-display =
    Good news: you do not need an appointment. Log in on MitID.dk with the MitID app and block the lost code display. Then see on MitID.dk what else you can do, or call MitID Support on { $support_phone }.

    MitID.dk: https://www.mitid.dk/en-gb/
self-service-other =
    As long as you can log in with the app, you can do a lot yourself on MitID.dk, without an appointment.

    MitID.dk: https://www.mitid.dk/en-gb/
    MitID Support can also help: { $support_phone }.
btn-self-service-try = Thank you, I will try that
btn-self-service-failed = It did not work

## ---- Do you need to come at all? ----

home-question =
    Maybe you do not need to come at all. You can get MitID at home with the MitID app if you have both:
    • a valid passport or national ID card with a chip. Look for the chip symbol on the cover or the card: a small rectangle with a circle in it.
    • a phone that can read the chip (NFC) with an updated system. It can also be the phone of someone who helps you.

    Do you have both?
btn-home-yes = Yes, I have both
btn-home-no-chip = No passport or ID card with a chip
btn-home-no-phone = No phone that can read it
btn-home-tried = I tried, and it did not work

home-guide =
    🏠 You can probably get MitID at home. Have this ready:
    • your passport or ID card with the chip,
    • the phone, with the MitID app installed,
    • your own mobile phone, for a code by SMS,
    • good light and about 15 minutes.

    In the MitID app:
    • Press "Get started" and choose passport or ID card.
    • Scan the code at the bottom of the photo page (it starts with "P"). On an ID card, it is on the back and starts with "I".
    • Hold the passport or card against the phone, so it can read the chip.
    • Scan your face.
    • Choose your UserID.
    • Activate the app with a temporary PIN you get by SMS, or order a code display.

    mitid.dk's guide, step by step: https://www.mitid.dk/en-gb/get-started-with-mitid/get-mitid-with-passport/
home-pcode =
    You do not have a CPR number, so you need a P-code (8 digits) instead. Get it from MitID Support on { $support_phone }. It is valid for 60 days, and you can try 3 times.

    Please note: a MitID made with a P-code cannot be used for most self-service that needs a CPR number.
home-pcode-if =
    No CPR number? Then you need a P-code (8 digits) instead. Get it from MitID Support on { $support_phone }. It is valid for 60 days, and you can try 3 times. A MitID made with a P-code cannot be used for most self-service that needs a CPR number.
home-helper =
    Someone may lend you their phone and help you. Nothing about you is saved on their phone. Ask them to look away while you choose your UserID.
home-if-fails =
    If the scan does not work:
    • find better light, without reflections on the page,
    • take the phone out of its cover,
    • take off your glasses for the face scan,
    • try another phone.

    Some foreign chips cannot be read by the app. Then come to Citizen Service (Borgerservice): I can help you get ready.
btn-home-try = I will try at home
btn-home-failed = The scan did not work
btn-home-anyway = Prepare for Citizen Service anyway

home-done =
    Good luck! If it does not work, come back and press "The scan did not work". I will then help you get ready for Citizen Service, with the answers you have already given.

## ---- What the CPR register knows about you ----

history-question =
    How long have you lived in Denmark, and have you moved or had children?

    At the counter you answer questions from the CPR register. The more it knows about you, the less likely you need a witness.
btn-history-both = 5+ years, moved more than once, have children
btn-history-moved = 5+ years, moved more than once, no children
btn-history-children = 5+ years, moved once or never, have children
btn-history-neither = 5+ years, moved once or never, no children
btn-history-under-5 = Less than 5 years

## ---- Poster for the lobby (mitid-bot qr --topic home) ----

qr-caption-home = Maybe you do not need to wait: scan the code and see if you can get MitID at home
