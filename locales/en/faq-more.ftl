# More FAQ answers (issue 14): the new topics, the source line under every answer, and the
# buttons "this helped" / "this did not help". The topics are in dialogues/faq/match.toml.
# Variables: { $municipality }, { $phone }, { $booking_url }, { $municipality_url },
# { $address }, { $opening_hours }, { $opening_hours_known } (yes/no).

faq-home-q = Can I get MitID at home?
faq-home =
    Often, yes. If you have a valid passport or a national ID card with a chip, you can get MitID at home with the MitID app. No booking needed.
    You need a phone that can scan the passport (camera and chip reading). You can borrow one, for example from a relative. Nothing about you is stored on it.
    Open the MitID app and follow the steps: scan the passport, read the chip, scan your face and choose a UserID.
    The chip symbol is a small rectangle with a circle, on the passport's cover or on the card. Expired documents do not work, and the app cannot read every foreign chip.
    Did it not work? Then book a time at Citizen Service and bring your documents: { $booking_url }

faq-digital-documents-q = Do documents on my phone count?
faq-digital-documents =
    Only two apps count: the Danish driving licence app and the health insurance card app.
    You need MitID to open both apps. If you are getting your first MitID, bring the physical card.
    A photo, a copy or a PDF of a document does not count. The AltID app does not count either: it is not on mitid.dk's list of accepted documents.
    Not sure? Call Citizen Service on { $phone }.

faq-p-code-q = What is a P-code?
faq-p-code =
    If you have no CPR number, you can get MitID at home with your passport and a P-code.
    The P-code has 8 digits. You get it from MitID Support on { $support_phone } or at a Citizen Service centre. It is valid for 60 days, and you have 3 attempts.
    But: a MitID made with a P-code cannot be used for most self-service solutions that need a CPR number.
    { $municipality } helps people who have a CPR number.

faq-opening-hours-q = When is Citizen Service open?
faq-opening-hours =
    { $opening_hours_known ->
        [yes] Citizen Service is open: { $opening_hours }
       *[other] You can find Citizen Service's opening hours at { $municipality_url }
    }
    Remember to book a time before you come: { $booking_url }
    Questions? Call { $phone }.

faq-new-phone-copy =
    New phone, and the app still works on the old one? Then you can copy the app yourself: keep both phones close together and turn on Bluetooth (on older Android phones, also location). It takes a while before the app works on the new phone.

faq-can-help =
    I can help you get ready for MitID: which documents to bring, whether you need a witness, your phone and the app, and booking a time: { $booking_url }

btn-faq-helped = 👍 This helped
btn-faq-not-helped = 👎 This did not help
faq-feedback-thanks = Thank you for telling us!
faq-feedback-sorry =
    Sorry that did not help. Try asking in other words, choose a question from the list, or call Citizen Service on { $phone }.
    You can also book a time: { $booking_url }

## The source of each answer, shown under it.
faq-power-of-attorney-source = Source: mitid.dk – https://www.mitid.dk
faq-sharing-source = Source: { $municipality } – { $municipality_url }
faq-voluntary-source = Source: { $municipality } – { $municipality_url }
faq-home-source = Source: mitid.dk – https://www.mitid.dk/en-gb/get-started-with-mitid/get-mitid-with-passport/
faq-documents-source = Source: mitid.dk – https://www.mitid.dk/en-gb/help/help-universe/mitid-and-documentation/?language=en-gb
faq-digital-documents-source = Source: mitid.dk – https://www.mitid.dk/en-gb/help/help-universe/mitid-and-documentation/?language=en-gb
faq-cpr-document-source = Source: mitid.dk – https://www.mitid.dk/en-gb/help/help-universe/mitid-and-documentation/?language=en-gb
faq-witness-needed-source = Source: mitid.dk – https://www.mitid.dk/en-gb/help/help-universe/mitid-and-documentation/?language=en-gb
faq-witness-renewal-source = Source: mitid.dk – https://www.mitid.dk/en-gb/help/help-universe/mitid-and-documentation/?language=en-gb
faq-who-witness-source = Source: mitid.dk – https://www.mitid.dk/en-gb/help/help-universe/mitid-and-documentation/?language=en-gb
faq-booking-source = Source: { $municipality } – { $municipality_url }
faq-staff-help-source = Source: { $municipality } – { $municipality_url }
faq-phone-cannot-run-app-source = Source: mitid.dk – https://www.mitid.dk
faq-new-phone-source = Source: mitid.dk – https://www.mitid.dk/en-gb/help/help-universe/mitid-app/copy-app
faq-code-display-source = Source: mitid.dk – https://www.mitid.dk
faq-userid-password-pin-source = Source: mitid.dk – https://www.mitid.dk
faq-password-reset-source = Source: mitid.dk – https://www.mitid.dk
faq-age-source = Source: mitid.dk – https://www.mitid.dk
faq-no-cpr-source = Source: mitid.dk – https://www.mitid.dk/en-gb/help/help-universe/non-citizens/
faq-p-code-source = Source: mitid.dk – https://www.mitid.dk/en-gb/help/help-universe/mitid-app/p-code
faq-phone-number-source = Source: { $municipality } – { $municipality_url }
faq-where-source = Source: { $municipality } – { $municipality_url }
faq-opening-hours-source = Source: { $municipality } – { $municipality_url }
