# Questions and answers (FAQ). The topics and their ids are in dialogues/faq/match.toml.
# faq-<topic>-q is the button (at most 40 characters), faq-<topic> is the answer.
# Variables: { $municipality }, { $phone }, { $booking_url }.

faq-menu = What would you like to know?
faq-unsure = Did you mean one of these questions?
faq-none =
    Sorry, I did not understand that.
    Choose a question from the menu, book a time at { $booking_url }, or call Citizen Service on { $phone }.

faq-power-of-attorney-q = Can I get power of attorney for a MitID?
faq-power-of-attorney =
    With a Digital Power of Attorney you can act for another person using your own MitID.
    Nobody can get power of attorney over another person's MitID – not a child's, a partner's or a parent's.
    Read more at https://www.borger.dk, the Danish public services website (search for "Digital Fuldmagt").

faq-sharing-q = Can someone else use my MitID?
faq-sharing =
    Your MitID is personal, and only you may use it.
    Nobody else may know your UserID or password or use your MitID app – not even your family.
    If { $municipality } learns that someone else has access to your MitID, we must block it.
    If someone needs to handle things for you, you can give them a Digital Power of Attorney at https://www.borger.dk

faq-voluntary-q = Do I have to have MitID?
faq-voluntary =
    No, MitID is voluntary.
    But most public self-service needs MitID, for example Digital Post and borger.dk (the Danish public services website).
    Without MitID, it is harder to do these things yourself.

faq-documents-q = Which documents should I bring?
faq-documents =
    Bring valid originals – no copies, photos or temporary documents.
    One of these is enough: a Danish driving licence (the card; the app only if you already have MitID to open it), a Danish passport that shows your CPR number, or a residence permit or card issued in Denmark, with photo and CPR number.
    Otherwise bring two documents: at least one with your CPR number (for example the yellow health insurance card) and at least one with a photo (for example a passport or ID card from your home country).
    Only the documents on this list count: https://www.mitid.dk/en-gb/help/help-universe/mitid-and-documentation/?language=en-gb
    Choose "Check my documents" to check yours. Not sure? Call Citizen Service on { $phone }.

faq-witness-renewal-q = Will I need a witness again?
faq-witness-renewal =
    Did you need a witness the last time you got MitID? Then you will almost certainly need one again.
    Find your witness before you book.
    If you cannot find a witness, call Citizen Service on { $phone } before you book.

faq-booking-q = Do I need to book a time?
faq-booking =
    Yes, always book a time: { $booking_url }
    If you have booked, we help you at your time. If you have not booked, we can only help you if we have time.
    Does your MitID still work? Then you can often set up the app on a new phone, or choose a new password, yourself at https://www.mitid.dk – no booking needed.

faq-staff-help-q = What can staff do with my phone?
faq-staff-help =
    We can help you find the MitID app in the App Store or Google Play, activate it on an ordinary phone and show you how to use it.
    We are not IT specialists. We cannot fix technical problems if the app cannot be installed or does not run on your phone.
    Please install the app before you come.

faq-phone-cannot-run-app-q = My phone cannot run the app
faq-phone-cannot-run-app =
    The MitID app needs a phone or tablet with Google Play or the App Store.
    It does not work on rooted or jailbroken phones, or on Android 9 and older.
    We cannot make the app work on a phone that cannot run it.
    Instead, you can use a code display or an audio code reader. Your first 3 code displays or audio code readers are free.

faq-cpr-document-q = Which document shows my CPR number?
faq-cpr-document =
    If you live in Denmark: get the yellow health insurance card from { $municipality }. The card in the app also counts, if you already have MitID to open it.
    If you live abroad (for example in Germany) and work in Denmark: you need the special health insurance card (særligt sundhedskort). Ask Citizen Service how to get it.
    You can also use your annual tax statement or preliminary income assessment from the Danish Tax Agency (Skattestyrelsen). It must be at most 3 months old on the day of your appointment.
    Remember to bring a document with a photo as well.

faq-userid-password-pin-q = UserID, password and PIN: what is what?
faq-userid-password-pin =
    Your UserID is your username. You type it every time you log in. It is not a code.
    The PIN has 6 digits and belongs to the MitID app.
    The password (8–64 characters) is used with a code display, an audio code reader or a MitID chip.
    If you are getting MitID for the first time, choose your UserID before you come. It saves time.

faq-password-reset-q = I forgot my password
faq-password-reset =
    If you have the MitID app, you can choose a new password yourself at https://www.mitid.dk
    If not, MitID Support can help on { $support_phone }, or you can book a time at Citizen Service: { $booking_url }
    At Citizen Service, bring the documents you need for MitID (see "Which documents should I bring?") and your code display, or your phone with the app. You will get an activation code.

faq-who-witness-q = Who can be my witness?
faq-who-witness = { witness-requirements }

faq-witness-needed-q = Do I need to bring a witness?
faq-witness-needed =
    When you get MitID, the system asks you 4–6 questions based on the CPR register. If the register knows too little about you, you need a witness.
    Bring a witness if you live outside Denmark, have lived here for less than 5 years, or have rarely moved and have no children.
    If you needed a witness last time, you will almost certainly need one again.
    If you cannot find a witness, call Citizen Service on { $phone }.

faq-phone-number-q = What is your phone number?
faq-phone-number =
    Call Citizen Service at { $municipality } on { $phone }.
    For questions about MitID itself, MitID Support can also help on { $support_phone }.

faq-age-q = How old do I have to be?
faq-age =
    You can get MitID from the age of 13.
    A witness must be at least 18.
    Is your child 13–17 years old? Call Citizen Service on { $phone } to ask whether you need to come along.

faq-no-cpr-q = I do not have a CPR number
faq-no-cpr =
    { $municipality } can help you with MitID once you have a CPR number.
    First you need to be registered in the CPR system. To ask how, call Citizen Service on { $phone }, or contact International Citizen Service.

faq-new-phone-q = I have a new phone
faq-new-phone =
    Does your MitID still work on your old phone? Then you can activate the app on the new phone yourself. No booking needed.
    Install the MitID app on the new phone and follow the steps. You can have up to 3 active apps.
    Read more at https://www.mitid.dk
    If your MitID no longer works, book a time: { $booking_url }

faq-code-display-q = Can I get a code display?
faq-code-display =
    You can use a code display instead of the app. It shows a code that you use together with your password. If you have poor sight, you can get an audio code reader that reads the code aloud.
    The first 3 code displays or audio code readers are free. A MitID chip costs money.
    Read more at https://www.mitid.dk

faq-where-q = Where is Citizen Service?
faq-where =
    Citizen Service (Borgerservice) is in the town hall (Rådhuset), Skelbækvej, Aabenraa. There is also a Citizen Service in Bov.
    Remember to book a time before you come: { $booking_url }
