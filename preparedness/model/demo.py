"""A fictional family used by the demo command, the tests and the benchmarks.

Names are in several scripts on purpose (Latin with Vietnamese marks, Arabic, Amharic,
S'gaw Karen, Chinese) so every packet exercises mixed-script text. Every person, number and
place here is invented; the phone numbers use the 555-01xx range reserved for fiction.
"""

from __future__ import annotations

from datetime import date

from preparedness.model.plan import (
    Adult,
    ANumber,
    Authorization,
    AuthorizationKind,
    CareArrangement,
    Child,
    Contact,
    CourtDate,
    DocumentItem,
    DocumentKind,
    Household,
    Languages,
    Legal,
    MoneyAndHome,
    PacketOptions,
    Phone,
    PhoneKind,
    Plan,
    School,
)

DEMO_A_NUMBER = "A-203-555-017"


def demo_plan(family_language: str = "es") -> Plan:
    """A complete plan; deterministic (fixed ids) so outputs can be compared."""
    mother = Adult(
        id="adult-0001",
        name="María Elena Gómez Ruiz",
        relationship="mother",
        phones=[Phone("612-555-0101", PhoneKind.MOBILE)],
        languages="Español, English",
        work_name="Lakeside Bakery",
        work_phone="(612) 555-0150",
        at_risk_of_detention=True,
    )
    father = Adult(
        id="adult-0002",
        name="Yusuf Abdi Warsame",
        relationship="father",
        phones=[Phone("612-555-0102", PhoneKind.MOBILE)],
        languages="Soomaali, العربية, English",
        work_name="Northside Auto Repair",
        work_phone="612-555-0151",
        at_risk_of_detention=True,
    )
    school_a = School(
        id="school-0001",
        name="Andersen United Community School",
        phone="612-555-0160",
        address="1098 Andersen Lane, Minneapolis, MN",
        emergency_card_updated=True,
        emergency_card_updated_on=date(2026, 9, 8),
        resource_person="Ms. Lê Thị Hoa",
    )
    school_b = School(
        id="school-0002",
        name="Roosevelt High School",
        phone="612-555-0161",
        address="4029 28th Ave S, Minneapolis, MN",
        emergency_card_updated=False,
    )
    children = [
        Child(
            id="child-0001",
            name="Sofía Warsame Gómez",
            date_of_birth=date(2012, 4, 17),
            school_id="school-0002",
            grade="9",
            teacher="Mr. Daniel Okafor",
            allergies="Penicillin",
            conditions="Asthma (mild)",
            medicines="Albuterol inhaler when needed",
            medicines_to_avoid="Penicillin",
            doctor="Dr. Nguyễn Văn Minh",
            doctor_phone="612-555-0170",
            clinic="Southside Community Clinic",
            insurance="Medical Assistance #MA-5550-1234",
            routines="Walks home with her cousin on Tuesdays.",
            comfort_items="Her blue notebook",
            what_child_knows="We talked about the plan in June.",
        ),
        Child(
            id="child-0002",
            name="Omar Warsame Gómez",
            date_of_birth=date(2016, 11, 2),
            school_id="school-0001",
            grade="4",
            teacher="Ms. Lê Thị Hoa",
            allergies="Peanuts (severe) — EpiPen in backpack",
            conditions="",
            medicines="EpiPen",
            medicines_to_avoid="",
            doctor="Dr. Nguyễn Văn Minh",
            doctor_phone="612-555-0170",
            clinic="Southside Community Clinic",
            insurance="Medical Assistance #MA-5550-1235",
            access_needs="Needs glasses for reading",
            routines="Bedtime 8:30 pm; likes a story first.",
            comfort_items="Stuffed lion «Simba»",
            what_child_knows="He knows Auntie Amina will come if we are late.",
        ),
        Child(
            id="child-0003",
            name="Lucía Warsame Gómez",
            date_of_birth=date(2020, 6, 30),
            school_id="school-0001",
            grade="Kindergarten",
            teacher="Ms. Paw Htoo",
            allergies="",
            conditions="",
            medicines="",
            medicines_to_avoid="",
            doctor="Dr. Nguyễn Văn Minh",
            doctor_phone="612-555-0170",
            clinic="Southside Community Clinic",
            insurance="Medical Assistance #MA-5550-1236",
            routines="Nap after lunch. Sleeps with a night light.",
            comfort_items="Pink blanket",
            what_child_knows="",
        ),
    ]
    contacts = [
        Contact(
            id="contact-0001",
            name="Amina Warsame",
            relationship="aunt",
            phones=[Phone("612-555-0110"), Phone("612-555-0111", PhoneKind.WORK)],
            languages="Soomaali, English",
            may_pick_up=True,
            knows_plan=True,
            lives_outside_household=True,
            at_risk_of_detention=False,
        ),
        Contact(
            id="contact-0002",
            name="Rosa Gómez de Hernández",
            relationship="grandmother",
            phones=[Phone("+52 55 1234 5678")],
            languages="Español",
            may_pick_up=False,
            knows_plan=True,
            lives_outside_household=True,
            at_risk_of_detention=False,
        ),
        Contact(
            id="contact-0003",
            name="فاطمة الزهراء",
            relationship="family friend",
            phones=[Phone("(612) 555-0112")],
            languages="العربية, English",
            may_pick_up=True,
            knows_plan=True,
            lives_outside_household=True,
            at_risk_of_detention=False,
        ),
        Contact(
            id="contact-0004",
            name="Pastor James Whitfield",
            relationship="church pastor",
            phones=[Phone("612-555-0113", PhoneKind.WORK)],
            languages="English",
            may_pick_up=True,
            knows_plan=False,
            lives_outside_household=True,
            at_risk_of_detention=False,
        ),
        Contact(
            id="contact-0005",
            name="Trần Thị Mai",
            relationship="neighbor",
            phones=[Phone("612-555-0114")],
            languages="Tiếng Việt, English",
            may_pick_up=True,
            knows_plan=True,
            lives_outside_household=True,
            at_risk_of_detention=False,
        ),
        Contact(
            id="contact-0006",
            name="ሰላማዊት ተስፋዬ (Selamawit Tesfaye)",
            relationship="coworker",
            phones=[Phone("612-555-0115")],
            languages="አማርኛ, English",
            may_pick_up=False,
            knows_plan=False,
            lives_outside_household=True,
            at_risk_of_detention=None,
        ),
        Contact(
            id="contact-0007",
            name="Saw Eh Kaw (စီၤအ့ၣ်ကီၢ်)",
            relationship="soccer coach",
            phones=[Phone("612-555-0116")],
            languages="ကညီကျိာ်, English",
            may_pick_up=False,
            knows_plan=False,
            lives_outside_household=True,
        ),
        Contact(
            id="contact-0008",
            name="王丽华 (Wang Lihua)",
            relationship="babysitter",
            phones=[Phone("612-555-0117")],
            languages="中文, English",
            may_pick_up=True,
            knows_plan=True,
            lives_outside_household=True,
            at_risk_of_detention=False,
        ),
    ]
    delegation = Authorization(
        kind=AuthorizationKind.DELEGATION,
        signed=True,
        signed_on=date(2026, 7, 1),
        notarized=True,
        where_kept="Blue folder, top shelf of the bedroom closet",
        expires_on=date(2027, 6, 30),
    )
    care = [
        CareArrangement(
            child_id=child.id,
            primary_id="contact-0001",
            primary_agreed=True,
            primary_agreed_on=date(2026, 6, 14),
            backup_id="contact-0003",
            backup_agreed=True,
            backup_agreed_on=date(2026, 6, 20),
            authorization=delegation,
            instructions="Keep the children in their schools. Call Rosa every Sunday.",
        )
        for child in children
    ]
    everyone = ["adult-0001", "adult-0002", *(c.id for c in children)]
    documents = [
        DocumentItem(
            id=f"doc-{i + 1:04d}",
            kind=kind,
            owner_id=owner,
            have_it=have,
            original_location=where,
            copy_holder=holder,
        )
        for i, (kind, owner, have, where, holder) in enumerate(
            [
                (DocumentKind.BIRTH_CERTIFICATE, "child-0001", True, "Blue folder", "contact-0001"),
                (DocumentKind.BIRTH_CERTIFICATE, "child-0002", True, "Blue folder", "contact-0001"),
                (DocumentKind.BIRTH_CERTIFICATE, "child-0003", True, "Blue folder", "contact-0001"),
                (DocumentKind.PASSPORT, "child-0001", True, "Blue folder", ""),
                (DocumentKind.PASSPORT, "adult-0001", True, "Lockbox under the bed", ""),
                (DocumentKind.CONSULAR_ID, "adult-0001", True, "Her purse", ""),
                (DocumentKind.PASSPORT, "adult-0002", False, "", ""),
                (DocumentKind.IMMUNIZATION, "", True, "Blue folder", "school-0001"),
                (DocumentKind.INSURANCE_CARD, "", True, "Kitchen drawer", "contact-0001"),
                (DocumentKind.LEASE, "", True, "Lockbox under the bed", ""),
                (DocumentKind.TAX_RETURNS, "", True, "Lockbox under the bed", ""),
                (
                    DocumentKind.IMMIGRATION,
                    everyone[1],
                    True,
                    "Lawyer's office and lockbox",
                    "Attorney",
                ),
            ]
        )
    ]
    return Plan(
        household=Household(
            adults=[mother, father],
            address="2817 Bloomington Ave S, Apt 3, Minneapolis, MN 55407",
            home_phone="",
        ),
        children=children,
        contacts=contacts,
        care=care,
        schools=[school_a, school_b],
        legal=Legal(
            a_numbers=[ANumber("adult-0002", DEMO_A_NUMBER)],
            attorney_name="Beatriz Olmos, Esq.",
            attorney_org="Twin Cities Immigrant Legal Aid",
            attorney_phone="612-555-0130",
            g28_signed=True,
            legal_aid_hotline="612-555-0131",
            rapid_response_hotline="612-555-0132",
            consulate="Consulate of Mexico in Saint Paul",
            consulate_phone="651-555-0133",
            court_dates=[
                CourtDate(
                    "adult-0002",
                    date(2027, 2, 9),
                    "Fort Snelling Immigration Court",
                    "Bring all papers",
                )
            ],
            notes="Call the lawyer before signing anything.",
        ),
        documents=documents,
        money_and_home=MoneyAndHome(
            bank_access="Amina is a joint owner of the savings account at Lake Credit Union.",
            rent_and_bills="Rent $1,150 due on the 1st; landlord Mr. Carlson 612-555-0140.",
            pets="Cat «Luna»: food in the pantry; Trần Thị Mai can feed her.",
            car="Toyota Corolla; spare key with Amina.",
        ),
        languages=Languages(
            family_language=family_language, packet_languages=[family_language, "en"]
        ),
        packet=PacketOptions(caregiver_gets_child_documents=True, resources_profile="minneapolis"),
        review_by=date(2027, 3, 1),
        notes="",
    )
