"""Words that appear only on paper: titles, instructions, letters and cards (English msgids).

Field labels come from ``preparedness.questions`` so the screen and the paper say the same
thing; everything here is what only the packet says. Sentences are whole msgids with named
placeholders (never concatenated fragments) so translators can reorder words. Keep them short
and plain: the first reader may be frightened and may read little.
"""

from __future__ import annotations

from preparedness.i18n import N_

# -- the packet as a whole ---------------------------------------------------------------------

PACKET_TITLE = N_("Family Preparedness Plan")
CONFIDENTIAL = N_("Confidential")
NOT_LEGAL_ADVICE = N_("This is not legal advice.")
ASK_A_LAWYER = N_("Ask a lawyer to look at any paper before you sign it.")
TRANSLATION_NOTE = N_("Translation for reading only. Sign the English text.")
UNREVIEWED_TRANSLATION = N_("This translation has not yet been checked by a native speaker.")
PAGE_OF = N_("Page {page} of {pages}")

COPY_FAMILY = N_("Family copy")
COPY_CAREGIVER = N_("Caregiver copy")
COPY_SCHOOL = N_("School copy")

YES_MARK = N_("Yes")
NO_MARK = N_("No")

# -- cover -------------------------------------------------------------------------------------

COVER_WHAT_FAMILY = N_(
    "This is your family's plan. It says who will take care of your children "
    "if you cannot. Keep it in a safe place at home."
)
COVER_WHAT_CAREGIVER = N_(
    "This family chose you to take care of their children if they cannot. "
    "These pages tell you what you need to know. Keep them safe: they are private."
)
COVER_WHAT_SCHOOL = N_(
    "The parents ask the school to let the adults named in their letter pick up their "
    "children if the parents cannot come."
)
COVER_SCHOOL_DO = N_("Please add these adults to each child's emergency card and pickup list.")
COVER_SCHOOL_CHILDREN = N_("Children")
SCHOOL_LETTER_WHAT = N_("The parents' letter, and the adults who may pick up the children.")
COVER_COPIES_TITLE = N_("Who gets which copy")
COVER_COPY_FAMILY = N_("Family copy: keep it at home. It has everything.")
COVER_COPY_CAREGIVER = N_(
    "Caregiver copy: give one to each caregiver. It has no immigration details."
)
COVER_COPY_SCHOOL = N_(
    "School copy: give it to the school office. It has the pickup letter and health facts only."
)
COVER_PAGES_TITLE = N_("What is in this copy")
COVER_REVIEW = N_("Check this plan again by {date}.")
COVER_NO_REVIEW = N_("Check this plan again every 3 to 6 months.")
COVER_PRIVATE = N_("Paper is not locked. Keep these pages where only you can find them.")
COVER_SCHOOL_KEEP = N_("Please keep this with the children's records. Do not share it.")
COVER_SCHOOL_EACH = N_("There is one letter for each school. Give each school its own pages.")

# -- sections: titles and one-line "what to do with this page" ---------------------------------

NEXT_STEPS_TITLE = N_("Next steps")
NEXT_STEPS_DO = N_("Do these things soon. Tick each box when it is done.")
CONTACTS_TITLE = N_("Emergency contacts")
CONTACTS_DO = N_("Call them in this order.")
PICKUP_DO = N_("These adults may pick up the children from school. They will show a photo ID.")
PARENTS_TITLE = N_("Parents and guardians")
CHILD_TITLE = N_("About the child")
CHILD_DO = N_("One page for each child. Give it to the caregiver.")
CHILD_HEALTH_BOX = N_("Health: read this first")
SCHOOL_HEALTH_TITLE = N_("Health facts for the school")
SCHOOL_HEALTH_DO = N_("Only what the school needs to keep the children safe.")
CAREGIVER_TITLE = N_("For the caregiver")
CAREGIVER_DO = N_("What to do if the parents cannot come home.")
CAREGIVER_FOR_CHILDREN = N_("For these children")
CAREGIVER_AUTH_TITLE = N_("The signed paper [authorization]")
CAREGIVER_NO_AUTH = N_("No signed authorization yet. Ask a lawyer.")
CAREGIVER_LAWYER_REVIEW = N_("Ask a lawyer to check the authorization. Rules differ by state.")
MONEY_TITLE = N_("Money and home")
HELP_NUMBERS_TITLE = N_("Help lines")
LETTER_TITLE = N_("Letter to the school")
LETTER_DO = N_("Sign it and give it to the school office.")
DOCUMENTS_TITLE = N_("Important papers")
DOCUMENTS_DO = N_("Where each paper is kept, and who has a copy.")
DOCUMENT_COLUMN = N_("Paper")
LEGAL_TITLE = N_("Legal and immigration")
LEGAL_DO = N_("Private. Only for the family. Do not give this page to the school.")
LEGAL_G28_REMINDER = N_("Ask your lawyer about signing a G-28 form now.")
LEGAL_COURT_TITLE = N_("Court dates")
LEGAL_COURT_NOTE = N_("Never miss a court date. Call your lawyer if you cannot go.")
CARDS_TITLE = N_("Cards to cut out")
CARDS_DO = N_("Cut along the dashed line. Fold in the middle. Keep it in your wallet.")
RESOURCES_TITLE = N_("Local help")
RESOURCES_DO = N_("Places that can help. Check the numbers before you need them.")
RESOURCES_NOT_CHECKED = N_("Facts found on public pages. Check them before you rely on them.")

# Table headers that are shorter than the question labels.
COLUMN_NUMBER = N_("No.")
COLUMN_MAY_PICK_UP = N_("May pick up")
COLUMN_DATE = N_("Date")
COLUMN_DONE = N_("Done")
COLUMN_TODO = N_("To do")
COLUMN_PERSON = N_("Person")
COLUMN_PLACE = N_("Place")
COLUMN_WHOSE_FAMILY = N_("Family")

# -- caregiver steps (numbered, plain) ---------------------------------------------------------

CAREGIVER_STEPS = (
    N_("Stay calm. Tell the children they are safe and loved."),
    N_("Pick up the children from school. Bring a photo ID and this packet."),
    N_("Call the emergency contacts, in order, until someone answers."),
    N_("Keep the children's routines. Give medicines as written on each child's page."),
    N_("Do not sign any paper you do not understand. Ask a lawyer first."),
)

# -- the school letter: the English text is the one signed ---------------------------------------

LETTER_TO = N_("To: {school}")
LETTER_DATE_LINE = N_("Date:")
LETTER_BODY = (
    N_("We are the parents or guardians of the children named below."),
    N_(
        "If the school cannot reach us, we allow the adults named below to pick up our "
        "children from school and to be called in an emergency."
    ),
    N_("Please add them to each child's emergency card and pickup list."),
    N_("This letter is valid until we change it in writing."),
)
LETTER_CHILDREN = N_("Our children")
LETTER_ADULTS = N_("Adults who may pick them up")
LETTER_SIGNATURES = N_("Signatures of the parents or guardians")
LETTER_SIGNATURE = N_("Signature")
LETTER_PRINTED_NAME = N_("Printed name")

# -- next steps --------------------------------------------------------------------------------

STEP_SCHOOL_CARD = N_("Give {school} the names of the adults who may pick up your children.")
STEP_SIGN_AUTH = N_("Sign a caregiver authorization for {children}. Ask a lawyer first.")
STEP_LAWYER_CHECK = N_("Ask a lawyer to check the signed authorization for {children}.")
STEP_RENEW_AUTH = N_("Sign a new authorization for {children} before it ends.")
STEP_ASK_CAREGIVER = N_("Ask {person} if they agree to care for {children}.")
STEP_GIVE_CAREGIVER_COPY = N_("Give {person} the caregiver copy.")
STEP_GIVE_SCHOOL_COPY = N_("Sign the school letter and give the school copy to {school}.")
STEP_FIND_DOCUMENT = N_("Find or replace this paper: {document}.")
STEP_COURT = N_("Go to court: {place}.")
STEP_PRACTICE = N_("Practice the plan with your children and caregivers.")
STEP_REVIEW = N_("Check this whole plan again.")
STEP_CHOOSE_REVIEW = N_("Choose a date to check this plan again.")

# -- wallet cards ------------------------------------------------------------------------------

CARD_NUMBERS_TITLE = N_("Our family's key numbers")
CARD_CAREGIVER = N_("Caregiver")
CARD_BACKUP = N_("Backup caregiver")
CARD_SCHOOL = N_("School")
CARD_DOCTOR = N_("Doctor")
CARD_LAWYER = N_("Lawyer")
CARD_LEGAL_AID = N_("Legal aid")
CARD_RAPID_RESPONSE = N_("Rapid response")
CARD_CONTACT = N_("Contact")

KYR_FAMILY_TITLE = N_("Know your rights")
KYR_FAMILY_LINES = (
    N_("Do not open the door. Ask them to pass a warrant under the door."),
    N_("A warrant must be signed by a judge and have your name on it."),
    N_("You have the right to stay silent."),
    N_("Do not sign anything. Ask for a lawyer."),
    N_("Show this card. The other side is in English for the officer."),
)
# The officer's side is always printed in English: it is read by the officer, not translated.
KYR_OFFICER_TITLE = N_("To the officer")
KYR_OFFICER_LINES = (
    N_("I am using my right to remain silent under the Fifth Amendment."),
    N_("I will not answer questions or sign anything without a lawyer."),
    N_(
        "I do not agree to let you into my home, or to a search of me or my things, "
        "under the Fourth Amendment, unless you show a warrant signed by a judge."
    ),
    N_("I want to speak with a lawyer."),
)

# -- recovery sheet ----------------------------------------------------------------------------

RECOVERY_SHEET_NAME = N_("Recovery code")
RECOVERY_TITLE = N_("Recovery code for your plan file")
RECOVERY_WHAT = N_(
    "This code opens your plan file if you forget the passphrase. "
    "Anyone with this code and the file can open your plan."
)
RECOVERY_KEEP = N_(
    "Keep this paper safe, with your family copy. Do not keep it with the computer "
    "or the USB stick that holds the plan file."
)
RECOVERY_HOW = N_("To use it: open the plan file with the app and choose to use the recovery code.")
RECOVERY_NOT_PASSPHRASE = N_("This code is not your passphrase. Your passphrase still works.")

# -- appendix: copies of the family's papers ---------------------------------------------------

APPENDIX_TITLE = N_("Copies of important papers")
APPENDIX_DO = N_("Copies of the papers kept in the plan file. They are not the originals.")
APPENDIX_NOT_ORIGINALS = N_(
    "These are copies, not the original papers. An office may ask to see the originals."
)
APPENDIX_KEEP_SAFE = N_(
    "These pages show private papers. Keep this paper as safe as the originals."
)
APPENDIX_PAGE_COLUMN = N_("Page")
APPENDIX_PAGE_OF = N_("{page} of {pages}")
APPENDIX_ROTATION_COLUMN = N_("Turned")
APPENDIX_ROTATION = N_("{degrees}° clockwise")
APPENDIX_NOT_AVAILABLE = N_(
    "This copy is kept in the plan file, but it is not available in this printout."
)
APPENDIX_PDF_FAILED = N_(
    "This copy could not be printed here: the PDF file could not be read. Use the original paper."
)
APPENDIX_IMAGE_FAILED = N_(
    "This copy could not be printed here: the picture could not be read. Use the original paper."
)
APPENDIX_TOO_MANY_PAGES = N_(
    "Not every page of this paper is printed here: it has too many. "
    "The other pages are kept in the plan file."
)
