/// The columns a CRM's own contact export writes, so that `relmap import hubspot` and
/// `relmap import dynamics` need no `--map` (docs/import.md, "From HubSpot", "From
/// Dynamics 365"). Headers are listed in order of preference and match ignoring case,
/// spaces and `_`; both the labels a user sees and the API names are accepted.
public struct CRMPreset: Sendable {
    /// The product's name, for messages and the file's header.
    public var product: String
    /// Headers by field, best first.
    var headers: [ColumnMapping.Field: [String]]
    /// What a contact from the owner column is worth: the export says who owns the
    /// person and when the last activity was, not how often they met.
    var ownerStrength: ContactStrength = .weak

    /// HubSpot's contacts export (Contacts > Export, "CSV"): property labels as headers.
    /// "Contact owner" is the owner's name; "Last Contacted" counts only sales activities
    /// (calls, sales e-mails, meetings), so it is preferred to "Last Activity Date".
    public static let hubspot = CRMPreset(
        product: "HubSpot",
        headers: [
            .crmId: ["Record ID", "Contact ID", "hs_object_id"],
            .name: ["Full Name"],
            .firstName: ["First Name", "firstname"],
            .lastName: ["Last Name", "lastname"],
            .title: ["Job Title", "jobtitle"],
            .department: ["Department"],
            .email: ["Email", "email"],
            .company: ["Associated Company", "Company Name", "company"],
            .member: ["Contact owner", "hubspot_owner_id"],
            .last: ["Last Contacted", "notes_last_contacted", "Last Activity Date", "notes_last_updated"],
            .notes: [],
        ])

    /// Dynamics 365 / Dataverse contacts: the table's logical names (Export data, the Web
    /// API, Power Automate) or the display names an Excel export of a view writes.
    /// The company is the lookup parentcustomerid (its name in parentcustomeridname or
    /// "Company Name"); the manager is the contact parentcontactid or managerid points
    /// to, else the free-text managername.
    public static let dynamics = CRMPreset(
        product: "Dynamics 365",
        headers: [
            .crmId: ["contactid", "(Do Not Modify) Contact", "Contact"],
            .name: ["fullname", "Full Name"],
            .firstName: ["firstname", "First Name"],
            .lastName: ["lastname", "Last Name"],
            .title: ["jobtitle", "Job Title"],
            .department: ["department", "Department"],
            .email: ["emailaddress1", "Email"],
            .company: ["parentcustomeridname", "Company Name", "parentcustomerid"],
            .reportsTo: ["parentcontactid", "managerid", "managername", "Manager"],
            .member: ["owneridname", "Owner", "ownerid"],
            .notes: [],
        ])
}
