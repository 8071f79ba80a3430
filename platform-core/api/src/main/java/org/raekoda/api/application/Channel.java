package org.raekoda.api.application;

/** Through which channel an action was taken, as recorded in the audit trail. */
public enum Channel {
    /** The applicant, in the portal or through the API. */
    SELF_SERVICE,
    /** An officer, including at a service centre on the applicant's behalf. */
    SERVICE_CENTRE,
    /** The platform itself: an automatic decision or a scheduled change. */
    AUTOMATIC
}
