#!/usr/bin/env python3
"""Writes the real-shape CRM export fixtures the import tests read (run from this folder).

data-export/: a weekly Salesforce Data Export of a 2023 org, Western European, encoded as
Windows-1252 the way Salesforce writes it for such orgs (Contact.csv has the 72 columns
of a Data Export; User.csv has no Name column, only FirstName and LastName). User.csv is
UTF-8, because one of our users has a Chinese name; each file's encoding is detected.
report-us/: the same kind of data as Salesforce reports exported in a US locale
(field labels, month-first dates with times). hubspot-contacts.csv and
dynamics-contacts.csv: the contacts exports of those products (docs/import.md cites the
column names).
"""
import csv, io, os

HERE = os.path.dirname(os.path.abspath(__file__))

def write(path, header, rows, encoding):
    buf = io.StringIO()
    w = csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow([r.get(h, "") for h in header])
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(buf.getvalue().encode(encoding))

CONTACT_COLUMNS = [
    "Id", "IsDeleted", "MasterRecordId", "AccountId", "LastName", "FirstName", "Salutation", "Name",
    "OtherStreet", "OtherCity", "OtherState", "OtherPostalCode", "OtherCountry", "OtherLatitude", "OtherLongitude",
    "OtherGeocodeAccuracy", "MailingStreet", "MailingCity", "MailingState", "MailingPostalCode", "MailingCountry",
    "MailingLatitude", "MailingLongitude", "MailingGeocodeAccuracy", "Phone", "Fax", "MobilePhone", "HomePhone",
    "OtherPhone", "AssistantPhone", "ReportsToId", "Email", "Title", "Department", "AssistantName", "LeadSource",
    "Birthdate", "Description", "OwnerId", "HasOptedOutOfEmail", "HasOptedOutOfFax", "DoNotCall", "CreatedDate",
    "CreatedById", "LastModifiedDate", "LastModifiedById", "SystemModstamp", "LastActivityDate", "LastCURequestDate",
    "LastCUUpdateDate", "LastViewedDate", "LastReferencedDate", "EmailBouncedReason", "EmailBouncedDate",
    "IsEmailBounced", "PhotoUrl", "Jigsaw", "JigsawContactId", "CleanStatus", "IndividualId", "GenderIdentity",
    "Pronouns", "ContactSource", "TitleType", "DepartmentGroup", "BuyerAttributes", "ActionCadenceId",
    "ActionCadenceAssigneeId", "ActionCadenceState", "ActiveTrackerCount", "FirstCallDateTime", "FirstEmailDateTime",
]
assert len(CONTACT_COLUMNS) == 72

DUPRE = "0018a00001DupReAAA"   # Hôtellerie Dupré Groupe: the account imported
UM = "0018a00001MbUMAAA3"      # MEDIABRANDS - UM: 16 contacts
NORD = "0018a00001NordWAAA"    # Nordwind Logistik GmbH
OWNER_A, OWNER_B, OWNER_C = "0058a00000AmeliAAA", "0058a00000JoaoSAAA", "0058a00000ZhangAAA"

def contact(cid, account, first, last, title, dept, email, reports="", deleted="false"):
    return {"Id": cid, "IsDeleted": deleted, "AccountId": account, "FirstName": first, "LastName": last,
            "Name": f"{first} {last}".strip(), "Title": title, "Department": dept, "Email": email, "ReportsToId": reports,
            "MailingCity": "Lyon", "MailingCountry": "France", "OwnerId": OWNER_A, "HasOptedOutOfEmail": "false",
            "HasOptedOutOfFax": "false", "DoNotCall": "false", "CreatedDate": "2022-03-01T09:12:44.000Z",
            "CreatedById": OWNER_A, "LastModifiedDate": "2023-05-02T10:00:00.000Z", "LastModifiedById": OWNER_A,
            "SystemModstamp": "2023-05-02T10:00:00.000Z", "IsEmailBounced": "false", "CleanStatus": "Pending",
            "ActiveTrackerCount": "0"}

C = lambda n: f"0038a00000Dp{n:03d}AAA"
contacts = [
    contact(C(1), DUPRE, "Hélène", "Dupré", "Présidente-directrice générale", "Direction générale", "helene.dupre@dupre-hotels.fr"),
    contact(C(2), DUPRE, "François", "Lefèvre", "Directeur financier", "Finance", "f.lefevre@dupre-hotels.fr", C(1)),
    contact(C(3), DUPRE, "Jürgen", "Müller", "Head of IT", "Informatique", "j.mueller@dupre-hotels.fr", C(1)),
    contact(C(4), DUPRE, "José", "Núñez", "Responsable achats", "Achats", "jose.nunez@dupre-hotels.fr", C(2)),
    contact(C(5), DUPRE, "Zoë", "Åkesson", "Architecte systèmes", "Informatique", "zoe.akesson@dupre-hotels.fr", C(3)),
    contact(C(6), DUPRE, "Søren", "Kjærgaard", "Directeur des opérations", "Opérations", "s.kjaergaard@dupre-hotels.fr", C(1)),
    contact(C(7), DUPRE, "Cécile", "Bœuf", "Assistante de direction", "Direction générale", "cecile.boeuf@dupre-hotels.fr", C(1)),
    contact(C(8), DUPRE, "Stéphane", "Garçon", "Chef de projet", "Informatique", "s.garcon@dupre-hotels.fr", C(3)),
    # The same person under a second id: same e-mail as Müller, created by a web form.
    contact(C(9), DUPRE, "Juergen", "Mueller", "", "", "J.Mueller@dupre-hotels.fr"),
    # The same name and title as Núñez, without an e-mail.
    contact(C(10), DUPRE, "José", "Núñez", "Responsable achats", "", ""),
    # Deleted in Salesforce: in the recycle bin, still in the export.
    contact(C(11), DUPRE, "Élodie", "Marchand", "Contrôleuse de gestion", "Finance", "e.marchand@dupre-hotels.fr", C(2), deleted="true"),
]
for i in range(16):
    contacts.append(contact(f"0038a00000UmX{i:02d}AAA", UM, f"Media{i}", f"Planner{i}", "Media Planner", "Planning",
                            f"planner{i}@umww.com"))
for i, (f, l) in enumerate([("Björn", "Weiß"), ("Anke", "Köhler"), ("Jörg", "Straße")]):
    contacts.append(contact(f"0038a00000NwX{i:02d}AAA", NORD, f, l, "Einkauf", "Einkauf", f"{f.lower()}@nordwind.de"))
write(f"{HERE}/data-export/Contact.csv", CONTACT_COLUMNS, contacts, "cp1252")

write(f"{HERE}/data-export/Account.csv",
      ["Id", "IsDeleted", "MasterRecordId", "Name", "Type", "ParentId", "BillingCity", "BillingCountry", "Phone", "Website",
       "Industry", "AnnualRevenue", "NumberOfEmployees", "OwnerId", "CreatedDate", "LastActivityDate"],
      [{"Id": DUPRE, "IsDeleted": "false", "Name": "Hôtellerie Dupré Groupe", "Type": "Customer - Direct", "BillingCity": "Lyon",
        "BillingCountry": "France", "Industry": "Hospitality", "OwnerId": OWNER_A, "CreatedDate": "2021-11-04T08:00:00.000Z"},
       {"Id": UM, "IsDeleted": "false", "Name": "MEDIABRANDS - UM", "Type": "Prospect", "Industry": "Media", "OwnerId": OWNER_B},
       {"Id": NORD, "IsDeleted": "false", "Name": "Nordwind Logistik GmbH", "Type": "Prospect", "Industry": "Transportation",
        "OwnerId": OWNER_B}], "cp1252")

write(f"{HERE}/data-export/User.csv",
      ["Id", "Username", "LastName", "FirstName", "CompanyName", "Division", "Department", "Title", "Email", "Alias",
       "IsActive", "TimeZoneSidKey", "LocaleSidKey", "LanguageLocaleKey", "UserRoleId", "ProfileId", "CreatedDate"],
      [{"Id": OWNER_A, "Username": "amelie.roux@ourco.example", "LastName": "Roux", "FirstName": "Amélie", "Title": "Key Account Manager",
        "Email": "amelie.roux@ourco.example", "Alias": "aroux", "IsActive": "true", "LocaleSidKey": "fr_FR"},
       {"Id": OWNER_B, "Username": "joao.silva@ourco.example", "LastName": "Silva", "FirstName": "João", "Title": "Solution Engineer",
        "Email": "joao.silva@ourco.example", "Alias": "jsilva", "IsActive": "true", "LocaleSidKey": "pt_PT"},
       {"Id": OWNER_C, "Username": "zhang.wei@ourco.example", "LastName": "张", "FirstName": "伟", "Title": "Marketing Ops",
        "Email": "zhang.wei@ourco.example", "Alias": "wzhang", "IsActive": "true", "LocaleSidKey": "zh_CN"}], "utf-8")

TASK_COLUMNS = ["Id", "WhoId", "WhatId", "WhoCount", "WhatCount", "Subject", "ActivityDate", "Status", "Priority",
                "IsHighPriority", "OwnerId", "Description", "Type", "IsDeleted", "AccountId", "IsClosed", "CreatedDate",
                "CreatedById", "LastModifiedDate", "SystemModstamp", "IsArchived", "CallDurationInSeconds", "CallType",
                "CallDisposition", "CallObject", "ReminderDateTime", "IsReminderSet", "IsRecurrence", "TaskSubtype",
                "CompletedDateTime"]
tasks = []
def task(who, owner, date, subject, status="Completed", subtype="Task", type_="", deleted="false", account=DUPRE):
    n = len(tasks) + 1
    closed = "true" if status == "Completed" else "false"
    tasks.append({"Id": f"00T8a00000Tk{n:04d}AA", "WhoId": who, "WhatId": account, "WhoCount": "1", "WhatCount": "1",
                  "Subject": subject, "ActivityDate": date, "Status": status, "Priority": "Normal", "IsHighPriority": "false",
                  "OwnerId": owner, "Type": type_, "IsDeleted": deleted, "AccountId": account, "IsClosed": closed,
                  "CreatedDate": f"{date}T08:00:00.000Z" if date else "2023-06-01T08:00:00.000Z", "CreatedById": owner,
                  "IsArchived": "false", "IsReminderSet": "false", "IsRecurrence": "false", "TaskSubtype": subtype,
                  "CallDurationInSeconds": "540" if subtype == "Call" else "", "CallType": "Outbound" if subtype == "Call" else "",
                  "CompletedDateTime": f"{date}T16:05:00.000Z" if closed == "true" and date else ""})
# Completed calls: Amélie with François (8 days in the year: 4 days' worth, medium).
for d in ["2023-01-23", "2023-02-14", "2023-03-09", "2023-03-30", "2023-04-18", "2023-05-05", "2023-05-26", "2023-06-15"]:
    task(C(2), OWNER_A, d, "Appel : budget 2024 — rénovation du PMS", subtype="Call", type_="Call")
# Open calls (not completed): they never happened, so no contact with Hélène from them.
for d in ["2023-07-10", "2023-06-20", ""]:
    task(C(1), OWNER_A, d, "Rappeler Mme Dupré", status="Not Started", subtype="Call", type_="Call")
task(C(6), OWNER_B, "2023-05-30", "Préparer la démo opérations", status="In Progress")
# List e-mails (Salesforce's List Email): one per recipient, to every contact of the account.
for who in [C(1), C(2), C(3), C(4), C(5), C(6), C(7), C(8)]:
    for d in ["2023-02-01", "2023-03-01", "2023-04-03", "2023-05-02", "2023-06-01"]:
        task(who, OWNER_C, d, "List Email: Newsletter Hôtellerie & Tech", subtype="ListEmail", type_="Email")
# A mass e-mail logged as ordinary Email tasks: 12 recipients (8 here, 4 at UM) same owner, day and subject.
for who in [C(1), C(2), C(3), C(4), C(5), C(6), C(7), C(8)] + [f"0038a00000UmX{i:02d}AAA" for i in range(4)]:
    task(who, OWNER_C, "2023-04-20", "Invitation : Salon Equip'Hôtel 2023", subtype="Email", type_="Email",
         account=DUPRE if who.startswith("0038a00000Dp") else UM)
# A personal e-mail, completed: counts as a quarter day.
task(C(4), OWNER_A, "2023-06-02", "Email: Proposition tarifaire révisée", subtype="Email", type_="Email")
task(C(4), OWNER_A, "2023-06-09", "Email: Re: Proposition tarifaire révisée", subtype="Email", type_="Email")
# An activity logged on the merged duplicate's id counts for the person kept.
task(C(9), OWNER_B, "2023-05-17", "Call: architecture réseau Wi-Fi", subtype="Call", type_="Call")
# Deleted task.
task(C(3), OWNER_A, "2023-05-10", "Appel supprimé", subtype="Call", type_="Call", deleted="true")
# A lead.
task("00Q8a00000Ld001AAA", OWNER_A, "2023-03-03", "Lead : groupe hôtelier Annecy", subtype="Call", type_="Call")
write(f"{HERE}/data-export/Task.csv", TASK_COLUMNS, tasks, "cp1252")

EVENT_COLUMNS = ["Id", "WhoId", "WhatId", "WhoCount", "WhatCount", "Subject", "Location", "IsAllDayEvent", "ActivityDateTime",
                 "ActivityDate", "DurationInMinutes", "StartDateTime", "EndDateTime", "EndDate", "Description", "AccountId",
                 "OwnerId", "Type", "IsPrivate", "ShowAs", "IsDeleted", "IsChild", "IsGroupEvent", "GroupEventType",
                 "CreatedDate", "CreatedById", "IsArchived", "IsRecurrence", "IsReminderSet", "EventSubtype"]
events = []
def event(who, owner, date, subject, type_="Meeting", deleted="false"):
    n = len(events) + 1
    events.append({"Id": f"00U8a00000Ev{n:04d}AA", "WhoId": who, "WhatId": DUPRE, "WhoCount": "1", "WhatCount": "1",
                   "Subject": subject, "Location": "Siège, Lyon", "IsAllDayEvent": "false",
                   "ActivityDateTime": f"{date}T09:00:00.000Z", "ActivityDate": date, "DurationInMinutes": "90",
                   "StartDateTime": f"{date}T09:00:00.000Z", "EndDateTime": f"{date}T10:30:00.000Z", "EndDate": date,
                   "AccountId": DUPRE, "OwnerId": owner, "Type": type_, "IsPrivate": "false", "ShowAs": "Busy",
                   "IsDeleted": deleted, "IsChild": "false", "IsGroupEvent": "false", "GroupEventType": "0",
                   "CreatedDate": f"{date}T07:00:00.000Z", "CreatedById": owner, "IsArchived": "false",
                   "IsRecurrence": "false", "IsReminderSet": "false", "EventSubtype": "Event"})
# Meetings with Jürgen Müller on 6 days: strong.
for d in ["2022-11-08", "2023-01-17", "2023-02-21", "2023-03-28", "2023-05-09", "2023-06-13"]:
    event(C(3), OWNER_B, d, "Atelier technique : intégration PMS")
# A demo with three people on one day: one interaction.
for who in [C(3), C(5), C(8)]:
    event(who, OWNER_B, "2023-06-22", "Démo : tableau de bord énergie", type_="Demo")
# Amélie meets José three times: medium.
for d in ["2023-02-07", "2023-04-04", "2023-06-06"]:
    event(C(4), OWNER_A, d, "Négociation contrat-cadre")
event(C(1), OWNER_A, "2023-07-05", "Déjeuner avec Mme Dupré (prévu)")   # after as_of: a plan
event(C(6), OWNER_A, "2023-03-15", "Visite annulée", deleted="true")
write(f"{HERE}/data-export/Event.csv", EVENT_COLUMNS, events, "cp1252")

O = lambda n: f"0068a00000Op{n:03d}AAA"
write(f"{HERE}/data-export/Opportunity.csv",
      ["Id", "IsDeleted", "AccountId", "IsPrivate", "Name", "Description", "StageName", "Amount", "Probability",
       "ExpectedRevenue", "CloseDate", "Type", "NextStep", "LeadSource", "IsClosed", "IsWon", "ForecastCategory",
       "ForecastCategoryName", "OwnerId", "CreatedDate", "FiscalQuarter", "FiscalYear", "Fiscal"],
      [{"Id": O(1), "IsDeleted": "false", "AccountId": DUPRE, "Name": "PMS Cloud — 14 hôtels", "StageName": "Proposal/Price Quote",
        "Amount": "240000", "Probability": "60", "CloseDate": "2023-09-29", "IsClosed": "false", "IsWon": "false",
        "ForecastCategory": "Pipeline", "OwnerId": OWNER_A},
       {"Id": O(2), "IsDeleted": "false", "AccountId": DUPRE, "Name": "Tableau de bord énergie", "StageName": "Qualification",
        "Amount": "38500.50", "Probability": "10", "CloseDate": "2023-12-15", "IsClosed": "false", "IsWon": "false",
        "OwnerId": OWNER_B},
       {"Id": O(3), "IsDeleted": "false", "AccountId": DUPRE, "Name": "Wi-Fi invités 2022", "StageName": "Closed Lost",
        "Amount": "90000", "Probability": "0", "CloseDate": "2022-10-14", "IsClosed": "true", "IsWon": "false",
        "OwnerId": OWNER_A},
       {"Id": O(4), "IsDeleted": "false", "AccountId": DUPRE, "Name": "Bornes d'accueil 2020", "StageName": "Closed Won",
        "Amount": "61000", "Probability": "100", "CloseDate": "2020-06-30", "IsClosed": "true", "IsWon": "true",
        "OwnerId": OWNER_A},
       {"Id": O(5), "IsDeleted": "true", "AccountId": DUPRE, "Name": "Doublon PMS", "StageName": "Prospecting",
        "Amount": "999999", "CloseDate": "2023-08-01", "IsClosed": "false", "IsWon": "false", "OwnerId": OWNER_A},
       {"Id": O(6), "IsDeleted": "false", "AccountId": UM, "Name": "UM media data", "StageName": "Prospecting",
        "Amount": "15000", "CloseDate": "2023-08-01", "IsClosed": "false", "IsWon": "false", "OwnerId": OWNER_B}], "cp1252")

def role(n, opp, who, r, primary="false", deleted="false"):
    return {"Id": f"00K8a00000Ocr{n:03d}A", "OpportunityId": opp, "ContactId": who, "Role": r, "IsPrimary": primary,
            "CreatedDate": "2023-01-10T10:00:00.000Z", "IsDeleted": deleted}
write(f"{HERE}/data-export/OpportunityContactRole.csv",
      ["Id", "OpportunityId", "ContactId", "Role", "IsPrimary", "CreatedDate", "CreatedById", "LastModifiedDate",
       "SystemModstamp", "IsDeleted"],
      [role(1, O(1), C(1), "Decision Maker"), role(2, O(1), C(2), "Economic Buyer", "true"),
       role(3, O(1), C(3), "Technical Buyer"),
       # Only on the lost 2022 deal: a past role, kept in notes.
       role(4, O(3), C(6), "Decision Maker"),
       # On the lost deal and on the won deal of 2020: 1/2 + 1/2, given.
       role(5, O(3), C(4), "Evaluator"), role(6, O(4), C(4), "Evaluator"),
       # On the duplicate's id: counts for José.
       role(7, O(1), C(10), "Business User"),
       role(8, O(1), C(7), "Influencer", deleted="true"),
       role(9, O(6), "0038a00000UmX00AAA", "Decision Maker")], "cp1252")

# report-us/: Salesforce reports exported in a US locale: labels, "Account Name", month-first dates.
write(f"{HERE}/report-us/Contact.csv",
      ["Contact ID", "Account Name", "First Name", "Last Name", "Title", "Department", "Email", "Reports To ID", "Mailing City"],
      [{"Contact ID": "0038a00000Rp001", "Account Name": "Harbor & Finch", "First Name": "Megan", "Last Name": "O'Neill",
        "Title": "CFO", "Department": "Finance", "Email": "moneill@harborfinch.com", "Mailing City": "Boston"},
       {"Contact ID": "0038a00000Rp002", "Account Name": "Harbor & Finch", "First Name": "Derek", "Last Name": "Lam",
        "Title": "IT Director", "Department": "IT", "Email": "dlam@harborfinch.com", "Reports To ID": "0038a00000Rp001"},
       {"Contact ID": "0038a00000Rp003", "Account Name": "Harbor & Finch", "First Name": "Priya", "Last Name": "Raman",
        "Title": "Store Ops Manager", "Department": "Operations", "Email": "praman@harborfinch.com", "Reports To ID": "0038a00000Rp001"},
       {"Contact ID": "0038a00000Rp004", "Account Name": "Delta Freight", "First Name": "Sam", "Last Name": "Ortiz",
        "Title": "Buyer", "Department": "Procurement", "Email": "sortiz@deltafreight.com"}], "utf-8")
write(f"{HERE}/report-us/Task.csv",
      ["Assigned", "Assigned ID", "Subject", "Name", "Name ID", "Date", "Status", "Task Subtype", "Completed Date/Time", "Account"],
      [{"Assigned": "Amy Chen", "Assigned ID": "0058a00000AmyCh", "Subject": "Call: budget review", "Name": "Megan O'Neill",
        "Name ID": "0038a00000Rp001", "Date": "1/23/2023", "Status": "Completed", "Task Subtype": "Call",
        "Completed Date/Time": "1/23/2023 4:05 PM", "Account": "Harbor & Finch"},
       {"Assigned": "Amy Chen", "Assigned ID": "0058a00000AmyCh", "Subject": "Call: renewal terms", "Name": "Megan O'Neill",
        "Name ID": "0038a00000Rp001", "Date": "3/4/2023", "Status": "Completed", "Task Subtype": "Call",
        "Completed Date/Time": "3/4/2023 10:30 AM", "Account": "Harbor & Finch"},
       {"Assigned": "Amy Chen", "Assigned ID": "0058a00000AmyCh", "Subject": "Follow up on POS pilot", "Name": "Derek Lam",
        "Name ID": "0038a00000Rp002", "Date": "6/30/2023", "Status": "Not Started", "Task Subtype": "Task",
        "Account": "Harbor & Finch"},
       {"Assigned": "Raj Patel", "Assigned ID": "0058a00000RajPa", "Subject": "Email: POS pilot results", "Name": "Derek Lam",
        "Name ID": "0038a00000Rp002", "Date": "5/12/2023", "Status": "Completed", "Task Subtype": "Email",
        "Completed Date/Time": "5/12/2023 9:15 AM", "Account": "Harbor & Finch"}], "utf-8")
write(f"{HERE}/report-us/Event.csv",
      ["Assigned", "Assigned ID", "Subject", "Name", "Name ID", "Start", "End", "Type", "Account"],
      [{"Assigned": "Raj Patel", "Assigned ID": "0058a00000RajPa", "Subject": "Store walk-through", "Name": "Priya Raman",
        "Name ID": "0038a00000Rp003", "Start": "2/16/2023 1:00 PM", "End": "2/16/2023 3:00 PM", "Type": "Meeting",
        "Account": "Harbor & Finch"}], "utf-8")
write(f"{HERE}/report-us/User.csv", ["User ID", "First Name", "Last Name", "Title"],
      [{"User ID": "0058a00000AmyCh", "First Name": "Amy", "Last Name": "Chen", "Title": "Account Executive"},
       {"User ID": "0058a00000RajPa", "First Name": "Raj", "Last Name": "Patel", "Title": "Sales Engineer"}], "utf-8")

# HubSpot: Contacts > Export, CSV, all properties of the view; property labels as headers.
write(f"{HERE}/hubspot-contacts.csv",
      ["Record ID", "First Name", "Last Name", "Email", "Phone Number", "Contact owner", "Lead Status", "Lifecycle Stage",
       "Marketing contact status", "Create Date", "Last Activity Date", "Last Contacted", "Job Title", "Associated Company"],
      [{"Record ID": "51", "First Name": "Laura", "Last Name": "Bennett", "Email": "laura.bennett@northwind.io",
        "Contact owner": "Chris Doyle", "Lifecycle Stage": "Opportunity", "Create Date": "2022-09-14 10:02",
        "Last Activity Date": "2023-06-21 15:40", "Last Contacted": "2023-06-21 15:40", "Job Title": "VP Operations",
        "Associated Company": "Northwind Traders"},
       {"Record ID": "52", "First Name": "Omar", "Last Name": "Haddad", "Email": "omar.haddad@northwind.io",
        "Contact owner": "Chris Doyle", "Lifecycle Stage": "Opportunity", "Create Date": "2022-09-14 10:05",
        "Last Activity Date": "2023-05-30 09:12", "Last Contacted": "2023-04-11 11:00", "Job Title": "IT Manager",
        "Associated Company": "Northwind Traders"},
       {"Record ID": "53", "First Name": "Mei", "Last Name": "Lin", "Email": "mei.lin@northwind.io",
        "Contact owner": "Dana Fox", "Lifecycle Stage": "Lead", "Create Date": "2023-01-03 08:00",
        "Last Activity Date": "2023-03-02 13:00", "Job Title": "Procurement Lead", "Associated Company": "Northwind Traders"},
       {"Record ID": "54", "First Name": "Ken", "Last Name": "", "Email": "ken@northwind.io", "Contact owner": "",
        "Lifecycle Stage": "Subscriber", "Create Date": "2023-02-20 12:00", "Job Title": "Analyst",
        "Associated Company": "Northwind Traders"},
       {"Record ID": "61", "First Name": "Ana", "Last Name": "Costa", "Email": "ana@contoso.pt", "Contact owner": "Dana Fox",
        "Lifecycle Stage": "Lead", "Create Date": "2023-02-01 09:00", "Job Title": "CTO", "Associated Company": "Contoso Lda"}],
      "utf-8-sig")

# Dynamics 365: the contact table's logical names, as Export data / the Web API writes them;
# lookups as GUIDs with their formatted names beside them.
A1, A2 = "5b7f3e2a-1c4d-4e8f-9a1b-2c3d4e5f6a7b", "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a"
G = lambda n: f"0f1e2d3c-4b5a-4968-8776-{n:012d}"
write(f"{HERE}/dynamics-contacts.csv",
      ["contactid", "fullname", "firstname", "lastname", "jobtitle", "department", "emailaddress1", "telephone1",
       "parentcustomerid", "parentcustomeridname", "parentcustomeridtype", "parentcontactid", "managername", "ownerid",
       "owneridname", "statecode", "createdon", "modifiedon"],
      [{"contactid": G(1), "fullname": "Ingrid Holm", "firstname": "Ingrid", "lastname": "Holm", "jobtitle": "Managing Director",
        "department": "Board", "emailaddress1": "ingrid.holm@fabrikam.no", "parentcustomerid": A1,
        "parentcustomeridname": "Fabrikam AS", "parentcustomeridtype": "account", "ownerid": "a1", "owneridname": "Lena Berg",
        "statecode": "0", "createdon": "2022-05-04T09:00:00Z", "modifiedon": "2023-05-04T09:00:00Z"},
       {"contactid": G(2), "fullname": "Per Olsen", "firstname": "Per", "lastname": "Olsen", "jobtitle": "CFO",
        "department": "Finance", "emailaddress1": "per.olsen@fabrikam.no", "parentcustomerid": A1,
        "parentcustomeridname": "Fabrikam AS", "parentcustomeridtype": "account", "parentcontactid": G(1),
        "ownerid": "a1", "owneridname": "Lena Berg", "statecode": "0"},
       {"contactid": G(3), "fullname": "Kari Nilsen", "firstname": "Kari", "lastname": "Nilsen", "jobtitle": "Head of Logistics",
        "department": "Logistics", "emailaddress1": "kari.nilsen@fabrikam.no", "parentcustomerid": A1,
        "parentcustomeridname": "Fabrikam AS", "parentcustomeridtype": "account", "managername": "Ingrid Holm",
        "ownerid": "b2", "owneridname": "Tom Reed", "statecode": "0"},
       {"contactid": G(4), "fullname": "", "firstname": "Ola", "lastname": "Dahl", "jobtitle": "Warehouse Lead",
        "department": "Logistics", "parentcustomerid": A1, "parentcustomeridname": "Fabrikam AS",
        "parentcustomeridtype": "account", "parentcontactid": G(3), "ownerid": "b2", "owneridname": "Tom Reed", "statecode": "0"},
       {"contactid": G(5), "fullname": "Lucas Meyer", "firstname": "Lucas", "lastname": "Meyer", "jobtitle": "Buyer",
        "parentcustomerid": A2, "parentcustomeridname": "Adventure Works GmbH", "parentcustomeridtype": "account",
        "ownerid": "a1", "owneridname": "Lena Berg", "statecode": "0"}], "utf-8")
